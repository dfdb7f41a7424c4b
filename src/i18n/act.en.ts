/** English words for the campaign (/act) pages; part of the `en` catalogue as `act`. */
const fmt = (n: number) => n.toLocaleString("en-US");
const ordinal = (n: number) => {
  const rem100 = n % 100;
  const suffix = rem100 >= 11 && rem100 <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${suffix}`;
};

export const actEn = {
  navLabel: "Call Congress",
  zipLabel: "Your ZIP code",
  zipHint: "We use it to find your members of Congress. It is remembered on this device only.",
  nameLabel: "Your name (optional)",
  nameHint: "Only used to fill in the script below. Not stored.",
  findButton: "Find my members",
  changeZip: "Change ZIP",
  totals: (total: number, week: number) => `${fmt(total)} ${total === 1 ? "action" : "actions"} taken so far, ${fmt(week)} this week.`,
  resultsHeading: (zip: string, place: string | null) => (place ? `Your members of Congress for ${zip} (${place})` : `Your members of Congress for ${zip}`),
  senateHeading: (state: string) => `Senators for ${state}`,
  houseHeading: "Your representative in the House",
  houseHeadingAmbiguous: "One of these is your representative",
  ambiguousExplainer: (n: number) =>
    `Your ZIP code is split between ${fmt(n)} congressional districts. Enter your street address to find out which one is yours, or contact them all.`,
  addressLabel: "Street address",
  addressHint: "For example 123 Main St. We send it to the U.S. Census Bureau's address search and do not keep it.",
  addressButton: "Find my district",
  addressFound: (address: string) => `Found by address: ${address}.`,
  addressNotFound: "We could not find that address. Check it, or contact every member below.",
  addressUnavailable: "The Census address search is not answering right now. Your representative is one of the members below; try again later.",
  noSenators: (place: string) =>
    `${place} has no senators. Its one member of Congress sits in the House and can speak and vote in committees, but not on final passage of bills.`,
  crossState: "Your ZIP code crosses a state line, so we show the senators of each state.",
  unknownPlace: "your ZIP code",
  // Titles: how a member is addressed in scripts and headings.
  titles: { senator: "Senator", representative: "Representative", delegate: "Delegate", resident_commissioner: "Resident Commissioner" },
  shortTitles: { senator: "Sen.", representative: "Rep.", delegate: "Del.", resident_commissioner: "Res. Comm." },
  parties: { Democrat: "Democrat", Republican: "Republican", Independent: "Independent" } as Record<string, string>,
  seatLabel: (stateName: string, district: number | null) =>
    district === null ? stateName : district === 0 ? `${stateName} (at large)` : `${stateName}'s ${ordinal(district)} district`,
  vacantHeading: "Vacant seat",
  vacantBody: (seat: string) => `${seat}: this seat is empty until a special election. There is nobody to call here for now.`,
  vacantSenate: (state: string) => `One of ${state}'s Senate seats is empty until it is filled.`,
  // Cosponsor status, for the member's chamber's bill.
  statusSponsor: (bill: string) => `Sponsor of ${bill}`,
  statusCosponsor: (bill: string, since: string | null) => (since ? `Cosponsor of ${bill} since ${since}` : `Cosponsor of ${bill}`),
  statusWithdrew: (bill: string, date: string | null) => (date ? `Withdrew from ${bill} on ${date}` : `Withdrew from ${bill}`),
  statusNot: (bill: string, asOf: string | null) => (asOf ? `Not a cosponsor of ${bill} (as of ${asOf})` : `Not a cosponsor of ${bill}`),
  statusUnknown: (bill: string) => `Not confirmed: our list of ${bill} cosponsors is incomplete`,
  statusNoBill: "Position unknown: this campaign has no bill in their chamber yet",
  seeCosponsors: "See every cosponsor",
  callsThisWeek: (n: number, who: string) => `${fmt(n)} ${n === 1 ? "call" : "calls"} to ${who} this week`,
  mailboxFullWarning: (n: number) =>
    `${fmt(n)} ${n === 1 ? "caller" : "callers"} found the Washington mailbox full in the last day. Try a local office instead.`,
  // Call
  callHeading: "Call",
  callOffices: "Numbers to call",
  capitolOffice: "Washington, DC",
  localOffice: (city: string) => `${city} office`,
  noPhone: "We have no phone number for this office. Use the contact form below.",
  scriptHeading: "What to say",
  scriptYourName: "[your name]",
  outcomeHeading: "How did it go?",
  outcomeHint: "Tell us after your call. It is anonymous and helps others know what to expect.",
  outcomes: {
    talked_to_staff: "Talked to staff",
    left_voicemail: "Left voicemail",
    busy_no_answer: "Busy / no answer",
    mailbox_full: "Mailbox full",
    sent_letter: "I sent it",
    posted: "I posted it",
  },
  thanksLogged: "Thank you! Your report is counted.",
  // Write
  writeHeading: "Write",
  contactForm: (who: string) => `Open ${who}'s official contact form`,
  emailThem: (who: string) => `E-mail ${who} (opens your mail app with the letter)`,
  noContactForm: "We have no contact form for this member. Use their website or call instead.",
  website: "Official website",
  letterLabel: "Your letter (copy it into the form)",
  subjectLabel: "Subject",
  copy: "Copy",
  copied: "Copied",
  // Post
  postHeading: "Post",
  postLabel: "Your post",
  postOnX: "Post on X",
  postOnBluesky: "Post on Bluesky",
  postOnMastodon: "Post on Mastodon",
  noHandle: (network: string) => `They have no ${network} account we know of; the post names them instead.`,
  // Mastodon: one server per person, so we ask which.
  mastodonTitle: "Post on Mastodon",
  mastodonLead: "Mastodon has many servers. Type yours and we will open your post there.",
  mastodonInstanceLabel: "Your Mastodon server",
  mastodonInstanceHint: "For example mastodon.social",
  mastodonContinue: "Continue",
  mastodonOpen: (server: string) => `Open the post on ${server}`,
  backToCampaign: "Back to the campaign",
  // Campaign list
  otherCampaigns: "Other campaigns",
  billCosponsors: (bill: string, n: number, asOf: string | null) =>
    `${bill}: ${fmt(n)} ${n === 1 ? "cosponsor" : "cosponsors"}${asOf ? ` as of ${asOf}` : ""}`,
  dataAsOf: (date: string) => `Member data and cosponsor lists as of ${date}.`,
  aboutStatus: "How we know",
} as const;
