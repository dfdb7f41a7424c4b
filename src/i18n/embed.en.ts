/** English words for the embeds partner sites put in an iframe (/embed/*); part of the `en` catalogue as `embed`. */
export const embedEn = {
  poweredBy: "Powered by Everybody In",
  newTab: "(opens in a new tab)",
  // /embed/act/<campaign>
  zipHint: "Only used to find your members of Congress. Nothing is stored on this device.",
  splitNotice: (n: number) => `Your ZIP code is split between ${n} congressional districts: one of these House members is yours.`,
  findExactMember: "Find your exact member by address",
  callLabel: (phone: string) => `Call ${phone}`,
  officeCall: (office: string, phone: string) => `${office}: ${phone}`,
  writeLink: "Write to them",
  moreWays: "More ways to act: letters, posts and every cosponsor",
  // /embed/groups/<state>
  groupsHeading: (state: string) => `Medicare for All groups in ${state}`,
  joinThis: "Join this group",
  visitPage: "Visit the group's page",
  joinHeading: "Join a group",
  joinOneHeading: (group: string) => `Join ${group}`,
  joinLead: "The organizers will see your name and ZIP code. Your e-mail address stays private. We will e-mail you once to confirm.",
  groupLabel: "Group",
  chooseGroup: "Choose a group",
  joinSubmit: "Join",
  noGroupLead: (state: string) => `There is no single-payer group in ${state} yet. You could be the one who starts it.`,
  // Forms and errors inside the frame
  expiredTitle: "This form has expired",
  expiredBody: "Nothing was sent. Forms here stay valid for a day: load it again and send it once more.",
  startAgain: "Start again",
  // The snippet on the campaign and state pages
  snippetHeading: "Put this on your website",
  snippetLead:
    "Copy this code into your site (in WordPress, a “Custom HTML” block). It shows a compact version of this page that works inside your page. It sets no cookies and loads nothing from anyone else.",
  snippetLabel: "Code to copy",
};
