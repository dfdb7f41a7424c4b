import { Hono } from "hono";
import type { AppEnv } from "../../http/types.js";

/** /admin (groups). Mounted by admin/index.tsx behind sign-in and the "administer" permission. */
export const groupsAdminRoutes = new Hono<AppEnv>();
