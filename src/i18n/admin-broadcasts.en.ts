/** English words for /admin (broadcasts); part of the catalogue as `admin.broadcasts`. */
export const adminBroadcastsEn = {
  title: "Broadcasts",
  lead: "E-mail supporters who confirmed their address and still want updates: everyone, one state, or one group's members.",
  composeHeading: "New broadcast",
  audienceLegend: "Who gets it",
  audienceAll: "Everyone on the national list",
  audienceState: "People in one state",
  audienceGroup: "Members of one group",
  stateLabel: "State",
  groupLabel: "Group",
  choose: "Choose…",
  audienceAllLabel: "Everyone on the national list",
  audienceStateLabel: (state: string) => `People in ${state} (national and state lists)`,
  audienceGroupLabel: (group: string) => `Members of ${group}`,
  columns: { subject: "Subject", audience: "To", status: "Status", recipients: "Recipients", created: "Written" },
} as const;
