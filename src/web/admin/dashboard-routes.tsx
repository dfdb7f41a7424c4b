import { Hono } from "hono";
import { getDashboard } from "../../domain/admin/dashboard/get-dashboard.js";
import type { AppEnv } from "../../http/types.js";
import { AdminDashboardPage } from "../pages/admin-dashboard-page.js";
import { renderPage } from "../render.js";
import { viewFor } from "../view.js";

/** /admin (dashboard). Mounted by admin/index.tsx behind sign-in and the "administer" permission. */
export const dashboardAdminRoutes = new Hono<AppEnv>().get("/admin", async (c) => {
  const view = viewFor(c);
  const dashboard = await getDashboard({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, locale: view.locale } });
  return renderPage(c, <AdminDashboardPage view={view} dashboard={dashboard} />);
});
