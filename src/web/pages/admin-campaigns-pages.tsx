import { DataTable } from "../components/data-table.js";
import type { Child } from "hono/jsx";
import {
  campaignLanguages,
  SLUG_MAX,
  templateKeys,
  templateVariants,
  unknownPlaceholders,
  wordsField,
  wordLimits,
  wordsFields,
  type CampaignLanguage,
} from "../../domain/admin/campaigns/campaign-draft.js";
import type { BillChoice } from "../../domain/admin/campaigns/get-campaign-for-editing.js";
import type { CampaignListItem } from "../../domain/admin/campaigns/list-campaigns.js";
import { sampleCaller, type CampaignPreview, type PreviewSample } from "../../domain/admin/campaigns/preview-campaign.js";
import { placeholderNames } from "../../domain/campaigns/fill-template.js";
import type { FieldErrorCode } from "../../domain/errors.js";
import { AdminLayout } from "../components/admin-layout.js";
import { CsrfField, Field as FormField, Notice, type FieldAria, type FormState } from "../components/form.js";
import type { View } from "../view.js";

type T = View["t"]["admin"]["campaigns"];

export function CampaignListPage({ view, campaigns, notice }: { view: View; campaigns: CampaignListItem[]; notice?: string | undefined }) {
  const t = view.t.admin.campaigns;
  return (
    <AdminLayout view={view} title={t.title} section="campaigns">
      <h1>{t.title}</h1>
      <p class="lead">{t.lead}</p>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <p>
        <a class="button" href={view.href("/admin/campaigns/new")}>
          {t.newCampaign}
        </a>
      </p>
      <DataTable label={t.tableCaption} id="campaigns" caption="visible" columns={[t.columns.title, t.columns.status, t.columns.bills, t.columns.spanish, t.columns.slug]}>
        {campaigns.map((campaign) => (
          <tr>
            <th scope="row">
              <a href={view.href(`/admin/campaigns/${campaign.slug}`)}>{campaign.title}</a>
            </th>
            <td>
              {campaign.isActive ? (
                <strong class="campaign-active">{t.active}</strong>
              ) : (
                <form method="post" action={view.href(`/admin/campaigns/${campaign.slug}/activate`)} class="inline-form">
                  <CsrfField view={view} />
                  <span>{t.inactive} </span>
                  <button type="submit" class="button-secondary" aria-label={t.activate(campaign.title)}>
                    {t.activateShort}
                  </button>
                </form>
              )}
            </td>
            <td>{[campaign.houseBill ?? t.noBill, campaign.senateBill ?? t.noBill].join(" · ")}</td>
            <td>{campaign.hasSpanish ? t.yes : t.no}</td>
            <td>
              <a href={view.href(campaign.path)}>{campaign.path}</a>
            </td>
          </tr>
        ))}
      
      </DataTable>
    </AdminLayout>
  );
}

/** The sentence under a refused field: the general field messages do not fit a campaign's boxes. */
export function campaignErrorText(t: T, name: string, code: FieldErrorCode, value: string): string {
  if (name === "slug") {
    if (code === "too_long") return t.errors.tooLong(SLUG_MAX);
    if (code === "invalid_choice") return t.errors.slugFormat;
    if (code === "no_match") return t.errors.slugTaken;
    return t.errors.required;
  }
  if (name === "houseBillId" || name === "senateBillId") return t.errors.bill;
  const field = wordsFields.find((f) => f.name === name);
  if (code === "too_long") return t.errors.tooLong(field?.max ?? 0);
  if (code === "too_short") return t.errors.letterBody;
  if (code === "invalid_choice") {
    const known = placeholderNames.map((p) => `{${p}}`).join(" ");
    return t.errors.unknownPlaceholders(unknownPlaceholders(value).join(" "), known);
  }
  return field?.lang === "es" ? t.errors.spanishIncomplete : t.errors.required;
}

function fieldLabel(t: T, name: string): string {
  if (name === "slug") return t.slugLabel;
  if (name === "houseBillId") return t.houseBillLabel;
  if (name === "senateBillId") return t.senateBillLabel;
  const field = wordsFields.find((f) => f.name === name);
  if (!field) return name;
  const label = field.variant ? t.fieldLabel(t.fields[field.key], t.variants[field.variant]) : t.fields[field.key];
  return `${label} (${t.languages[field.lang]})`;
}

