/**
 * The closed set of errors a domain action may throw on purpose. Each surface maps them
 * once: web/errors.tsx to a page, api/errors.ts to `{ code, message }` JSON.
 * Anything else that escapes is a bug and becomes a 500.
 */
export type DomainErrorCode = "not_found" | "invalid" | "conflict" | "forbidden" | "unavailable";

/**
 * Why a form field was refused. Surfaces turn these into words in the person's language
 * (src/i18n: forms.fieldErrors), so the domain never writes user-facing text for fields.
 */
export type FieldErrorCode =
  | "required"
  | "too_long"
  | "invalid_email"
  | "invalid_zip"
  | "unknown_zip"
  | "invalid_phone"
  | "invalid_choice"
  | "out_of_range"
  | "invalid_host"
  | "too_short"
  | "no_match"
  | "invalid_url"
  /** Not a date and time (events). */
  | "invalid_time"
  /** A wall-clock time the clocks skip when daylight saving time starts. */
  | "nonexistent_time"
  /** An end at or before the start. */
  | "ends_before_start"
  /** Not a calendar date written YYYY-MM-DD (news). */
  | "invalid_date"
  /** A date after today (news: an article's publication date). */
  | "future_date"
  /** Something that must be unique is already there (news: the same article's address). */
  | "already_listed";

export type FieldErrors = Partial<Record<string, FieldErrorCode>>;

export class DomainError extends Error {
  override name = "DomainError";
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Per-field reasons for "invalid", keyed by input field name. */
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
  }
}

export const notFound = (message: string) => new DomainError("not_found", message);
export const invalid = (message: string, fieldErrors: FieldErrors = {}) =>
  new DomainError("invalid", message, fieldErrors);
export const conflict = (message: string) => new DomainError("conflict", message);
export const forbidden = (message: string) => new DomainError("forbidden", message);
/** The request is fine but data it needs is not loaded (for example, public data not imported yet). */
export const unavailable = (message: string) => new DomainError("unavailable", message);

export const httpStatusFor: Record<DomainErrorCode, 400 | 403 | 404 | 409 | 503> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unavailable: 503,
};
