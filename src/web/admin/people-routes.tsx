import { Hono } from "hono";
import type { AppEnv } from "../../http/types.js";

/** /admin (people). Mounted by admin/index.tsx behind sign-in and the "administer" permission. */
export const peopleAdminRoutes = new Hono<AppEnv>();
