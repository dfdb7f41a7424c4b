import { DataTable } from "../components/data-table.js";
import type { AuditEventPage } from "../../domain/admin/audit/list-audit-events.js";
import { AdminLayout } from "../components/admin-layout.js";
import { TextField, type FormState } from "../components/form.js";
import type { View } from "../view.js";

const tags = { en: "en-US", es: "es-US" } as const;

/** "Nov 28, 2026, 14:05:09 UTC": the log needs the time to the second. */
function when(view: View, date: Date): string {
  return `${date.toLocaleString(tags[view.locale], { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false, timeZone: "UTC" })} UTC`;
}

/** The detail as compact JSON: the log shows what was recorded, not a reading of it. */
function detailText(detail: Record<string, unknown> | null): string {
  if (detail === null) return "";
  const text = JSON.stringify(detail);
  return text.length > 600 ? `${text.slice(0, 600)}…` : text;
}

export function AuditLogPage({ view, form, page, invalid }: { view: View; form: FormState; page: AuditEventPage; invalid?: boolean }) {
  const t = view.t.admin.audit;
  const c = t.columns;
  const filter = Object.fromEntries(["action", "actor"].map((k) => [k, form.values[k] ?? ""]).filter(([, v]) => v !== ""));
  const query = (extra: Record<string, string>) => {
    const params = new URLSearchParams({ ...filter, ...extra }).toString();
    return view.href(`/admin/audit${params ? `?${params}` : ""}`);
  };
  return (
    <AdminLayout view={view} title={t.title} section="audit">
      <h1>{t.title}</h1>
      <p class="lead">{t.lead}</p>
      {invalid ? (
        <div class="error-summary" role="alert">
          <p>{t.badFilter}</p>
        </div>
      ) : null}
      <form method="get" action={view.href("/admin/audit")} class="audit-filter" role="search" aria-label={t.filterHeading} novalidate>
        <TextField view={view} form={form} name="action" label={t.actionLabel} hint={t.actionHint} maxlength={100} />
        <TextField view={view} form={form} name="actor" label={t.actorLabel} type="email" autocomplete="off" maxlength={254} />
        {view.href("/") !== "/" ? <input type="hidden" name="lang" value={view.locale} /> : null}
        <p>
          <button type="submit" class="button">
            {t.filter}
          </button>{" "}
          <a href={view.href("/admin/audit")}>{t.clear}</a>
        </p>
      </form>
      {page.events.length === 0 ? (
        <p role="status">{t.none}</p>
      ) : (
        <DataTable label={t.tableCaption} id="audit-events" caption="visible" columns={[c.time, c.action, c.actor, c.subject, c.detail]}>
          {page.events.map((event) => (
            <tr>
              <td>
                <time datetime={event.at.toISOString()}>{when(view, event.at)}</time>
              </td>
              <td>
                <code>{event.action}</code>
              </td>
              <td>
                {event.actor ? (
                  <>
                    {event.actor.name}
                    <br />
                    <span class="fine-print">{event.actor.email}</span>
                  </>
                ) : (
                  t.system
                )}
              </td>
              <td>{event.subject ? <code>{event.subject}</code> : ""}</td>
              <td class="audit-detail">{detailText(event.detail)}</td>
            </tr>
          ))}
        
        </DataTable>
      )}
      <p>
        {page.olderThan !== null ? (
          <a class="button-secondary" href={query({ before: String(page.olderThan) })} rel="next">
            {t.older}
          </a>
        ) : null}{" "}
        {form.values.before ? <a href={query({})}>{t.newest}</a> : null}
      </p>
    </AdminLayout>
  );
}
