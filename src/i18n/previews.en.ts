/** English words for link previews (the og:image cards and their meta tags); part of the `en` catalogue as `previews`. */
const fmt = (n: number) => n.toLocaleString("en-US");
const ordinal = (n: number) => {
  const rem100 = n % 100;
  const suffix = rem100 >= 11 && rem100 <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${suffix}`;
};

export const previewsEn = {
  /** og:locale */
  ogLocale: "en_US",
  homeHeadline: (covered: number, total: number) => `${fmt(covered)} of ${fmt(total)} states have a local group`,
  homeDetail: "Find yours, or start one. Medicare for All needs everybody in.",
  homeAlt: (covered: number, total: number) =>
    `Map of the United States shaded by local single-payer groups: ${fmt(covered)} of ${fmt(total)} states have one.`,
  stateHeadline: (state: string) => `Join the single-payer movement in ${state}`,
  stateGroupsLabel: (n: number, state: string) => (n === 1 ? `local group in ${state}` : `local groups in ${state}`),
  stateAlt: (state: string, n: number) => `Join the single-payer movement in ${state}: ${n === 1 ? "1 local group" : `${fmt(n)} local groups`}.`,
  stateEmptyHeadline: (state: string) => `Start the first single-payer group in ${state}`,
  stateEmptyDetail: "No local group here yet. We help you find your first members.",
  groupEyebrow: "Medicare for All group",
  groupAlt: (name: string, place: string) => `${name}, a single-payer group: ${place}.`,
  groupPlace: (city: string, state: string) => `${city}, ${state}`,
  groupDescription: (name: string, place: string) => `${name} organizes for Medicare for All: ${place}. Join them, or get in touch.`,
  statePageDescription: (state: string, n: number) =>
    n === 0
      ? `There is no single-payer group in ${state} yet. Start one, or hear when one forms.`
      : `${n === 1 ? "1 local group" : `${fmt(n)} local groups`} organizing for Medicare for All in ${state}. Find one and join.`,
  houseCosponsors: (bill: string) => `House cosponsors of ${bill}`,
  senateCosponsors: (bill: string) => `Senate cosponsors of ${bill}`,
  campaignEyebrow: "Call Congress",
  campaignAlt: (title: string, house: number, senate: number) => `${title}: ${fmt(house)} House and ${fmt(senate)} Senate cosponsors.`,
  billEyebrow: (bill: string, congress: number) => `${bill}, ${ordinal(congress)} Congress`,
  billCosponsors: (n: number) => (n === 1 ? "current cosponsor" : "current cosponsors"),
  billAsOf: (date: string) => `Official cosponsor roll as of ${date}`,
  billAlt: (bill: string, title: string, n: number) => `${bill}, ${title}: ${n === 1 ? "1 cosponsor" : `${fmt(n)} cosponsors`}.`,
  fontCreditHeading: "Typeface of our link previews",
  fontCredit:
    "The images shown when a page of this site is shared are set in Atkinson Hyperlegible, © 2020 Braille Institute of America, used under the SIL Open Font License 1.1.",
  siteAlt: "Everybody In: Medicare for All, organized in every state.",
};
