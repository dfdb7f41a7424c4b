import { DataTable } from "../components/data-table.js";
import type { PeopleSearch } from "../../domain/admin/people/search-people.js";
import type { PersonRecord } from "../../domain/admin/people/get-person.js";
import { AdminLayout } from "../components/admin-layout.js";
import { ErrorSummary, TextField, type FormState } from "../components/form.js";
import { formatDate, formatNumber } from "../format.js";
import type { View } from "../view.js";

const tags = { en: "en-US", es: "es-US" } as const;

/** "Jun 10, 2026, 14:05 UTC": e-mail times need the hour. */
function dateTime(view: View, date: Date): string {
  return `${date.toLocaleString(tags[view.locale], { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "UTC" })} UTC`;
}

/** A query string for the same search, on another page or as CSV. */
export function searchQuery(filter: Record<string, string>, page?: number): string {
  const params = new URLSearchParams(filter);
  if (page && page > 1) params.set("page", String(page));
  const text = params.toString();
  return text ? `?${text}` : "";
}

function StateSelect({ view, form, states }: { view: View; form: FormState; states: { code: string; name: string }[] }) {
  const t = view.t.admin.people;
  const code = form.errors.state;
  const value = (form.values.state ?? "").toUpperCase();
  return (
    <div class={`field${code ? " field-error" : ""}`}>
      <label for="field-state">{t.stateLabel}</label>
      {code ? (
        <p class="error-message" id="error-state">
          {view.t.forms.fieldErrors[code]}
        </p>
      ) : null}
      <select id="field-state" name="state" aria-invalid={code ? "true" : undefined} aria-describedby={code ? "error-state" : undefined}>
        <option value="">{t.anyState}</option>
        {states.map((s) => (
          <option value={s.code} selected={s.code === value}>
            {s.name}
          </option>
        ))}
      </select>
    </div>
  );
}

export function PeopleSearchPage({
  view,
  form,
  result,
  states,
}: {
  view: View;
  form: FormState;
  result: PeopleSearch | undefined;
  states: { code: string; name: string }[];
}) {
  const t = view.t.admin.people;
  const c = t.columns;
  const n = (value: number) => formatNumber(view.locale, value);
  const filter = result ? Object.fromEntries(Object.entries(result.filter).filter(([, v]) => v !== "")) : {};
  return (
    <AdminLayout view={view} title={t.title} section="people">
      <h1>{t.title}</h1>
      <p class="lead">{t.lead}</p>
      <ErrorSummary view={view} form={form} labels={{ q: t.qLabel, zip: t.zipLabel, state: t.stateLabel, page: t.pagesLabel }} />
      <form method="get" action={view.href("/admin/people")} class="people-search" role="search" aria-label={t.searchHeading} novalidate>
        <TextField view={view} form={form} name="q" label={t.qLabel} hint={t.qHint} maxlength={200} />
        <TextField view={view} form={form} name="zip" label={t.zipLabel} inputmode="numeric" maxlength={5} class="input-short" />
        <StateSelect view={view} form={form} states={states} />
        {view.href("/") !== "/" ? <input type="hidden" name="lang" value={view.locale} /> : null}
        <div class="people-search-actions">
          <button type="submit" class="button">
            {t.searchButton}
          </button>
          <a href={view.href("/admin/people")}>{t.clearSearch}</a>
        </div>
      </form>
      {result ? (
        <>
          <p role="status">{t.resultCount(result.total)}</p>
          {result.total > 0 ? (
            <>
              <p>
                <a class="button-secondary" href={view.href(`/admin/people.csv${searchQuery(filter)}`)} download>
                  {t.exportCsv(result.total)}
                </a>
              </p>
              <p class="fine-print">{t.exportHint}</p>
              <DataTable label={t.tableCaption} id="people-results" caption="visible" columns={[c.name, c.email, c.zip, c.state, c.confirmed, c.created, { label: c.groups, class: "numeric" }, { label: c.lists, class: "numeric" }]}>
                {result.people.map((p) => (
                  <tr>
                    <th scope="row">
                      <a href={view.href(`/admin/people/${p.id}`)}>{p.name}</a>
                    </th>
                    <td>{p.email}</td>
                    <td>{p.zip ?? ""}</td>
                    <td>{p.state ?? ""}</td>
                    <td>{p.confirmed ? t.yes : t.no}</td>
                    <td>{formatDate(view.locale, p.createdAt)}</td>
                    <td class="numeric">{n(p.groups)}</td>
                    <td class="numeric">{n(p.lists)}</td>
                  </tr>
                ))}
              
              </DataTable>
              {result.pageCount > 1 ? (
                <nav class="pager" aria-label={t.pagesLabel}>
                  {result.page > 1 ? <a href={view.href(`/admin/people${searchQuery(filter, result.page - 1)}`)} rel="prev">{t.previousPage}</a> : null}
                  <span>{t.pageOf(result.page, result.pageCount)}</span>
                  {result.page < result.pageCount ? <a href={view.href(`/admin/people${searchQuery(filter, result.page + 1)}`)} rel="next">{t.nextPage}</a> : null}
                </nav>
              ) : null}
            </>
          ) : (
            <p>{t.noResults}</p>
          )}
        </>
      ) : null}
    </AdminLayout>
  );
}

function Fact({ label, children }: { label: string; children?: unknown }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children as never}</dd>
    </>
  );
}

