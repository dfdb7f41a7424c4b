import type { Locale } from "../i18n/index.js";

const tags: Record<Locale, string> = { en: "en-US", es: "es-US" };

/** "November 28, 2026" / "28 de noviembre de 2026". */
export function formatDate(locale: Locale, date: Date | string): string {
  const value = typeof date === "string" ? new Date(`${date.slice(0, 10)}T12:00:00Z`) : date;
  if (Number.isNaN(value.getTime())) return String(date);
  return value.toLocaleDateString(tags[locale], { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
}

export function formatNumber(locale: Locale, n: number): string {
  return n.toLocaleString(tags[locale]);
}
