/** English words for /admin (audit); part of the catalogue as `admin.audit`. */
export const adminAuditEn = {
  title: "Audit log",
  lead: "Every change made by national staff and organizers, and every export: who, what and when. Newest first.",
  filterHeading: "Filter the log",
  actionLabel: "Action starts with",
  actionHint: "For example campaign. or cosponsors.import",
  actorLabel: "Done by (e-mail address)",
  filter: "Filter",
  clear: "Show everything",
  tableCaption: "Audit events, newest first",
  columns: { time: "When", actor: "Who", action: "What", subject: "Subject", detail: "Detail" },
  system: "Command line or system",
  none: "No events match.",
  older: "Older events",
  newest: "Back to the newest",
  badFilter: "This filter cannot be used: check the boxes.",
} as const;
