/** English words for the cosponsors pages; part of the `en` catalogue as `cosponsors`. */
const fmt = (n: number) => n.toLocaleString("en-US");
const ordinal = (n: number) => {
  const rem100 = n % 100;
  const suffix = rem100 >= 11 && rem100 <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${suffix}`;
};
const chamberName = (chamber: "house" | "senate") => (chamber === "house" ? "House" : "Senate");
const memberWord = (chamber: "house" | "senate", n: number) =>
  chamber === "house" ? (n === 1 ? "representative" : "representatives") : n === 1 ? "senator" : "senators";

export const cosponsorsEn = {
  title: "Cosponsors",
  pageTitle: (bill: string) => `${bill} sponsor and cosponsors`,
  pageDescription: (bill: string, title: string) => `Who sponsors and cosponsors ${bill}, the ${title}, state by state.`,
  heading: (bill: string, title: string) => `${bill}: ${title}`,
  introduced: (chamber: "house" | "senate", date: string, congress: number) =>
    `Introduced in the ${chamberName(chamber)} on ${date}, in the ${ordinal(congress)} Congress.`,
  countComplete: (n: number, date: string) =>
    `${fmt(n)} ${n === 1 ? "cosponsor" : "cosponsors"} as of ${date} (the official count). The list is complete.`,
  countCompleteNoDate: (n: number) => `${fmt(n)} ${n === 1 ? "cosponsor" : "cosponsors"} (the official count). The list is complete.`,
  countIncomplete: (known: number, official: number, date: string) =>
    `We know ${fmt(known)} of the ${fmt(official)} cosponsors as of ${date}. The list is incomplete, so we cannot say who has not signed on.`,
  countIncompleteNoOfficial: (known: number, date: string) =>
    `We know ${fmt(known)} ${known === 1 ? "cosponsor" : "cosponsors"} as of ${date}, but not the official count. The list may be incomplete, so we cannot say who has not signed on.`,
  countNoDate: (known: number) =>
    `We know ${fmt(known)} ${known === 1 ? "cosponsor" : "cosponsors"}; we do not know when the list was last checked, so it may be incomplete.`,
  withdrawnCount: (n: number) => (n === 1 ? "1 more cosponsor signed on and later withdrew." : `${fmt(n)} more cosponsors signed on and later withdrew.`),
  pastCongress: (congress: number) =>
    `This bill was in the ${ordinal(congress)} Congress, which has ended. People are listed as they were when they signed on.`,
  congressGov: (bill: string) => `${bill} on congress.gov (official record)`,
  sponsorHeading: "Sponsor",
  formerSponsor: (name: string) => `Earlier sponsor: ${name}`,
  mapHeading: "Support by state",
  mapTitle: (bill: string, chamber: "house" | "senate") => `Map: share of each state's ${chamber === "house" ? "House delegation" : "senators"} behind ${bill}`,
  mapDesc: (chamber: "house" | "senate") =>
    `Each state is shaded by how many of its ${memberWord(chamber, 2)} sponsor or cosponsor the bill: none, under half, half or more, or all. Each state links to its list on this page.`,
  mapStateLabel: (state: string, supporters: number, delegation: number, chamber: "house" | "senate") =>
    `${state}: ${fmt(supporters)} of ${fmt(delegation)} ${memberWord(chamber, delegation)} on the bill`,
  legend: ["None", "Under half", "Half or more", "All"],
  mapNote: "The map counts members in office today: the sponsor and current cosponsors, out of each state's seats that are filled.",
  mapTableCaption: "Support by state, as a table",
  mapTableState: "State",
  mapTableSupporters: "On the bill",
  mapTableDelegation: "Seats filled",
  partyHeading: "Cosponsors by party",
  partyCount: (party: string, n: number) => {
    const names: Record<string, [string, string]> = { D: ["Democrat", "Democrats"], R: ["Republican", "Republicans"], I: ["Independent", "Independents"] };
    const name = names[party];
    return name ? `${fmt(n)} ${n === 1 ? name[0] : name[1]}` : `${fmt(n)} (${party})`;
  },
  partyName: (party: string) => ({ D: "Democrat", R: "Republican", I: "Independent" } as Record<string, string>)[party] ?? party,
  jumpToState: "Jump to a state",
  cosponsorsHeading: "Cosponsors by state",
  noCosponsors: "No cosponsors are on file for this bill.",
  stateCount: (n: number) => (n === 1 ? "1 cosponsor" : `${fmt(n)} cosponsors`),
  district: (n: number | null) => (n === null ? "" : n === 0 ? "At large" : `District ${n}`),
  since: (date: string) => `since ${date}`,
  sinceUnknown: "date not known",
  withdrew: (date: string) => `withdrew on ${date}`,
  withdrawnBadge: "Withdrawn",
  leftOffice: "no longer in Congress",
  notSignedOnHeading: "Not signed on yet",
  notSignedOnLead: (n: number, chamber: "house" | "senate", bill: string) =>
    n === 0
      ? `Every member of the ${chamberName(chamber)} is on ${bill}.`
      : `${fmt(n)} ${memberWord(chamber, n)} in office today ${n === 1 ? "has" : "have"} not cosponsored ${bill}. Ask yours to sign on.`,
  notSignedOnState: (n: number, chamber: "house" | "senate") => `${fmt(n)} ${memberWord(chamber, n)}`,
  callThem: "Call your members of Congress",
  notSignedOnUnknown: "The list of cosponsors we hold is incomplete, so we do not list who has not signed on: someone missing here may well be a cosponsor.",
  notSignedOnPast: "This Congress has ended, so there is nobody left to ask to sign on to this bill.",
  otherBillsHeading: "Other Medicare for All bills",
  otherBill: (bill: string, congress: number, title: string) => `${bill} (${ordinal(congress)} Congress): ${title}`,
  currentBadge: "current",
  aboutData: "How we collect this data",
} as const;
