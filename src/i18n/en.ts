/**
 * The English catalogue: every word the app shows lives here. Other languages implement
 * the same `Messages` type, so a missing translation is a type error, not a blank on a page.
 * Messages that need numbers or names are functions; never glue sentences from fragments.
 */
export const en = {
  meta: {
    siteName: "Everybody In",
    tagline: "Medicare for All, organized in every state",
    skipToContent: "Skip to main content",
    languageName: "English",
    htmlLang: "en",
  },
  nav: {
    label: "Main",
    home: "Home",
    aboutData: "Our data",
    updates: "Get updates",
  },
  footer: {
    about: "Everybody In is open-source software for the single-payer movement. No trackers, no ads.",
    dataCredit: "Sources and licences of the public data",
    otherLanguage: "Español",
  },
  home: {
    title: "Everybody In: Medicare for All, organized in every state",
    heading: "Medicare for All needs everybody in.",
    lead: "Find a local single-payer group, see where your members of Congress stand, and call them with a script that fits.",
    statsHeading: "The movement in numbers",
    groups: (n: number) => (n === 1 ? "1 local group listed" : `${fmt(n)} local groups listed`),
    statesCovered: (n: number) => (n === 1 ? "1 state with a group" : `${fmt(n)} states with a group`),
    statesMissing: (n: number) =>
      n === 0 ? "Every state has a group." : n === 1 ? "1 state still needs a group" : `${fmt(n)} states still need a group`,
    membersLoaded: (n: number) => (n === 1 ? "1 member of Congress on file" : `${fmt(n)} members of Congress on file`),
    cosponsors: (house: number, senate: number) =>
      `${fmt(house)} House and ${fmt(senate)} Senate cosponsors of the Medicare for All Act`,
    cosponsorsAsOf: (date: string) => `Official cosponsor rolls as of ${date}.`,
    dataMissingHeading: "Public data is not loaded yet",
    dataMissing:
      "Groups, members of Congress and ZIP look-ups need the public data. Run `npm run data:update` (online) or start with DATA_DIR pointing at a copy of the data.",
    comingSoon: "Group directory, ZIP look-up and call scripts are on their way.",
  },
  aboutData: {
    title: "Where our data comes from",
    heading: "Where our data comes from",
    lead: "Every number on this site comes from a public source. Here is each one, how fresh it is, and its licence.",
    dataset: "Dataset",
    source: "Source",
    licence: "Licence",
    version: "Version",
    asOf: "As of",
    rows: "Rows",
    importedAt: "Imported",
    unknown: "unknown",
    notLoaded: "Not loaded",
    notLoadedHelp:
      "This dataset has not been imported. An administrator can run `npm run data:update`, or start the app with DATA_DIR set to a folder holding the files.",
    credit: "Credit",
    billsHeading: "Medicare for All bills",
    billsLead:
      "Cosponsor lists come from the official bill status files. Where our copy is incomplete we say “unknown” rather than “not a cosponsor”.",
    bill: "Bill",
    billHeading: (number: string, congress: number, title: string) => `${number} (${congress}th Congress): ${title}`,
    cosponsorsLoaded: "Cosponsors on file",
    officialCount: "Official count",
    complete: "complete",
    incomplete: "incomplete",
  },
  forms: {
    errorSummaryHeading: "Please fix these problems:",
    optional: "optional",
    fieldErrors: {
      required: "Please fill this in.",
      too_long: "This is too long.",
      invalid_email: "Enter an e-mail address like name@example.com.",
      invalid_zip: "Enter a 5-digit ZIP code, like 55401.",
      unknown_zip: "We could not find this ZIP code. Check it, or choose national updates.",
      invalid_phone: "Enter a US phone number, like 612-555-0123.",
      invalid_choice: "Please choose one of the options.",
      out_of_range: "Enter a number in the allowed range.",
    },
    honeypotLabel: "Leave this field empty",
  },
  updates: {
    title: "Get activism updates",
    heading: "Get Medicare for All activism updates",
    lead: "A few e-mails a month with actions that matter: call days, hearings, events near you. Never shared, never sold.",
    listNotice: "You are joining the Everybody In updates list. We will e-mail you once to confirm your address; nothing else arrives until you do.",
    name: "Your name",
    email: "E-mail",
    zip: "ZIP code",
    zipHint: "We use it to find your state and members of Congress.",
    scopeLegend: "Which updates?",
    scopeNational: "National updates (includes my state)",
    scopeState: "Only updates about my state",
    submit: "Sign me up",
    privacy: "We will never share your address. Every e-mail has a one-click unsubscribe link.",
    checkTitle: "Check your inbox",
    checkHeading: "Check your inbox to confirm",
    checkBody: "We sent you an e-mail with a confirmation link. Open it to start getting updates. It can take a few minutes; check your spam folder too.",
    checkAgain: "Nothing arrived after ten minutes? Sign up again and we will re-send it.",
    confirmedTitle: "You're in",
    confirmedHeading: "You're in. Thank you!",
    confirmedBody: "Your address is confirmed and your updates are on. A welcome e-mail is on its way.",
    alreadyConfirmedBody: "This link was already used: your address is confirmed.",
    expiredTitle: "Link expired",
    expiredHeading: "This confirmation link has expired",
    expiredBody: "Links work for 7 days. Sign up again and we will send you a fresh one.",
    invalidLinkTitle: "Link not valid",
    invalidLinkHeading: "This link does not work",
    invalidLinkBody: "It may have been copied only in part. Try the link from the e-mail again, or sign up again.",
    signUpAgain: "Sign up again",
    preferencesLink: "Choose what you get",
  },
  unsubscribe: {
    title: "Unsubscribe",
    heading: "Unsubscribe",
    question: (list: string) => `Stop getting ${list}?`,
    questionAll: "Stop getting all e-mail from Everybody In?",
    button: "Unsubscribe",
    doneTitle: "Unsubscribed",
    doneHeading: "You are unsubscribed",
    doneBody: (list: string) => `You will not get ${list} any more. It can take a moment for messages already on their way.`,
    doneAllBody: "You will not get any more e-mail from Everybody In.",
    changeMind: "Changed your mind, or want only some updates?",
  },
  preferences: {
    title: "Your e-mail preferences",
    heading: "Choose what you get",
    greeting: (name: string) => `Hi ${name}. Tick what you want to receive; untick to stop.`,
    legend: "Send me",
    save: "Save my choices",
    saved: "Saved. Your choices are in effect now.",
    noneChosen: "You have chosen nothing: you will get no e-mail from us.",
  },
  mail: {
    footerReason: (list: string) => `You get this e-mail because you signed up for ${list} on Everybody In.`,
    footerUnsubscribe: "Unsubscribe",
    footerPreferences: "Choose what you get",
    listNational: "national Medicare for All updates",
    listState: (state: string) => `Medicare for All updates for ${state}`,
    listGroup: (group: string) => `updates from ${group}`,
    listWaitlist: (state: string) => `news when a single-payer group forms in ${state}`,
    greeting: (name: string) => `Hi ${name},`,
    signature: "— Everybody In",
    confirmSubject: "Please confirm your e-mail address",
    confirmBody: (list: string) =>
      `Please confirm that you want ${list}. Until you do, we will not send you anything else.`,
    confirmButton: "Yes, confirm my address",
    confirmExpiry: (days: number) => `The link works for ${days} days and only once.`,
    confirmIgnore: "If you did not ask for this, ignore this e-mail and we will not write again.",
    welcomeSubject: "You're in: welcome to Everybody In",
    welcomeBody: "Thank you for confirming. We will send you news and actions that matter, and never share your address.",
    welcomeNext: "While you wait for the next update: find your local group and tell your members of Congress where you stand.",
    welcomeCta: "Find your local group",
    groupJoinSubject: (group: string) => `Confirm that you want to join ${group}`,
    groupJoinBody: (group: string) =>
      `Please confirm that you want to join ${group}. Its organizers will see your name and ZIP code and can e-mail you about meetings and actions.`,
    groupJoinButton: "Yes, I want to join",
    newMemberSubject: (group: string) => `New member in ${group}`,
    newMemberBody: (member: string, zip: string, group: string) => `${member} (ZIP ${zip}) just joined ${group}. Say hello soon: a quick welcome makes new members stay.`,
    newMemberCta: "See your members",
    foundingReceivedSubject: (group: string) => `We received your application for ${group}`,
    foundingReceivedBody: (group: string, state: string) =>
      `Thank you for stepping up to start ${group} in ${state}. National staff review every application, usually within a week, and will e-mail you when your group is live.`,
    foundingApprovedSubject: (group: string) => `${group} is live`,
    foundingApprovedBody: (group: string) =>
      `Good news: ${group} is approved and listed. You are its first organizer. People near you who asked to be told when a group forms are being told now.`,
    foundingApprovedCta: "Open your group page",
    groupFormedSubject: (group: string, state: string) => `A Medicare for All group formed in ${state}: ${group}`,
    groupFormedBody: (group: string, state: string) =>
      `You asked us to tell you when a single-payer group forms in ${state}. ${group} just started. Join it to meet the people organizing near you.`,
    groupFormedCta: "See the group and join",
    relaySubject: (group: string) => `Message for ${group} from Everybody In`,
    relayIntro: (sender: string, group: string) =>
      `${sender} wrote to the organizers of ${group} through Everybody In. Reply to this e-mail to answer them directly.`,
  },
  errors: {
    notFoundTitle: "Page not found",
    notFoundHeading: "We could not find that page",
    notFoundBody: "The link may be old or mistyped. Try the home page.",
    serverErrorTitle: "Something went wrong",
    serverErrorHeading: "Something went wrong on our side",
    serverErrorBody: (requestId: string) =>
      `Please try again in a minute. If it keeps happening, tell the organizers and quote this reference: ${requestId}.`,
    forbiddenTitle: "Form expired",
    forbiddenHeading: "This form has expired",
    forbiddenBody: "For your security, forms expire. Go back, reload the page and send it again.",
    badRequestTitle: "Request not understood",
    unavailableTitle: "Not available yet",
    conflictTitle: "That clashes with something already saved",
    tooLargeTitle: "Too much data",
    tooLargeBody: "What you sent is larger than we accept. Shorten it and try again.",
    tooManyTitle: "Slow down a little",
    tooManyBody: (seconds: number) => `Too many tries from your connection. Try again in ${fmt(seconds)} seconds.`,
    backHome: "Go to the home page",
  },
} as const;

function fmt(n: number) {
  return n.toLocaleString("en-US");
}

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : { readonly [K in keyof T]: Widen<T[K]> };

export type Messages = Widen<typeof en>;