export function PersonPage({ view, person }: { view: View; person: PersonRecord }) {
  const t = view.t.admin.people;
  const f = t.fields;
  const day = (date: Date | null) => (date ? formatDate(view.locale, date) : "");
  const none = <p>{t.none}</p>;
  const status = (s: string) => (t.statuses as Record<string, string>)[s] ?? s;
  const groupNames = new Map(person.memberships.map((m) => [m.groupId, m.name]));
  const listName = (list: string) => {
    if (list === "national" || list === "state") return t.listNames[list];
    const group = /^group:(\d+)$/.exec(list);
    if (group) return t.groupList(groupNames.get(Number(group[1])) ?? `#${group[1]}`);
    return list;
  };
  return (
    <AdminLayout view={view} title={person.name} section="people">
      <p>
        <a href={view.href("/admin/people")}>{t.backToPeople}</a>
      </p>
      <h1>{person.name}</h1>
      <p class="lead">{t.personLead}</p>

      <h2>{t.detailsHeading}</h2>
      <dl class="facts">
        <Fact label={f.email}>{person.email}</Fact>
        <Fact label={f.phone}>{person.phone ?? t.none}</Fact>
        <Fact label={f.zip}>{person.zip ?? t.none}</Fact>
        <Fact label={f.state}>{person.state ?? t.none}</Fact>
        <Fact label={f.locale}>{person.locale}</Fact>
        <Fact label={f.confirmed}>{person.emailConfirmedAt ? day(person.emailConfirmedAt) : t.notConfirmed}</Fact>
        <Fact label={f.sourcePage}>{person.sourcePage ?? t.none}</Fact>
        <Fact label={f.sourceCampaign}>{person.sourceCampaign ?? t.none}</Fact>
        <Fact label={f.referralCode}>{person.referralCode ?? t.none}</Fact>
        <Fact label={f.created}>{day(person.createdAt)}</Fact>
        <Fact label={f.updated}>{day(person.updatedAt)}</Fact>
      </dl>

      <h2>{t.accessHeading}</h2>
      <ul>
        <li>{person.adminSince ? t.adminSince(day(person.adminSince)) : t.notAdmin}</li>
        <li>{person.hasPassword ? t.hasPassword : t.noPassword}</li>
        <li>{t.activeSessions(person.activeSessions)}</li>
      </ul>

      <h2>{t.subscriptionsHeading}</h2>
      {person.subscriptions.length === 0 ? (
        none
      ) : (
        <DataTable label={t.subscriptionsHeading} id="person-lists" columns={[t.listColumn, t.statusColumn, t.sinceColumn, t.confirmedColumn, t.unsubscribedColumn]}>
          {person.subscriptions.map((s) => (
            <tr>
              <th scope="row">{listName(s.list)}</th>
              <td>{status(s.status)}</td>
              <td>{day(s.createdAt)}</td>
              <td>{day(s.confirmedAt)}</td>
              <td>{day(s.unsubscribedAt)}</td>
            </tr>
          ))}
        
        </DataTable>
      )}

      <h2>{t.membershipsHeading}</h2>
      {person.memberships.length === 0 ? (
        none
      ) : (
        <DataTable label={t.membershipsHeading} id="person-memberships" columns={[t.groupColumn, t.statusColumn, t.joinedColumn, t.confirmedColumn]}>
          {person.memberships.map((m) => (
            <tr>
              <th scope="row">
                <a href={view.href(m.path)}>{m.name}</a> ({m.state})
              </th>
              <td>{status(m.status)}</td>
              <td>{day(m.createdAt)}</td>
              <td>{day(m.confirmedAt)}</td>
            </tr>
          ))}
        
        </DataTable>
      )}

      <h2>{t.organizesHeading}</h2>
      {person.organizes.length === 0 ? (
        none
      ) : (
        <DataTable label={t.organizesHeading} id="person-organizes" columns={[t.groupColumn, t.roleColumn, t.sinceColumn]}>
          {person.organizes.map((o) => (
            <tr>
              <th scope="row">
                <a href={view.href(o.path)}>{o.name}</a> ({o.state})
              </th>
              <td>{o.isFounder ? t.founder : t.coOrganizer}</td>
              <td>{day(o.since)}</td>
            </tr>
          ))}
        
        </DataTable>
      )}

      {person.applications.length > 0 ? (
        <>
          <h2>{t.applicationsHeading}</h2>
          <DataTable label={t.applicationsHeading} id="person-applications" columns={[t.groupColumn, t.statusColumn, t.appliedColumn, t.decidedColumn]}>
            {person.applications.map((a) => (
              <tr>
                <th scope="row">
                  {a.groupName} ({a.state})
                </th>
                <td>{status(a.status)}</td>
                <td>{day(a.createdAt)}</td>
                <td>{day(a.decidedAt)}</td>
              </tr>
            ))}
          
          </DataTable>
        </>
      ) : null}

      <h2>{t.mailHeading}</h2>
      {person.mail.length === 0 ? (
        none
      ) : (
        <>
          {person.mailTotal > person.mail.length ? <p>{t.mailShown(person.mail.length, person.mailTotal)}</p> : null}
          <DataTable label={t.mailHeading} id="person-mail" columns={[t.subjectColumn, t.templateColumn, t.statusColumn, t.timeColumn]}>
            {person.mail.map((m) => (
              <tr>
                <th scope="row">{m.subject ?? t.none}</th>
                <td>{m.template}</td>
                <td>{status(m.status)}</td>
                <td>{dateTime(view, m.sentAt ?? m.createdAt)}</td>
              </tr>
            ))}
          
          </DataTable>
        </>
      )}
    </AdminLayout>
  );
}
