import { DataTable } from "../components/data-table.js";
import type { ApplicationSummary } from "../../domain/admin/moderation/application-summary.js";
import type { ChangeReport } from "../../domain/admin/moderation/change-reports.js";
import { AdminLayout } from "../components/admin-layout.js";
import { CsrfField, emptyForm, ErrorSummary, Notice, RadioGroup, TextArea, TextField, type FormState } from "../components/form.js";
import { formatDate } from "../format.js";
import type { View } from "../view.js";

const place = (a: ApplicationSummary) => [a.group.city, a.group.stateName].filter(Boolean).join(", ");

/** /admin/applications: the founding applications waiting for a decision. */
export function ApplicationsPage({ view, applications, reports, notice }: { view: View; applications: ApplicationSummary[]; reports: ChangeReport[]; notice?: string | undefined }) {
  const t = view.t.admin.moderation;
  return (
    <AdminLayout view={view} title={t.title} section="moderation">
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <h1>{t.heading}</h1>
      <p class="lead">{t.lead}</p>
      {applications.length === 0 ? (
        <p class="empty-state">{t.empty}</p>
      ) : (
        <>
          <p>{t.count(applications.length)}</p>
          <DataTable label={t.heading} columns={[t.columns.group, t.columns.place, t.columns.applicant, t.columns.submitted, t.columns.status]}>
            {applications.map((a) => (
              <tr>
                <th scope="row">
                  <a href={view.href(`/admin/applications/${a.id}`)} aria-label={t.review(a.group.name)}>
                    {a.group.name}
                  </a>
                </th>
                <td>{place(a)}</td>
                <td>{a.applicant.name}</td>
                <td>{formatDate(view.locale, a.createdAt)}</td>
                <td>{t.statuses[a.status]}</td>
              </tr>
            ))}
          
          </DataTable>
        </>
      )}
      <ChangeReports view={view} reports={reports} />
    </AdminLayout>
  );
}

