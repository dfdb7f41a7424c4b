import { DataFileError } from "./data-file-error.js";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Typed access to one row's text values. Every failure throws a DataFileError that names
 * the file, the line, the column and the bad value, e.g.
 * `zip-districts/zccd.csv line 1203: cd "x" is not a whole number`.
 */
export class RowReader {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    private readonly values: Record<string, string | undefined>,
  ) {}

  fail(detail: string): never {
    throw new DataFileError(this.file, this.line, detail);
  }

  /** Trimmed value, or null when blank or absent. */
  optional(name: string): string | null {
    const value = this.values[name]?.trim();
    return value ? value : null;
  }

  text(name: string): string {
    return this.optional(name) ?? this.fail(`${name} is empty`);
  }

  match(name: string, pattern: RegExp, expected: string): string {
    const value = this.text(name);
    if (!pattern.test(value)) this.fail(`${name} ${JSON.stringify(value)} is not ${expected}`);
    return value;
  }

  optionalMatch(name: string, pattern: RegExp, expected: string): string | null {
    return this.optional(name) === null ? null : this.match(name, pattern, expected);
  }

  int(name: string, range: { min: number; max: number }): number {
    const value = this.text(name);
    if (!/^-?\d+$/.test(value)) this.fail(`${name} ${JSON.stringify(value)} is not a whole number`);
    const n = Number(value);
    if (n < range.min || n > range.max) this.fail(`${name} ${n} is outside ${range.min}–${range.max}`);
    return n;
  }

  optionalInt(name: string, range: { min: number; max: number }): number | null {
    return this.optional(name) === null ? null : this.int(name, range);
  }

  number(name: string, range: { min: number; max: number }): number {
    const value = this.text(name);
    const n = Number(value);
    if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(value) || !Number.isFinite(n)) {
      this.fail(`${name} ${JSON.stringify(value)} is not a number`);
    }
    if (n < range.min || n > range.max) this.fail(`${name} ${n} is outside ${range.min}–${range.max}`);
    return n;
  }

  oneOf<const T extends string>(name: string, allowed: readonly T[]): T {
    const value = this.text(name);
    if (!(allowed as readonly string[]).includes(value)) {
      this.fail(`${name} ${JSON.stringify(value)} is not one of ${allowed.join(", ")}`);
    }
    return value as T;
  }

  date(name: string): string {
    return this.match(name, ISO_DATE, "a date (YYYY-MM-DD)");
  }

  optionalDate(name: string): string | null {
    return this.optional(name) === null ? null : this.date(name);
  }

  url(name: string): string {
    const value = this.text(name);
    if (!isHttpUrl(value)) this.fail(`${name} ${JSON.stringify(value)} is not an http(s) URL`);
    return value;
  }

  optionalUrl(name: string): string | null {
    return this.optional(name) === null ? null : this.url(name);
  }
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** Shared patterns, so every file agrees on what a ZCTA or a state code looks like. */
export const patterns = {
  zcta: /^\d{5}$/,
  usps: /^[A-Z]{2}$/,
  fips: /^\d{2}$/,
  bioguide: /^[A-Z]\d{6}$/,
} as const;
