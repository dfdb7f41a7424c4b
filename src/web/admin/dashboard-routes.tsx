import { Hono } from "hono";
import type { AppEnv } from "../../http/types.js";

/** /admin (dashboard). Mounted by admin/index.tsx behind sign-in and the "administer" permission. */
export const dashboardAdminRoutes = new Hono<AppEnv>();