/** Open reports from the public "something wrong?" form on group pages, each with a close form. */
function ChangeReports({ view, reports }: { view: View; reports: ChangeReport[] }) {
  const t = view.t.admin.moderation;
  return (
    <section aria-labelledby="reports-heading">
      <h2 id="reports-heading">{t.reportsHeading}</h2>
      <p>{t.reportsLead}</p>
      {reports.length === 0 ? <p class="empty-state">{t.reportsEmpty}</p> : null}
      <ul class="card-list">
        {reports.map((r) => (
          <li class="card" id={`report-${r.id}`}>
            <h3>
              <a href={view.href(r.group.path)}>{r.group.name}</a> · {t.reportKinds[r.kind]}
            </h3>
            <p class="fine-print">
              {formatDate(view.locale, r.createdAt)} · {t.reportFrom(r.reporterEmail)}
            </p>
            <p class="pre-line">{r.message}</p>
            <p>
              <a href={view.href(`/admin/groups/${r.group.id}`)}>{t.reportEditGroup(r.group.name)}</a>
            </p>
            <form method="post" action={view.href(`/admin/reports/${r.id}`)} class="stack">
              <CsrfField view={view} />
              <RadioGroup
                view={view}
                form={{ values: { outcome: "resolved" }, errors: {} }}
                name={`outcome`}
                legend={t.reportOutcome}
                options={[
                  { value: "resolved", label: t.reportResolved },
                  { value: "dismissed", label: t.reportDismissed },
                ]}
              />
              <TextField view={view} form={emptyForm()} name="note" label={t.reportNoteLabel} maxlength={2000} />
              <button type="submit" class="button-secondary">
                {t.reportClose}
              </button>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}

export interface DecisionForms {
  approve: FormState;
  reject: FormState;
  moreInfo: FormState;
}

/** /admin/applications/:id: everything the applicant wrote, and the three decisions. */
export function ApplicationPage({ view, application: a, forms, notice }: { view: View; application: ApplicationSummary; forms: DecisionForms; notice?: string | undefined }) {
  const t = view.t.admin.moderation;
  const open = a.status === "pending" || a.status === "more_info_requested";
  const text = (value: string | null) => (value ? <p class="pre-line">{value}</p> : <p class="fine-print">{t.notGiven}</p>);
  const action = (what: string) => view.href(`/admin/applications/${a.id}/${what}`);
  return (
    <AdminLayout view={view} title={t.detailTitle(a.group.name)} section="moderation">
      <p class="breadcrumb">
        <a href={view.href("/admin/applications")}>{t.backToQueue}</a>
      </p>
      <h1>{t.detailTitle(a.group.name)}</h1>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <p class="group-meta">{t.submittedOn(formatDate(view.locale, a.createdAt))}</p>
      <dl class="facts">
        <dt>{t.facts.status}</dt>
        <dd>{t.statuses[a.status]}</dd>
        <dt>{t.facts.place}</dt>
        <dd>{place(a)}</dd>
        <dt>{t.facts.applicant}</dt>
        <dd>{a.applicant.name}</dd>
        <dt>{t.facts.email}</dt>
        <dd>
          <a href={`mailto:${a.applicant.email}`}>{a.applicant.email}</a>
        </dd>
        <dt>{t.facts.zip}</dt>
        <dd>{a.applicant.zip ?? t.notGiven}</dd>
        <dt>{t.facts.why}</dt>
        <dd>{text(a.why)}</dd>
        <dt>{t.facts.whoTheyKnow}</dt>
        <dd>{text(a.whoTheyKnow)}</dd>
        <dt>{t.facts.experience}</dt>
        <dd>{text(a.experience)}</dd>
        {a.decisionNote ? (
          <>
            <dt>{a.status === "more_info_requested" || a.answeredAt ? t.facts.question : t.facts.decision}</dt>
            <dd>{text(a.decisionNote)}</dd>
          </>
        ) : null}
        {a.applicantAnswer && a.answeredAt ? (
          <>
            <dt>{t.facts.answer(formatDate(view.locale, a.answeredAt))}</dt>
            <dd>{text(a.applicantAnswer)}</dd>
          </>
        ) : null}
        <dt>{t.facts.group}</dt>
        <dd>
          <a href={view.href(`/admin/groups/${a.group.id}`)}>{t.editGroup}</a>
        </dd>
      </dl>
      {open ? (
        <>
          <section class="card decision" aria-labelledby="approve-heading">
            <h2 id="approve-heading">{t.approveHeading}</h2>
            <p>{t.approveHint}</p>
            <ErrorSummary view={view} form={forms.approve} labels={{ note: t.noteLabel }} />
            <form method="post" action={action("approve")} class="stack">
              <CsrfField view={view} />
              <TextArea view={view} form={forms.approve} name="note" label={t.noteLabel} rows={2} maxlength={4000} />
              <button type="submit" class="button">
                {t.approveButton}
              </button>
            </form>
          </section>
          <section class="card decision" aria-labelledby="more-info-heading">
            <h2 id="more-info-heading">{t.moreInfoHeading}</h2>
            <ErrorSummary view={view} form={forms.moreInfo} labels={{ question: t.questionLabel }} />
            <form method="post" action={action("more-info")} class="stack" novalidate>
              <CsrfField view={view} />
              <TextArea view={view} form={forms.moreInfo} name="question" label={t.questionLabel} hint={t.questionHint} rows={4} maxlength={4000} />
              <button type="submit" class="button-secondary">
                {t.moreInfoButton}
              </button>
            </form>
          </section>
          <section class="card decision" aria-labelledby="reject-heading">
            <h2 id="reject-heading">{t.rejectHeading}</h2>
            <ErrorSummary view={view} form={forms.reject} labels={{ reason: t.reasonLabel }} />
            <form method="post" action={action("reject")} class="stack" novalidate>
              <CsrfField view={view} />
              <TextArea view={view} form={forms.reject} name="reason" label={t.reasonLabel} hint={t.reasonHint} rows={4} maxlength={4000} />
              <button type="submit" class="button-secondary">
                {t.rejectButton}
              </button>
            </form>
          </section>
        </>
      ) : (
        <p class="notice">{t.decidedNotice(t.statuses[a.status])}</p>
      )}
    </AdminLayout>
  );
}
