import { Hono } from "hono";
import { loadActorMiddleware, requirePermission, requireSignedIn } from "../../http/session.js";
import type { AppEnv } from "../../http/types.js";
import { auditAdminRoutes } from "./audit-routes.js";
import { broadcastsAdminRoutes } from "./broadcasts-routes.js";
import { campaignsAdminRoutes } from "./campaigns-routes.js";
import { cosponsorsAdminRoutes } from "./cosponsors-routes.js";
import { dashboardAdminRoutes } from "./dashboard-routes.js";
import { eventsAdminRoutes } from "./events-routes.js";
import { groupsAdminRoutes } from "./groups-routes.js";
import { moderationAdminRoutes } from "./moderation-routes.js";
import { newsAdminRoutes } from "./news-routes.js";
import { peopleAdminRoutes } from "./people-routes.js";
import { referralsAdminRoutes } from "./referrals-routes.js";

/**
 * The national staff area. Every route under /admin passes the same three gates first: who is
 * signed in, that someone is, and that they may administer (src/domain/access/policy.ts).
 * Sections add their own routes in their own files, with paths starting "/admin".
 */
export const adminRoutes = new Hono<AppEnv>();
for (const path of ["/admin", "/admin/*"]) {
  adminRoutes.use(path, loadActorMiddleware, requireSignedIn, requirePermission(() => ({ to: "administer" })));
}
for (const section of [
  dashboardAdminRoutes,
  moderationAdminRoutes,
  groupsAdminRoutes,
  campaignsAdminRoutes,
  cosponsorsAdminRoutes,
  peopleAdminRoutes,
  broadcastsAdminRoutes,
  eventsAdminRoutes,
  newsAdminRoutes,
  referralsAdminRoutes,
  auditAdminRoutes,
]) {
  adminRoutes.route("/", section);
}
