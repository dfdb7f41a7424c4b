import type { Child } from "hono/jsx";
import { DataTable } from "../components/data-table.js";
import type { CosponsorBill } from "../../domain/admin/cosponsors/list-cosponsor-bills.js";
import type { CosponsorUploadResult } from "../../domain/admin/cosponsors/upload-cosponsor-file.js";
import { billPath } from "../../domain/congress/bill-slug.js";
import type { FieldErrorCode } from "../../domain/errors.js";
import { AdminLayout } from "../components/admin-layout.js";
import { Checkbox, CsrfField, Field, type FieldAria, type FormState } from "../components/form.js";
import { formatDate, formatNumber } from "../format.js";
import type { View } from "../view.js";

type T = View["t"]["admin"]["cosponsors"];

function errorText(t: T, name: string, code: FieldErrorCode): string | undefined {
  if (name === "billId") return t.errors.billId;
  if (name === "asOf") return t.errors.asOf;
  if (name === "allowOlder") return t.errors.allowOlder;
  if (name === "file" && code === "required") return t.errors.fileRequired;
  return undefined;
}

export interface UploadFormState extends FormState {
  /** The parser's or the importer's own explanation, shown as it is. */
  problem?: string | undefined;
}

/** A field of the upload form, its errors in this form's own words (the file's problems are shown above the form). */
function Frame(props: { view: View; form: UploadFormState; name: string; label: string; hint?: string; children: (aria: FieldAria) => Child }) {
  const t = props.view.t.admin.cosponsors;
  return <Field {...props} errorText={(code) => errorText(t, props.name, code)} />;
}

function UploadForm({ view, bills, form }: { view: View; bills: CosponsorBill[]; form: UploadFormState }) {
  const t = view.t.admin.cosponsors;
  const entries = Object.entries(form.errors).filter((e): e is [string, FieldErrorCode] => e[1] !== undefined);
  const labels: Record<string, string> = { billId: t.billLabel, file: t.fileLabel, asOf: t.asOfLabel, allowOlder: t.allowOlderLabel };
  return (
    <section aria-labelledby="upload-heading">
      <h2 id="upload-heading">{t.uploadHeading}</h2>
      <p>{t.uploadLead}</p>
      {entries.length > 0 ? (
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
          <h2 id="error-summary-title">{t.problemHeading}</h2>
          {form.problem ? <p class="upload-problem">{form.problem}</p> : null}
          <ul>
            {entries
              .map(([name, code]) => [name, errorText(t, name, code)] as const)
              .filter((e): e is readonly [string, string] => e[1] !== undefined)
              .map(([name, message]) => (
                <li>
                  <a href={`#field-${name}`}>
                    {labels[name] ?? name}: {message}
                  </a>
                </li>
              ))}
          </ul>
          <p>{t.nothingChanged}</p>
        </div>
      ) : null}
      <form method="post" action={view.href("/admin/cosponsors/upload")} enctype="multipart/form-data" novalidate>
        <CsrfField view={view} />
        <Frame view={view} form={form} name="billId" label={t.billLabel}>
          {(aria) => (
            <select name="billId" {...aria}>
              <option value="">{t.chooseBill}</option>
              {bills.map((bill) => (
                <option value={bill.id} selected={form.values.billId === bill.id}>
                  {t.billOption(bill.number, bill.congress)}
                </option>
              ))}
            </select>
          )}
        </Frame>
        <Frame view={view} form={form} name="file" label={t.fileLabel} hint={t.fileHint}>
          {(aria) => <input type="file" name="file" accept=".xml,.json,application/xml,text/xml,application/json" {...aria} />}
        </Frame>
        <Frame view={view} form={form} name="text" label={t.textLabel} hint={t.textHint}>
          {(aria) => (
            <textarea name="text" rows={6} {...aria}>
              {form.values.text ?? ""}
            </textarea>
          )}
        </Frame>
        <Frame view={view} form={form} name="asOf" label={t.asOfLabel} hint={t.asOfHint}>
          {(aria) => <input type="text" name="asOf" value={form.values.asOf ?? ""} inputmode="numeric" autocomplete="off" maxlength={10} class="input-short" {...aria} />}
        </Frame>
        <div class={`field${form.errors.allowOlder ? " field-error" : ""}`}>
          {form.errors.allowOlder ? (
            <p class="error-message" id="error-allowOlder">
              {t.errors.allowOlder}
            </p>
          ) : null}
          <Checkbox form={form} name="allowOlder" label={t.allowOlderLabel} />
        </div>
        <button type="submit" class="button">
          {t.upload}
        </button>
      </form>
    </section>
  );
}

