import { Hono } from "hono";
import type { AppEnv } from "../../http/types.js";

/** /admin (audit). Mounted by admin/index.tsx behind sign-in and the "administer" permission. */
export const auditAdminRoutes = new Hono<AppEnv>();
