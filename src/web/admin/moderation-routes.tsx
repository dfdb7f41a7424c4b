import { Hono } from "hono";
import type { AppEnv } from "../../http/types.js";

/** /admin (moderation). Mounted by admin/index.tsx behind sign-in and the "administer" permission. */
export const moderationAdminRoutes = new Hono<AppEnv>();
