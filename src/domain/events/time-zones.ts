/**
 * The time zones an event may be in (US states and territories), and the conversion between
 * a wall-clock time there ("2026-12-03T19:00", what <input type="datetime-local"> sends) and
 * an instant. Uses the runtime's own zone database (Intl); no library.
 */
export const US_TIME_ZONES = [
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Phoenix",
  "America/Los_Angeles",
  "America/Anchorage",
  "America/Adak",
  "Pacific/Honolulu",
  "America/Puerto_Rico",
  "Pacific/Guam",
  "Pacific/Pago_Pago",
] as const;
export type UsTimeZone = (typeof US_TIME_ZONES)[number];

export const isUsTimeZone = (value: string): value is UsTimeZone => (US_TIME_ZONES as readonly string[]).includes(value);

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string) {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock fields of `instant` in `timeZone`. */
function wallClock(instant: Date, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/** Minutes `timeZone` is ahead of UTC at `instant` (New York in winter: -300). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

export type LocalTimeResult =
  | { ok: true; instant: Date }
  /** Not a date and time at all. */
  | { ok: false; reason: "invalid" }
  /** Skipped by the clocks going forward (2:30 a.m. on the second Sunday of March in New York). */
  | { ok: false; reason: "nonexistent" };

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/;

/**
 * The instant a wall-clock time in `timeZone` names. A time the clocks skip (spring forward)
 * does not exist and is refused. A time that happens twice (fall back: 1:30 a.m. on the first
 * Sunday of November in New York) is read as the FIRST of the two, still on daylight time:
 * it is what someone who wrote it weeks ahead most likely means, and the earlier choice never
 * makes anyone late (docs/decisions/0017).
 */
export function localToInstant(local: string, timeZone: string): LocalTimeResult {
  const match = LOCAL_PATTERN.exec(local.trim());
  if (!match) return { ok: false, reason: "invalid" };
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || year < 2000 || year > 2100) return { ok: false, reason: "invalid" };
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  // Day-of-month overflow (February 30) comes back as another date.
  const check = new Date(asUtc);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return { ok: false, reason: "invalid" };

  // Any one day holds at most one transition: the offsets a day either side are the only candidates.
  const day_ = 24 * 60 * 60_000;
  const offsets = new Set([offsetMinutes(new Date(asUtc - day_), timeZone), offsetMinutes(new Date(asUtc + day_), timeZone)]);
  const candidates = [...offsets]
    .map((offset) => new Date(asUtc - offset * 60_000))
    .filter((instant) => {
      const w = wallClock(instant, timeZone);
      return w.year === year && w.month === month && w.day === day && w.hour === hour && w.minute === minute;
    })
    .sort((a, b) => a.getTime() - b.getTime());
  const first = candidates[0];
  return first ? { ok: true, instant: first } : { ok: false, reason: "nonexistent" };
}

/** "2026-12-03T19:00": the wall-clock time of `instant` in `timeZone`, as a datetime-local value. */
export function instantToLocal(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** ISO 8601 with the zone's offset at that instant: "2026-12-03T19:00:00-06:00" (schema.org startDate). */
export function isoWithOffset(instant: Date, timeZone: string): string {
  const offset = offsetMinutes(instant, timeZone);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${instantToLocal(instant, timeZone)}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
