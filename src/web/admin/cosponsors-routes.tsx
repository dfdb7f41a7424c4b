import { Hono } from "hono";
import type { AppEnv } from "../../http/types.js";

/** /admin (cosponsors). Mounted by admin/index.tsx behind sign-in and the "administer" permission. */
export const cosponsorsAdminRoutes = new Hono<AppEnv>();
