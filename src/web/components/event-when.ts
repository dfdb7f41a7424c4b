import type { Locale } from "../../i18n/index.js";

const tags: Record<Locale, string> = { en: "en-US", es: "es-US" };

/**
 * When an event happens, in its own time zone with the zone named:
 * "Thursday, December 3, 2026, 7:00 – 9:00 PM CST" (one day) or both dates when it spans days.
 */
export function formatEventWhen(locale: Locale, startsAt: Date, endsAt: Date, timeZone: string): string {
  const format = new Intl.DateTimeFormat(tags[locale], {
    weekday: "long",
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  });
  return endsAt.getTime() > startsAt.getTime() ? format.formatRange(startsAt, endsAt) : format.format(startsAt);
}

/** A shorter form for tables: "Dec 3, 2026, 7:00 PM CST". */
export function formatEventStart(locale: Locale, startsAt: Date, timeZone: string): string {
  return startsAt.toLocaleString(tags[locale], { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZone, timeZoneName: "short" });
}
