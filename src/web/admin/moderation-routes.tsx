import { Hono, type Context } from "hono";
import { approveApplication } from "../../domain/admin/moderation/approve-application.js";
import { closeChangeReport, listChangeReports } from "../../domain/admin/moderation/change-reports.js";
import { getApplication } from "../../domain/admin/moderation/get-application.js";
import { listApplications } from "../../domain/admin/moderation/list-applications.js";
import { rejectApplication } from "../../domain/admin/moderation/reject-application.js";
import { requestMoreInfo } from "../../domain/admin/moderation/request-more-info.js";
import type { AppEnv } from "../../http/types.js";
import { emptyForm } from "../components/form.js";
import { readForm, submitForm } from "../forms.js";
import { ApplicationPage, ApplicationsPage, type DecisionForms } from "../pages/admin-moderation-pages.js";
import { renderPage } from "../render.js";
import { viewFor } from "../view.js";

const ID = ":id{[0-9]{1,9}}";
const idOf = (c: Context<AppEnv>) => Number(c.req.param("id"));

async function applicationPage(c: Context<AppEnv>, forms: Partial<DecisionForms> = {}, status: 200 | 400 = 200) {
  const { ctx } = c.var.deps;
  const application = await getApplication({ ctx, input: { actor: c.var.actor, applicationId: idOf(c) } });
  const t = c.var.t.admin.moderation;
  const done = c.req.query("done");
  const notice =
    done === "approved"
      ? t.approved(application.group.name, Number(c.req.query("waiting")) || 0)
      : done === "rejected"
        ? t.rejected(application.group.name)
        : done === "more-info"
          ? t.moreInfoSent(application.group.name)
          : undefined;
  return renderPage(
    c,
    <ApplicationPage
      view={viewFor(c)}
      application={application}
      forms={{ approve: forms.approve ?? emptyForm(), reject: forms.reject ?? emptyForm(), moreInfo: forms.moreInfo ?? emptyForm() }}
      notice={notice}
    />,
    status,
  );
}

const back = (c: Context<AppEnv>, query: string) => c.redirect(viewFor(c).href(`/admin/applications/${idOf(c)}?${query}`), 303);

/** /admin/applications: the founding-application queue and its decisions. Behind the admin gate (admin/index.tsx). */
export const moderationAdminRoutes = new Hono<AppEnv>()
  .get("/admin/applications", async (c) => {
    const input = { actor: c.var.actor };
    const [applications, reports] = await Promise.all([listApplications({ ctx: c.var.deps.ctx, input }), listChangeReports({ ctx: c.var.deps.ctx, input })]);
    const notice = c.req.query("done") === "report-closed" ? c.var.t.admin.moderation.reportClosedNotice : undefined;
    return renderPage(c, <ApplicationsPage view={viewFor(c)} applications={applications} reports={reports} notice={notice} />);
  })
  .post(`/admin/reports/${ID}`, async (c) => {
    const { fields } = await readForm(c);
    await closeChangeReport({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, reportId: idOf(c), outcome: fields.outcome ?? "", note: fields.note } });
    return c.redirect(viewFor(c).href("/admin/applications?done=report-closed"), 303);
  })
  .get(`/admin/applications/${ID}`, (c) => applicationPage(c))
  .post(`/admin/applications/${ID}/approve`, async (c) => {
    const { fields } = await readForm(c);
    const outcome = await submitForm(fields, () =>
      approveApplication({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, applicationId: idOf(c), note: fields.note } }),
    );
    if (!outcome.ok) return applicationPage(c, { approve: outcome.form }, 400);
    return back(c, `done=approved&waiting=${outcome.result.waitlistNotified}`);
  })
  .post(`/admin/applications/${ID}/reject`, async (c) => {
    const { fields } = await readForm(c);
    const outcome = await submitForm(fields, () =>
      rejectApplication({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, applicationId: idOf(c), reason: fields.reason ?? "" } }),
    );
    if (!outcome.ok) return applicationPage(c, { reject: outcome.form }, 400);
    return back(c, "done=rejected");
  })
  .post(`/admin/applications/${ID}/more-info`, async (c) => {
    const { fields } = await readForm(c);
    const outcome = await submitForm(fields, () =>
      requestMoreInfo({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, applicationId: idOf(c), question: fields.question ?? "" } }),
    );
    if (!outcome.ok) return applicationPage(c, { moreInfo: outcome.form }, 400);
    return back(c, "done=more-info");
  });