export function CosponsorDataPage({ view, bills, form }: { view: View; bills: CosponsorBill[]; form: UploadFormState }) {
  const t = view.t.admin.cosponsors;
  const n = (value: number) => formatNumber(view.locale, value);
  return (
    <AdminLayout view={view} title={t.title} section="cosponsors">
      <h1>{t.title}</h1>
      <p class="lead">{t.lead}</p>
      <DataTable label={t.tableCaption} id="bills" caption="visible" columns={[t.columns.bill, { label: t.columns.cosponsors, class: "numeric" }, t.columns.asOf, t.columns.status]}>
        {bills.map((bill) => (
          <tr>
            <th scope="row">
              <a href={view.href(bill.path)}>{bill.number}</a>
              <br />
              <span class="fine-print">
                {t.congress(bill.congress)}
                {bill.isCurrent ? ` · ${t.current}` : ""}
              </span>
            </th>
            <td class="numeric">
              {n(bill.cosponsors)}
              {bill.officialCount !== null && bill.officialCount !== bill.cosponsors ? (
                <>
                  <br />
                  <span class="fine-print">{t.officialCount(bill.officialCount)}</span>
                </>
              ) : null}
            </td>
            <td>{bill.asOf ? formatDate(view.locale, bill.asOf) : t.never}</td>
            <td>
              {bill.complete ? t.complete : t.incomplete}
              <br />
              <a class="fine-print" href={bill.sourceUrl} rel="noopener noreferrer">
                {t.sourceLink}
              </a>
            </td>
          </tr>
        ))}
      
      </DataTable>
      <UploadForm view={view} bills={bills} form={form} />
    </AdminLayout>
  );
}

function Names({ id, heading, names }: { id: string; heading: string; names: string[] }) {
  if (names.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <ul>
        {names.map((name) => (
          <li>{name}</li>
        ))}
      </ul>
    </section>
  );
}

export function CosponsorUploadResultPage({ view, result }: { view: View; result: CosponsorUploadResult }) {
  const t = view.t.admin.cosponsors;
  const date = (iso: string) => formatDate(view.locale, iso);
  const changed = result.added.length + result.withdrawn.length + result.removed.length;
  return (
    <AdminLayout view={view} title={t.resultTitle(result.billNumber)} section="cosponsors">
      <h1>{t.resultTitle(result.billNumber)}</h1>
      <div class="notice notice-success" role="status">
        <p>{t.resultSummary(result.officialCount, date(result.asOf))}</p>
        <p>
          {result.previousAsOf === null
            ? t.resultFirst
            : t.resultPrevious(result.previousOfficialCount === null ? "?" : String(result.previousOfficialCount), date(result.previousAsOf))}
        </p>
      </div>
      <Names id="added" heading={t.added(result.added.length)} names={result.added} />
      <Names id="withdrawn" heading={t.withdrawn(result.withdrawn.length)} names={result.withdrawn} />
      <Names id="removed" heading={t.removed(result.removed.length)} names={result.removed} />
      <Names id="kept" heading={t.keptAsSponsor(result.keptAsSponsor.length)} names={result.keptAsSponsor} />
      {changed === 0 ? <p>{t.noChanges}</p> : null}
      <p>{t.unchanged(result.unchanged)}</p>
      <p>
        <a href={view.href(billPath(result.billId))}>{t.seeList}</a> · <a href={view.href("/admin/cosponsors")}>{t.back}</a>
      </p>
    </AdminLayout>
  );
}
