import { adminModerationEn } from "./admin-moderation.en.js";
import { adminGroupsEn } from "./admin-groups.en.js";
import { adminCampaignsEn } from "./admin-campaigns.en.js";
import { adminCosponsorsEn } from "./admin-cosponsors.en.js";
import { adminAuditEn } from "./admin-audit.en.js";
import { adminDashboardEn } from "./admin-dashboard.en.js";
import { adminPeopleEn } from "./admin-people.en.js";
import { adminBroadcastsEn } from "./admin-broadcasts.en.js";

/** English words for the admin area; each section's words live in its own admin-*.en.ts file. */
export const adminEn = {
  title: "Admin",
  navLabel: "Admin sections",
  nav: {
    dashboard: "Dashboard",
    moderation: "Moderation",
    groups: "Groups",
    campaigns: "Campaigns",
    cosponsors: "Cosponsor data",
    people: "People",
    broadcasts: "Broadcasts",
    audit: "Audit log",
    referrals: "Sources",
    events: "Events",
    news: "News",
  },
  moderation: adminModerationEn,
  groups: adminGroupsEn,
  campaigns: adminCampaignsEn,
  cosponsors: adminCosponsorsEn,
  audit: adminAuditEn,
  dashboard: adminDashboardEn,
  people: adminPeopleEn,
  broadcasts: adminBroadcastsEn,
} as const;
