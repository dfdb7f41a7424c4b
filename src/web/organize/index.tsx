import { Hono } from "hono";
import { loadActorMiddleware, requirePermission, requireSignedIn } from "../../http/session.js";
import type { AppEnv } from "../../http/types.js";
import { organizeEmailRoutes } from "./email-routes.js";
import { organizeEventsRoutes } from "./events-routes.js";
import { GROUP_PATH, groupIdParam, organizeGroupsRoutes } from "./groups-routes.js";

/**
 * The organizers' area. Everything under /organize needs someone signed in; each route that
 * names a group checks the policy for that group (never the id alone).
 */
export const organizeRoutes = new Hono<AppEnv>();
for (const path of ["/organize", "/organize/*"]) {
  organizeRoutes.use(path, loadActorMiddleware, requireSignedIn);
}
// Every page about one group: its organizers and staff only, whatever the handler goes on to check.
for (const path of [GROUP_PATH, `${GROUP_PATH}/*`]) {
  organizeRoutes.use(path, requirePermission((c) => ({ to: "manage-group", groupId: groupIdParam(c) })));
}
organizeRoutes.route("/", organizeGroupsRoutes);
organizeRoutes.route("/", organizeEmailRoutes);
organizeRoutes.route("/", organizeEventsRoutes);
