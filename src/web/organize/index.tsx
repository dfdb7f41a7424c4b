import { Hono } from "hono";
import { loadActorMiddleware, requireSignedIn } from "../../http/session.js";
import type { AppEnv } from "../../http/types.js";

/**
 * The organizers' area. Everything under /organize needs someone signed in; each route that
 * names a group checks the policy for that group (never the id alone).
 */
export const organizeRoutes = new Hono<AppEnv>();
for (const path of ["/organize", "/organize/*"]) {
  organizeRoutes.use(path, loadActorMiddleware, requireSignedIn);
}
