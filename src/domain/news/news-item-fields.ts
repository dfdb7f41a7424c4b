import type { FieldErrors } from "../errors.js";
import { parseWebUrl } from "../organize/update-group-page.js";
import { isNewsTopic, newsTopics, type NewsTopic } from "./news-topics.js";

/** A news link as the admin form sends it: every field a string, topics as a list of keys. */
export interface NewsItemFields {
  title: string;
  publisher: string;
  /** YYYY-MM-DD. */
  publishedOn: string;
  summary: string;
  url: string;
  topics: string[];
}

/** A news link that passed every check, ready to store. */
export interface NewsItemValues {
  title: string;
  publisher: string;
  publishedOn: string;
  summary: string;
  /** https only, normalised by the URL parser (so two spellings of one address compare equal). */
  url: string;
  /** Known topics, each once, in the order of `newsTopics`. */
  topics: NewsTopic[];
}

export const newsLimits = { title: 300, publisher: 120, summary: 600 } as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The latest date an article may carry: today somewhere on Earth. Publishers ahead of UTC (up to
 * UTC+14) may already be on tomorrow's date, so "today" is taken at the far east of the date line.
 */
export function latestPublicationDate(now: Date): string {
  return new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10);
}

function isRealDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && Number(match[1]) >= 1900;
}

const oneLine = (value: string) => value.replace(/\s+/g, " ").trim();

/**
 * Check a news link field by field. Returns the values to store, or why each field was refused
 * (codes the form turns into words). Uniqueness of the URL is checked by the caller, which can
 * see the table.
 */
export function checkNewsItemFields(fields: NewsItemFields, now: Date): { values: NewsItemValues; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const title = oneLine(fields.title);
  if (!title) errors.title = "required";
  else if (title.length > newsLimits.title) errors.title = "too_long";

  const publisher = oneLine(fields.publisher);
  if (!publisher) errors.publisher = "required";
  else if (publisher.length > newsLimits.publisher) errors.publisher = "too_long";

  const publishedOn = fields.publishedOn.trim();
  if (!publishedOn) errors.publishedOn = "required";
  else if (!isRealDate(publishedOn)) errors.publishedOn = "invalid_date";
  else if (publishedOn > latestPublicationDate(now)) errors.publishedOn = "future_date";

  // Paragraph breaks are not shown; a summary is one short paragraph.
  const summary = oneLine(fields.summary);
  if (!summary) errors.summary = "required";
  else if (summary.length > newsLimits.summary) errors.summary = "too_long";

  const rawUrl = fields.url.trim();
  let url = "";
  if (!rawUrl) errors.url = "required";
  else {
    url = parseWebUrl(rawUrl, true) ?? "";
    if (!url) errors.url = "invalid_url";
  }

  const chosen = new Set(fields.topics.map((topic) => topic.trim()).filter(Boolean));
  if ([...chosen].some((topic) => !isNewsTopic(topic))) errors.topics = "invalid_choice";
  const topics = newsTopics.filter((topic) => chosen.has(topic));

  // In the order the form asks (the address first), so the error summary reads top to bottom.
  const ordered: FieldErrors = {};
  for (const field of ["url", "title", "publisher", "publishedOn", "summary", "topics"]) if (errors[field]) ordered[field] = errors[field];
  return { values: { title, publisher, publishedOn, summary, url, topics }, errors: ordered };
}

/** Whether a database error (or one it wraps) is a unique-constraint violation. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if (typeof e === "object" && "code" in e && (e as { code: unknown }).code === "23505") return true;
    e = typeof e === "object" && "cause" in e ? (e as { cause: unknown }).cause : undefined;
  }
  return false;
}
