import { adminModerationEs } from "./admin-moderation.es.js";
import { adminGroupsEs } from "./admin-groups.es.js";
import { adminCampaignsEs } from "./admin-campaigns.es.js";
import { adminCosponsorsEs } from "./admin-cosponsors.es.js";
import { adminAuditEs } from "./admin-audit.es.js";
import { adminDashboardEs } from "./admin-dashboard.es.js";
import { adminPeopleEs } from "./admin-people.es.js";
import { adminBroadcastsEs } from "./admin-broadcasts.es.js";
import type { Messages } from "./en.js";

/** Spanish words for the admin area; each section's words live in its own admin-*.es.ts file. */
export const adminEs: Messages["admin"] = {
  title: "Administración",
  navLabel: "Secciones de administración",
  nav: {
    dashboard: "Panel",
    moderation: "Moderación",
    groups: "Grupos",
    campaigns: "Campañas",
    cosponsors: "Datos de copatrocinadores",
    people: "Personas",
    broadcasts: "Envíos",
    audit: "Registro de auditoría",
    referrals: "Fuentes",
    events: "Eventos",
    news: "Noticias",
  },
  moderation: adminModerationEs,
  groups: adminGroupsEs,
  campaigns: adminCampaignsEs,
  cosponsors: adminCosponsorsEs,
  audit: adminAuditEs,
  dashboard: adminDashboardEs,
  people: adminPeopleEs,
  broadcasts: adminBroadcastsEs,
};
