import { DataTable } from "../components/data-table.js";
import { groupKinds } from "../../db/schema/index.js";
import type { AdminGroupDetail } from "../../domain/admin/groups/get-group-for-admin.js";
import { groupStatuses, socialKeys, type GroupField } from "../../domain/admin/groups/group-fields.js";
import { groupCsvColumns, MAX_IMPORT_ROWS } from "../../domain/admin/groups/groups-csv.js";
import type { AdminGroupRow } from "../../domain/admin/groups/list-groups-for-admin.js";
import type { ImportPreview } from "../../domain/admin/groups/preview-groups-import.js";
import type { StateEntry } from "../../domain/groups/group-directory.js";
import { AdminLayout } from "../components/admin-layout.js";
import { CsrfField, ErrorSummary, Field, Notice, TextArea, TextField, type FormState } from "../components/form.js";
import { formatNumber } from "../format.js";
import type { View } from "../view.js";

type Words = View["t"]["admin"]["groups"];

/**
 * "invalid_choice" means something specific on some fields here: on the slug, "taken" (slugs are
 * made well-formed from whatever is typed); on the merge form, "no such group". These views
 * word it that way, in the field and in the summary.
 */
function withChoiceWords(view: View, words: string): View {
  const t = view.t;
  return { ...view, t: { ...t, forms: { ...t.forms, fieldErrors: { ...t.forms.fieldErrors, invalid_choice: words } } } };
}
const slugView = (view: View) => withChoiceWords(view, view.t.admin.groups.slugTaken);

/** The slug's "taken" comes alone (the actions check it once everything else is right). */
function GroupErrorSummary({ view, form }: { view: View; form: FormState }) {
  const labels = view.t.admin.groups.fields as Record<string, string>;
  return <ErrorSummary view={form.errors.slug ? slugView(view) : view} form={form} labels={labels} />;
}

