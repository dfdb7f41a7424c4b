/** How an event's time reads, always in the event's own zone with the zone named. Shared by pages and e-mails. */

type Locale = "en" | "es";
const tags: Record<Locale, string> = { en: "en-US", es: "es-US" };

/**
 * "Thursday, December 3, 2026, 7:00 – 9:00 PM CST": an event's time in its own zone, with the
 * zone's short name (which also says whether daylight time applies that day). Both dates when it
 * spans days.
 */
export function formatEventWhen(locale: Locale, start: Date, end: Date, timeZone: string): string {
  const format = new Intl.DateTimeFormat(tags[locale], {
    timeZone,
    weekday: "long",
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  });
  return end.getTime() > start.getTime() ? format.formatRange(start, end) : format.format(start);
}

/** "Thu, Dec 3, 2026": for lists. */
export function formatEventDay(locale: Locale, start: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(tags[locale], { timeZone, weekday: "short", month: "short", day: "numeric", year: "numeric" }).format(start);
}

/** A shorter form for tables: "Dec 3, 2026, 7:00 PM CST". */
export function formatEventStart(locale: Locale, start: Date, timeZone: string): string {
  return start.toLocaleString(tags[locale], { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZone, timeZoneName: "short" });
}