function CampaignErrorSummary({ view, form }: { view: View; form: FormState }) {
  const t = view.t.admin.campaigns;
  const entries = Object.entries(form.errors).filter((e): e is [string, FieldErrorCode] => e[1] !== undefined);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">{view.t.forms.errorSummaryHeading}</h2>
      <ul>
        {entries.map(([name, code]) => (
          <li>
            <a href={`#field-${name}`}>
              {fieldLabel(t, name)}: {campaignErrorText(t, name, code, form.values[name] ?? "")}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A field whose errors read in the campaign editor's own words (placeholders, script length). */
function Field(props: { view: View; form: FormState; name: string; label: string; hint?: string | undefined; children: (aria: FieldAria) => Child }) {
  const t = props.view.t.admin.campaigns;
  return <FormField {...props} errorText={(code) => campaignErrorText(t, props.name, code, props.form.values[props.name] ?? "")} />;
}

function BillSelect({ view, form, name, label, choices }: { view: View; form: FormState; name: string; label: string; choices: BillChoice[] }) {
  const t = view.t.admin.campaigns;
  const value = form.values[name] ?? "";
  return (
    <Field view={view} form={form} name={name} label={label} hint={t.billHint}>
      {(aria) => (
        <select name={name} {...aria}>
          <option value="" selected={value === ""}>
            {t.noBillOption}
          </option>
          {choices.map((bill) => (
            <option value={bill.id} selected={bill.id === value}>
              {t.billOption(bill.number, bill.congress, bill.title)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function WordsFieldset({ view, form, lang }: { view: View; form: FormState; lang: CampaignLanguage }) {
  const t = view.t.admin.campaigns;
  const box = (name: string, label: string, hint: string, rows: number) => (
    <Field view={view} form={form} name={name} label={label} hint={hint}>
      {(aria) => (
        <textarea name={name} rows={rows} {...aria}>
          {form.values[name] ?? ""}
        </textarea>
      )}
    </Field>
  );
  const hints = { callScript: t.callScriptHint, letter: t.letterHint, post: t.postHint(wordLimits.post) };
  const rows = { callScript: 8, letter: 10, post: 3 };
  return (
    <fieldset class="campaign-words" lang={lang}>
      <legend>{lang === "en" ? t.englishHeading : t.spanishHeading}</legend>
      <p class="hint">{lang === "en" ? t.englishLead : t.spanishLead}</p>
      <Field view={view} form={form} name={wordsField(lang, "title")} label={`${t.fields.title} (${t.languages[lang]})`} hint={t.titleHint}>
        {(aria) => <input type="text" name={wordsField(lang, "title")} value={form.values[wordsField(lang, "title")] ?? ""} maxlength={300} {...aria} />}
      </Field>
      {box(wordsField(lang, "summary"), `${t.fields.summary} (${t.languages[lang]})`, t.summaryHint, 4)}
      {templateKeys.map((key) =>
        templateVariants.map((variant) => {
          const name = wordsField(lang, key, variant);
          return box(name, `${t.fieldLabel(t.fields[key], t.variants[variant])} (${t.languages[lang]})`, hints[key], rows[key]);
        }),
      )}
    </fieldset>
  );
}

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .filter((p) => p.trim() !== "")
        .map((paragraph) => (
          <p>
            {paragraph.split("\n").map((line, i) => (
              <>
                {i > 0 ? <br /> : null}
                {line}
              </>
            ))}
          </p>
        ))}
    </>
  );
}

function SampleCard({ view, heading, sample, id }: { view: View; heading: string; sample: PreviewSample; id: string }) {
  const t = view.t.admin.campaigns;
  const m = sample.member;
  const place = m.chamber === "senate" || m.district === null ? m.state : `${m.state}-${m.district}`;
  return (
    <section class="card campaign-sample" aria-labelledby={`${id}-heading`} id={id}>
      <h3 id={`${id}-heading`}>{heading}</h3>
      <p>
        <strong>{t.sampleMember(m.title, m.name, m.party, place)}</strong>
        <br />
        {t.stanceLabel(t.stances[sample.stance])}
      </p>
      <h4>{t.callScriptHeading}</h4>
      <div class="campaign-sample-text">
        <Paragraphs text={sample.messages.callScript} />
      </div>
      <h4>{t.letterSubjectHeading}</h4>
      <p>{sample.messages.letterSubject}</p>
      <h4>{t.letterBodyHeading}</h4>
      <div class="campaign-sample-text">
        <Paragraphs text={sample.messages.letterBody} />
      </div>
      <h4>{t.postHeading}</h4>
      <p>{sample.messages.post.x}</p>
    </section>
  );
}

function PreviewSection({ view, preview, lang }: { view: View; preview: CampaignPreview; lang: CampaignLanguage }) {
  const t = view.t.admin.campaigns;
  return (
    <section class="campaign-preview" aria-labelledby="preview-heading" id="preview" lang={lang}>
      <h2 id="preview-heading">{t.previewHeading}</h2>
      <p>{t.previewLead(sampleCaller.name)}</p>
      <p>
        <strong>{t.previewNotSaved}</strong>
      </p>
      {preview.bill === null ? <p>{t.previewNoBill}</p> : preview.cosponsor === null ? <p>{t.previewNoCosponsor}</p> : null}
      <div class="campaign-samples">
        {preview.cosponsor ? <SampleCard view={view} heading={t.sampleCosponsor} sample={preview.cosponsor} id="sample-cosponsor" /> : null}
        {preview.notCosponsor ? <SampleCard view={view} heading={t.sampleNotCosponsor} sample={preview.notCosponsor} id="sample-not-cosponsor" /> : null}
      </div>
    </section>
  );
}

export interface CampaignFormProps {
  view: View;
  /** null: a new campaign. */
  slug: string | null;
  title: string;
  isActive: boolean;
  billChoices: { house: BillChoice[]; senate: BillChoice[] };
  form: FormState;
  preview?: { result: CampaignPreview; lang: CampaignLanguage } | undefined;
  notice?: string | undefined;
}

export function CampaignFormPage(props: CampaignFormProps) {
  const { view, form, slug } = props;
  const t = view.t.admin.campaigns;
  const base = slug === null ? "/admin/campaigns/new" : `/admin/campaigns/${slug}`;
  const heading = slug === null ? t.newTitle : t.editTitle(props.title);
  const previewLang = props.preview?.lang ?? (form.values.previewLang === "es" ? "es" : "en");
  return (
    <AdminLayout view={view} title={heading} section="campaigns">
      <p>
        <a href={view.href("/admin/campaigns")}>{t.cancel}</a>
      </p>
      <h1>{heading}</h1>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      {props.isActive ? <p class="notice">{t.isActiveNote}</p> : null}
      {slug !== null ? (
        <p>
          <a href={view.href(`/act/${slug}`)}>{t.viewPage}</a>
        </p>
      ) : null}
      <CampaignErrorSummary view={view} form={form} />
      <form method="post" action={view.href(base)} class="campaign-form" novalidate>
        <CsrfField view={view} />
        {slug === null ? (
          <Field view={view} form={form} name="slug" label={t.slugLabel} hint={t.slugHint}>
            {(aria) => <input type="text" name="slug" value={form.values.slug ?? ""} maxlength={SLUG_MAX * 2} autocomplete="off" class="input-medium" {...aria} />}
          </Field>
        ) : null}
        <fieldset class="campaign-bills">
          <legend>{t.billsHeading}</legend>
          <BillSelect view={view} form={form} name="houseBillId" label={t.houseBillLabel} choices={props.billChoices.house} />
          <BillSelect view={view} form={form} name="senateBillId" label={t.senateBillLabel} choices={props.billChoices.senate} />
        </fieldset>
        <details class="campaign-placeholders" open>
          <summary>{t.placeholdersHeading}</summary>
          <p>{t.placeholdersLead}</p>
          <dl>
            {placeholderNames.map((name) => (
              <>
                <dt>
                  <code>{`{${name}}`}</code>
                </dt>
                <dd>{t.placeholders[name]}</dd>
              </>
            ))}
          </dl>
        </details>
        {campaignLanguages.map((lang) => (
          <WordsFieldset view={view} form={form} lang={lang} />
        ))}
        <div class="campaign-form-actions">
          <div class="field">
            <label for="field-previewLang">{t.previewLanguageLabel}</label>
            <select id="field-previewLang" name="previewLang">
              {campaignLanguages.map((lang) => (
                <option value={lang} selected={lang === previewLang}>
                  {t.languages[lang]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="button-secondary" formaction={view.href(`${base}/preview#preview`)}>
            {t.preview}
          </button>
          <button type="submit" class="button">
            {t.save}
          </button>
        </div>
      </form>
      {props.preview ? <PreviewSection view={view} preview={props.preview.result} lang={props.preview.lang} /> : null}
    </AdminLayout>
  );
}
