import { Hono } from "hono";
import { getReferralReport } from "../../domain/admin/referrals/get-referral-report.js";
import { DomainError } from "../../domain/errors.js";
import type { AppEnv } from "../../http/types.js";
import { ReferralReportPage } from "../pages/admin-referrals-page.js";
import { renderPage } from "../render.js";
import { viewFor } from "../view.js";

/** /admin/referrals: top link sources and personal referrers. Mounted by admin/index.tsx behind sign-in and "administer". */
export const referralsAdminRoutes = new Hono<AppEnv>().get("/admin/referrals", async (c) => {
  const period = c.req.query("period");
  try {
    const report = await getReferralReport({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, period } });
    return renderPage(c, <ReferralReportPage view={viewFor(c)} report={report} />);
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== "invalid") throw error;
    const report = await getReferralReport({ ctx: c.var.deps.ctx, input: { actor: c.var.actor } });
    return renderPage(c, <ReferralReportPage view={viewFor(c)} report={report} badPeriod />, 400);
  }
});