function SelectField(props: { view: View; form: FormState; name: string; label: string; hint?: string; options: { value: string; label: string }[]; placeholder?: string }) {
  const { view, form, name } = props;
  return (
    <Field view={view} form={form} name={name} label={props.label} hint={props.hint}>
      {(aria) => (
        <select id={aria.id} name={name} aria-invalid={aria["aria-invalid"]} aria-describedby={aria["aria-describedby"]}>
          {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
          {props.options.map((o) => (
            <option value={o.value} selected={form.values[name] === o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

const stateOptions = (g: Words, states: StateEntry[]) => [{ value: "US", label: g.nationalState }, ...states.map((s) => ({ value: s.code, label: s.name }))];

/** Every editable field of a group: the same form adds and edits. */
function GroupFields({ view, form, states }: { view: View; form: FormState; states: StateEntry[] }) {
  const g = view.t.admin.groups;
  const f = g.fields;
  const text = (name: GroupField, extra: { hint?: string; maxlength?: number; class?: string } = {}) => (
    <TextField view={view} form={form} name={name} label={f[name]} {...extra} />
  );
  return (
    <>
      {text("name", { maxlength: 120 })}
      <TextField view={slugView(view)} form={form} name="slug" label={f.slug} hint={g.hints.slug} maxlength={120} />
      <SelectField view={view} form={form} name="state" label={f.state} hint={g.hints.state} options={stateOptions(g, states)} placeholder={g.chooseState} />
      {text("city", { maxlength: 80 })}
      <SelectField view={view} form={form} name="kind" label={f.kind} options={groupKinds.map((k) => ({ value: k, label: view.t.groups.kinds[k] }))} />
      {text("websiteUrl", { maxlength: 2000 })}
      {text("contact", { hint: g.hints.contact, maxlength: 500 })}
      <TextArea view={view} form={form} name="description" label={f.description} rows={6} maxlength={8000} />
      <TextArea view={view} form={form} name="meetingDetails" label={f.meetingDetails} rows={3} maxlength={2000} />
      <fieldset class="field">
        <legend>{g.social}</legend>
        {socialKeys.map((key) => text(key, { maxlength: 2000 }))}
      </fieldset>
      {text("latitude", { hint: g.hints.coordinates, class: "input-short" })}
      {text("longitude", { class: "input-short" })}
      {text("sourceUrl", { maxlength: 2000 })}
      {text("sourceAsOf", { maxlength: 40, class: "input-short" })}
      <TextArea view={view} form={form} name="notes" label={f.notes} rows={3} maxlength={4000} />
    </>
  );
}

export interface GroupListFilters {
  q: string;
  state: string;
  status: string;
}

/** /admin/groups */
export function GroupsListPage(props: { view: View; groups: AdminGroupRow[]; truncated: boolean; filters: GroupListFilters; states: StateEntry[]; notice?: string | undefined }) {
  const { view, groups, filters } = props;
  const g = view.t.admin.groups;
  const form: FormState = { values: { q: filters.q, state: filters.state, status: filters.status }, errors: {} };
  return (
    <AdminLayout view={view} title={g.title} section="groups">
      <h1>{g.heading}</h1>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <p class="lead">{g.lead}</p>
      <ul class="cta-list">
        <li>
          <a class="button" href={view.href("/admin/groups/new")}>
            {g.actions.create}
          </a>
        </li>
        <li>
          <a class="button-secondary" href={view.href("/admin/groups/import")}>
            {g.actions.import}
          </a>
        </li>
        <li>
          <a class="button-secondary" href="/admin/groups.csv" download>
            {g.actions.export}
          </a>
        </li>
      </ul>
      <form method="get" action="/admin/groups" class="admin-filters" role="search" aria-label={g.filters.legend}>
        {view.locale !== "en" ? <input type="hidden" name="lang" value={view.locale} /> : null}
        <TextField view={view} form={form} name="q" label={g.filters.q} maxlength={100} />
        <SelectField view={view} form={form} name="state" label={g.filters.state} options={stateOptions(g, props.states)} placeholder={g.filters.any} />
        <SelectField view={view} form={form} name="status" label={g.filters.status} options={groupStatuses.map((s) => ({ value: s, label: g.statuses[s] }))} placeholder={g.filters.any} />
        <div class="field">
          <button type="submit" class="button">
            {g.filters.submit}
          </button>{" "}
          <a href={view.href("/admin/groups")}>{g.filters.clear}</a>
        </div>
      </form>
      <p role="status">{g.shown(groups.length)}</p>
      {props.truncated ? <p class="notice">{g.truncated(groups.length)}</p> : null}
      {groups.length === 0 ? (
        <p class="empty-state">{g.none}</p>
      ) : (
        <DataTable label={g.heading} columns={[g.columns.name, g.columns.place, g.columns.kind, g.columns.status, g.columns.members, g.columns.organizers]}>
          {groups.map((row) => (
            <tr>
              <th scope="row">
                <a href={view.href(`/admin/groups/${row.id}`)}>{row.name}</a>
              </th>
              <td>{[row.city, row.stateName].filter(Boolean).join(", ")}</td>
              <td>{view.t.groups.kinds[row.kind]}</td>
              <td>{g.statuses[row.status]}</td>
              <td>{formatNumber(view.locale, row.memberCount)}</td>
              <td>{formatNumber(view.locale, row.organizerCount)}</td>
            </tr>
          ))}
        
        </DataTable>
      )}
    </AdminLayout>
  );
}

/** /admin/groups/new */
export function GroupNewPage({ view, form, states }: { view: View; form: FormState; states: StateEntry[] }) {
  const g = view.t.admin.groups;
  return (
    <AdminLayout view={view} title={g.newTitle} section="groups">
      <p class="breadcrumb">
        <a href={view.href("/admin/groups")}>{g.backToList}</a>
      </p>
      <h1>{g.newTitle}</h1>
      <GroupErrorSummary view={view} form={form} />
      <form method="post" action={view.href("/admin/groups/new")} class="stack" novalidate>
        <CsrfField view={view} />
        <GroupFields view={view} form={form} states={states} />
        <button type="submit" class="button">
          {g.createButton}
        </button>
      </form>
    </AdminLayout>
  );
}

export interface GroupEditForms {
  edit: FormState;
  invite: FormState;
  merge: FormState;
}

/** /admin/groups/:id */
export function GroupEditPage(props: { view: View; group: AdminGroupDetail; forms: GroupEditForms; states: StateEntry[]; notice?: string | undefined }) {
  const { view, group, forms } = props;
  const g = view.t.admin.groups;
  const path = (what = "") => view.href(`/admin/groups/${group.id}${what}`);
  return (
    <AdminLayout view={view} title={g.editTitle(group.name)} section="groups">
      <p class="breadcrumb">
        <a href={view.href("/admin/groups")}>{g.backToList}</a>
      </p>
      <h1>{g.editTitle(group.name)}</h1>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <dl class="facts">
        <dt>{g.facts.status}</dt>
        <dd>
          {g.statuses[group.status]}
          {group.status === "active" ? (
            <>
              {" · "}
              <a href={view.href(group.path)}>{g.viewPublic}</a>
            </>
          ) : null}
        </dd>
        <dt>{g.facts.members}</dt>
        <dd>{formatNumber(view.locale, group.memberCount)}</dd>
        {group.applicationId ? (
          <>
            <dt>{g.facts.application}</dt>
            <dd>
              <a href={view.href(`/admin/applications/${group.applicationId}`)}>{g.reviewApplication}</a>
            </dd>
          </>
        ) : null}
      </dl>

      <section class="card" aria-labelledby="edit-heading">
        <h2 id="edit-heading" class="visually-hidden">
          {g.editTitle(group.name)}
        </h2>
        <GroupErrorSummary view={view} form={forms.edit} />
        <form method="post" action={path()} class="stack" novalidate>
          <CsrfField view={view} />
          <GroupFields view={view} form={forms.edit} states={props.states} />
          <button type="submit" class="button">
            {g.saveButton}
          </button>
        </form>
      </section>

      <section class="card" aria-labelledby="organizers-heading">
        <h2 id="organizers-heading">{g.organizersHeading}</h2>
        {group.organizers.length === 0 ? (
          <p>{g.noOrganizers}</p>
        ) : (
          <ul class="link-list">
            {group.organizers.map((o) => (
              <li>
                {o.name} &lt;{o.email}&gt;{o.isFounder ? ` (${g.founder})` : ""}
              </li>
            ))}
          </ul>
        )}
        <h3>{g.inviteHeading}</h3>
        <p class="hint">{g.inviteHint}</p>
        <ErrorSummary view={view} form={forms.invite} labels={{ inviteName: g.inviteName, inviteEmail: g.inviteEmail }} />
        <form method="post" action={path("/invite")} class="stack" novalidate>
          <CsrfField view={view} />
          <TextField view={view} form={forms.invite} name="inviteName" label={g.inviteName} autocomplete="off" maxlength={100} />
          <TextField view={view} form={forms.invite} name="inviteEmail" label={g.inviteEmail} type="email" autocomplete="off" maxlength={254} />
          <button type="submit" class="button">
            {g.inviteButton}
          </button>
        </form>
      </section>

      <section class="card" aria-labelledby="status-heading">
        <h2 id="status-heading">{g.statusHeading}</h2>
        {group.status === "pending" ? (
          <p>{g.pendingNote}</p>
        ) : group.status === "active" ? (
          <form method="post" action={path("/deactivate")} class="stack">
            <CsrfField view={view} />
            <p class="hint">{g.deactivateHint}</p>
            <button type="submit" class="button-secondary">
              {g.deactivateButton}
            </button>
          </form>
        ) : (
          <form method="post" action={path("/reactivate")}>
            <CsrfField view={view} />
            <button type="submit" class="button-secondary">
              {g.reactivateButton}
            </button>
          </form>
        )}
      </section>

      <section class="card" aria-labelledby="merge-heading">
        <h2 id="merge-heading">{g.mergeHeading}</h2>
        <p class="hint">{g.mergeHint}</p>
        <ErrorSummary view={withChoiceWords(view, g.mergeUnknown)} form={forms.merge} labels={{ duplicateId: g.mergeLabel }} />
        <form method="post" action={path("/merge")} class="stack" novalidate>
          <CsrfField view={view} />
          <TextField view={withChoiceWords(view, g.mergeUnknown)} form={forms.merge} name="duplicateId" label={g.mergeLabel} hint={g.mergeFieldHint} inputmode="numeric" class="input-short" maxlength={9} />
          <button type="submit" class="button-secondary">
            {g.mergeButton}
          </button>
        </form>
      </section>
    </AdminLayout>
  );
}

/** /admin/groups/import: a file or pasted text. */
export function GroupsImportPage({ view, form }: { view: View; form: FormState }) {
  const g = view.t.admin.groups;
  return (
    <AdminLayout view={view} title={g.importTitle} section="groups">
      <p class="breadcrumb">
        <a href={view.href("/admin/groups")}>{g.backToList}</a>
      </p>
      <h1>{g.importTitle}</h1>
      <p>{g.importLead}</p>
      <p class="fine-print">{g.importColumns(groupCsvColumns.join(", "))}</p>
      <ErrorSummary view={view} form={form} labels={{ file: g.importFile }} />
      <form method="post" action={view.href("/admin/groups/import")} enctype="multipart/form-data" class="stack" novalidate>
        <CsrfField view={view} />
        <div class={`field${form.errors.file ? " field-error" : ""}`}>
          <label for="field-file">{g.importFile}</label>
          {form.errors.file ? (
            <p class="error-message" id="error-file">
              {g.importNothing}
            </p>
          ) : null}
          <input id="field-file" type="file" name="file" accept=".csv,text/csv" aria-describedby={form.errors.file ? "error-file" : undefined} />
        </div>
        <TextArea view={view} form={form} name="csv" label={g.importText} rows={8} />
        <button type="submit" class="button">
          {g.importButton}
        </button>
      </form>
    </AdminLayout>
  );
}

/** The preview: what each row would do, every problem by line, and the confirm button when there are none. */
export function GroupsImportPreviewPage({ view, preview, csv, status }: { view: View; preview: ImportPreview; csv: string; status?: "blocked" }) {
  const g = view.t.admin.groups;
  const columns = (names: string[]) => names.join(", ");
  const fileError = (e: ImportPreview["fileErrors"][number]) => {
    const m = g.fileErrors;
    switch (e.code) {
      case "empty":
        return m.empty;
      case "syntax":
        return m.syntax(e.line);
      case "too_many_rows":
        return m.too_many_rows(MAX_IMPORT_ROWS);
      default:
        return m[e.code](columns(e.columns));
    }
  };
  const problem = (e: ImportPreview["rows"][number]["errors"][number]) =>
    g.rowError(e.column ?? g.wholeRow, (g.rowErrors as Record<string, string>)[e.code] ?? g.rowErrors.other);
  const c = preview.counts;
  return (
    <AdminLayout view={view} title={g.previewTitle} section="groups">
      <p class="breadcrumb">
        <a href={view.href("/admin/groups/import")}>{g.startOver}</a>
      </p>
      <h1>{g.previewTitle}</h1>
      {preview.fileErrors.length > 0 ? (
        <div class="error-summary" role="alert">
          <ul>
            {preview.fileErrors.map((e) => (
              <li>{fileError(e)}</li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          <p class="lead" role="status">
            {g.previewCounts(c.create, c.update, c.unchanged, c.invalid)}
          </p>
          {c.invalid > 0 || status === "blocked" ? <p class="notice">{g.previewBlocked}</p> : null}
          {preview.canApply ? (
            <form method="post" action={view.href("/admin/groups/import/apply")}>
              <CsrfField view={view} />
              <input type="hidden" name="csv" value={csv} />
              <button type="submit" class="button">
                {g.confirmButton}
              </button>
            </form>
          ) : c.invalid === 0 ? (
            <p class="notice">{g.previewNothing}</p>
          ) : null}
          <DataTable label={g.previewTitle} columns={[g.rowColumns.line, g.rowColumns.action, g.rowColumns.group, g.rowColumns.details]}>
            {preview.rows.map((row) => (
              <tr class={row.action === "invalid" ? "row-invalid" : undefined}>
                <td>{row.line}</td>
                <td>{g.rowActions[row.action]}</td>
                <td>
                  {row.groupId ? <a href={view.href(`/admin/groups/${row.groupId}`)}>{row.name || row.slug}</a> : row.name}
                  {row.state ? ` (${row.state})` : ""}
                </td>
                <td>
                  {row.errors.length > 0 ? (
                    <ul class="row-errors">
                      {row.errors.map((e) => (
                        <li>{problem(e)}</li>
                      ))}
                    </ul>
                  ) : row.changed.length > 0 ? (
                    g.changedColumns(columns(row.changed))
                  ) : null}
                </td>
              </tr>
            ))}
          
          </DataTable>
        </>
      )}
    </AdminLayout>
  );
}
