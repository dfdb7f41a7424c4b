import { Hono } from "hono";
import type { AppEnv } from "../../http/types.js";

/** /admin (campaigns). Mounted by admin/index.tsx behind sign-in and the "administer" permission. */
export const campaignsAdminRoutes = new Hono<AppEnv>();
