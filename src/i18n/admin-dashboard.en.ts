/** English words for /admin (dashboard); part of the catalogue as `admin.dashboard`. */
export const adminDashboardEn = {
  title: "Dashboard",
  heading: "National dashboard",
  headlineLabel: "The movement at a glance",
  activeGroups: "Active local groups",
  statesCovered: "States with a group",
  statesCoveredValue: (n: number, total: number) => `${n} of ${total}`,
  peopleConfirmed: "People with a confirmed address",
  actionsLastSevenDays: "Actions in the last 7 days",
  pendingApplications: "Applications to found a group, waiting",
  reviewApplications: (n: number) => (n === 1 ? "Review the waiting application" : `Review ${n} waiting applications`),
  showTable: "Show as a table",
  weekOf: "Week of",
  noData: "Nothing to show yet.",
  coverageHeading: "States covered over time",
  coverageTitle: "States with an active group, week by week",
  coverageDesc: (weeks: number, latest: number, total: number) =>
    `A line over the last ${weeks} weeks. At the end of the latest week, ${latest} of ${total} states had an active group.`,
  coverageSeries: "States covered",
  growthHeading: "Sign-ups and group joins per week",
  growthTitle: "Confirmed sign-ups and group joins, week by week",
  growthDesc: (weeks: number, signUps: number, joins: number) =>
    `Two columns per week over the last ${weeks} weeks. In all, ${signUps} people confirmed their address and ${joins} group memberships were confirmed.`,
  signUpsSeries: "Confirmed sign-ups",
  joinsSeries: "Group joins",
  membersHeading: "Actions per member of Congress",
  membersLead: (campaign: string) => `The 20 members who heard from the most people in the campaign “${campaign}”, all time and in the last 7 days.`,
  noCampaign: "No campaign is running, so there are no actions to count.",
  membersTitle: "Actions reported per member of Congress",
  membersDesc: (shown: number, top: string, count: number) =>
    `Horizontal bars for the ${shown} members with the most reported actions. The most contacted is ${top}, with ${count}.`,
  memberColumn: "Member of Congress",
  allTime: "All time",
  lastSevenDays: "Last 7 days",
  staleHeading: "Groups not confirmed active for 6 months",
  staleLead: (n: number, days: number) =>
    n === 1
      ? `1 active group has not been confirmed as still meeting in the last ${days} days, or ever.`
      : `${n} active groups have not been confirmed as still meeting in the last ${days} days, or ever.`,
  staleShown: (shown: number, total: number) => `The ${shown} unconfirmed the longest are listed here, of ${total}.`,
  staleNone: "Every active group was confirmed in the last 6 months.",
  groupColumn: "Group",
  stateColumn: "State",
  lastConfirmedColumn: "Last confirmed",
  never: "Never",
  finePrintHeading: "How these are counted",
  finePrintWeeks: "Weeks start on Monday (UTC). The last week is still running, so its numbers will grow.",
  finePrintCoverage:
    "States covered is an estimate: we keep no history of a group's status. A group counts from the day it went live (its approval, or the day it was added for groups imported from the seed list) if it is active today. Groups closed since are left out of every week, so earlier weeks may show fewer states than there really were.",
  finePrintPeople: "Sign-ups are people who confirmed their e-mail address. Joins are group memberships confirmed by e-mail, including people who have left since.",
  finePrintActions: "Actions are what people reported after contacting their members: calls, letters and posts. Nobody checks them.",
} as const;
