import { Hono } from "hono";
import type { AppEnv } from "../../http/types.js";

/** /admin (broadcasts). Mounted by admin/index.tsx behind sign-in and the "administer" permission. */
export const broadcastsAdminRoutes = new Hono<AppEnv>();
