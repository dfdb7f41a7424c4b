import type { CampaignWords, TemplatePair } from "../../../db/schema/index.js";
import type { FieldErrorCode, FieldErrors } from "../../errors.js";
import { placeholderNames } from "../../campaigns/fill-template.js";

/**
 * A campaign as the admin form holds it: every field a string, "" for "none" or "not filled".
 * The form names its fields with `wordsField()` ("en-callScript-cosponsor"), so field errors
 * from the domain point at the right box.
 */
export interface CampaignDraft {
  slug: string;
  /** "" = no bill in this chamber. */
  houseBillId: string;
  senateBillId: string;
  words: Record<CampaignLanguage, CampaignWords>;
}

/** English is required; Spanish is optional (all empty: Spanish readers see the English words). */
export const campaignLanguages = ["en", "es"] as const;
export type CampaignLanguage = (typeof campaignLanguages)[number];

export const templateKeys = ["callScript", "letter", "post"] as const;
export type TemplateKey = (typeof templateKeys)[number];
export const templateVariants = ["cosponsor", "notCosponsor"] as const satisfies readonly (keyof TemplatePair)[];

/** Longest text accepted per field, in characters. Posts must fit one post on X or Bluesky. */
export const wordLimits = { title: 150, summary: 1500, callScript: 4000, letter: 6000, post: 280 } as const;

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX = 60;

/** One box of the form: which language, which text, which variant. */
export interface WordsField {
  name: string;
  lang: CampaignLanguage;
  key: "title" | "summary" | TemplateKey;
  variant?: keyof TemplatePair;
  max: number;
}

export const wordsField = (lang: CampaignLanguage, key: WordsField["key"], variant?: keyof TemplatePair) =>
  variant ? `${lang}-${key}-${variant}` : `${lang}-${key}`;

export const wordsFields: readonly WordsField[] = campaignLanguages.flatMap((lang) => [
  { name: wordsField(lang, "title"), lang, key: "title" as const, max: wordLimits.title },
  { name: wordsField(lang, "summary"), lang, key: "summary" as const, max: wordLimits.summary },
  ...templateKeys.flatMap((key) =>
    templateVariants.map((variant) => ({ name: wordsField(lang, key, variant), lang, key, variant, max: wordLimits[key] })),
  ),
]);

const emptyWords = (): CampaignWords => ({
  title: "",
  summary: "",
  callScript: { cosponsor: "", notCosponsor: "" },
  letter: { cosponsor: "", notCosponsor: "" },
  post: { cosponsor: "", notCosponsor: "" },
});

export const emptyDraft = (): CampaignDraft => ({ slug: "", houseBillId: "", senateBillId: "", words: { en: emptyWords(), es: emptyWords() } });

/** Textareas send CRLF; trailing spaces on lines are noise. */
const clean = (value: string | undefined) =>
  (value ?? "")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .trim();

export function wordsValue(words: CampaignWords, field: WordsField): string {
  return field.variant ? words[field.key as TemplateKey][field.variant] : words[field.key as "title" | "summary"];
}

function setWordsValue(words: CampaignWords, field: WordsField, value: string) {
  if (field.variant) words[field.key as TemplateKey][field.variant] = value;
  else words[field.key as "title" | "summary"] = value;
}

/** A draft from submitted form fields (strings by field name). */
export function draftFromFields(fields: Record<string, string | undefined>): CampaignDraft {
  const draft = emptyDraft();
  draft.slug = (fields.slug ?? "").trim();
  draft.houseBillId = (fields.houseBillId ?? "").trim();
  draft.senateBillId = (fields.senateBillId ?? "").trim();
  for (const field of wordsFields) setWordsValue(draft.words[field.lang], field, clean(fields[field.name]));
  return draft;
}

/** The form fields for a draft, to fill the form with. */
export function fieldsFromDraft(draft: CampaignDraft): Record<string, string> {
  const fields: Record<string, string> = { slug: draft.slug, houseBillId: draft.houseBillId, senateBillId: draft.senateBillId };
  for (const field of wordsFields) fields[field.name] = wordsValue(draft.words[field.lang], field);
  return fields;
}

/** Placeholders in `text` that fill-template does not know, each once, as written ("{membrName}"). */
export function unknownPlaceholders(text: string): string[] {
  const known = new Set<string>(placeholderNames);
  const found = new Set<string>();
  for (const match of text.matchAll(/\{([^{}\n]{0,40})\}/g)) {
    if (!known.has(match[1] ?? "")) found.add(match[0]);
  }
  return [...found];
}

/** The boxes of one language (the same texts in every language). */
const oneLanguage = wordsFields.filter((f) => f.lang === "en");

/** Whether any box of these words was filled in. */
export const hasWords = (words: CampaignWords) => oneLanguage.some((f) => wordsValue(words, f) !== "");

/**
 * Per-field problems with the words, as codes the admin form turns into sentences:
 * "required", "too_long", "invalid_choice" (an unknown {placeholder}: the form names it, see
 * unknownPlaceholders) and "too_short" (a letter with a subject line but no body).
 */
export function validateWords(draft: CampaignDraft): FieldErrors {
  const errors: FieldErrors = {};
  const spanishUsed = hasWords(draft.words.es);
  for (const field of wordsFields) {
    if (field.lang !== "en" && !spanishUsed) continue;
    const value = wordsValue(draft.words[field.lang], field);
    let code: FieldErrorCode | undefined;
    if (value === "") code = "required";
    else if (value.length > field.max) code = "too_long";
    else if (unknownPlaceholders(value).length > 0) code = "invalid_choice";
    else if (field.key === "letter" && !/\n\s*\S/.test(value)) code = "too_short";
    if (code) errors[field.name] = code;
  }
  return errors;
}

/** What is stored: English always, Spanish only when it was written. */
export function storedWords(draft: CampaignDraft): { en: CampaignWords; es?: CampaignWords } {
  return hasWords(draft.words.es) ? { en: draft.words.en, es: draft.words.es } : { en: draft.words.en };
}

/** A draft from stored words: languages not stored come back empty. */
export function draftWords(words: { en: CampaignWords } & Partial<Record<string, CampaignWords>>): Record<CampaignLanguage, CampaignWords> {
  const copy = (w: CampaignWords | undefined): CampaignWords => {
    const out = emptyWords();
    if (!w) return out;
    for (const field of oneLanguage) setWordsValue(out, field, wordsValue(w, field) ?? "");
    return out;
  };
  return { en: copy(words.en), es: copy(words.es) };
}
