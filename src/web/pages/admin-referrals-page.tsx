import { DataTable } from "../components/data-table.js";
import { REPORT_PERIODS, type ReferralReport } from "../../domain/admin/referrals/get-referral-report.js";
import { AdminLayout } from "../components/admin-layout.js";
import type { View } from "../view.js";

export function ReferralReportPage({ view, report, badPeriod }: { view: View; report: ReferralReport; badPeriod?: boolean }) {
  const t = view.t.share.admin;
  const none = t.none;
  return (
    <AdminLayout view={view} title={t.title} section="referrals">
      <h1>{t.title}</h1>
      <p class="lead">{t.lead}</p>
      {badPeriod ? (
        <div class="error-summary" role="alert">
          <p>{view.t.forms.fieldErrors.invalid_choice}</p>
        </div>
      ) : null}
      <form method="get" action={view.href("/admin/referrals")} class="audit-filter">
        <label for="period">{t.periodLabel}</label>{" "}
        <select id="period" name="period">
          {REPORT_PERIODS.map((p) => (
            <option value={p} selected={p === report.period}>
              {t.periods[p]}
            </option>
          ))}
        </select>{" "}
        {view.href("/") !== "/" ? <input type="hidden" name="lang" value={view.locale} /> : null}
        <button type="submit" class="button-secondary">
          {t.show}
        </button>
      </form>
      <p role="status">{t.summary(report.total, report.throughReferrals)}</p>

      <h2 id="sources-heading">{t.sourcesHeading}</h2>
      {report.sources.length === 0 ? (
        <p>{t.noSources}</p>
      ) : (
        <DataTable label={t.sourcesHeading} id="sources" columns={[t.sourceCol, t.campaignCol, { label: t.signupsCol, class: "numeric" }, { label: t.joinsCol, class: "numeric" }, { label: t.rsvpsCol, class: "numeric" }, { label: t.actionsCol, class: "numeric" }, { label: t.totalCol, class: "numeric" }]}>
          {report.sources.map((row) => (
            <tr>
              <td>{row.utmSource ? <code>{row.utmSource}</code> : none}</td>
              <td>{row.utmCampaign ? <code>{row.utmCampaign}</code> : none}</td>
              <td class="numeric">{row.signups}</td>
              <td class="numeric">{row.joins}</td>
              <td class="numeric">{row.rsvps}</td>
              <td class="numeric">{row.actions}</td>
              <td class="numeric">{row.total}</td>
            </tr>
          ))}
        
        </DataTable>
      )}

      <h2 id="referrers-heading">{t.referrersHeading}</h2>
      {report.referrers.length === 0 ? (
        <p>{t.noReferrers}</p>
      ) : (
        <DataTable label={t.referrersHeading} id="referrers" columns={[t.codeCol, t.personCol, { label: t.peopleCol, class: "numeric" }]}>
          {report.referrers.map((row) => (
            <tr>
              <td>
                <code>{row.code}</code>
              </td>
              <td>{row.personId !== null ? <a href={view.href(`/admin/people/${row.personId}`)}>{row.name}</a> : t.anonymous}</td>
              <td class="numeric">{row.people}</td>
            </tr>
          ))}
        
        </DataTable>
      )}
    </AdminLayout>
  );
}
