/**
 * iCalendar (RFC 5545) text for events: what calendar apps import from a download, a
 * subscription or an e-mail attachment. Times are written in UTC ("…Z"), which every client
 * reads and shows in its own zone, so no VTIMEZONE blocks are needed (docs/decisions/0017).
 * `parseICalendar` reads it back (tests, and anyone checking a feed).
 */

export interface ICalEvent {
  /** Stable for the life of the event: "event-12@everybodyin.org". */
  uid: string;
  /** Bumped whenever attendees are told about a change, so calendars replace the old copy. */
  sequence: number;
  /** When this copy was written. */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  description?: string | null | undefined;
  location?: string | null | undefined;
  url?: string | null | undefined;
  status: "CONFIRMED" | "CANCELLED";
  lastModified?: Date | undefined;
}

export interface ICalendar {
  /** PUBLISH for downloads and feeds. */
  method?: "PUBLISH" | undefined;
  /** Shown by apps as the subscribed calendar's name. */
  name?: string | undefined;
  events: ICalEvent[];
}

const PRODID = "-//Everybody In//Events//EN";

/** 20261203T190000Z */
export function icalUtc(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/** Escape a TEXT value: backslash, semicolon, comma and newlines (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n?|\n/g, "\\n");
}

/**
 * Fold a content line to at most 75 octets per line (RFC 5545 §3.1): continuation lines start
 * with one space. Never splits inside a UTF-8 character.
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= 75) return line;
  const pieces: string[] = [];
  let current = "";
  let currentBytes = 0;
  let limit = 75;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    if (currentBytes + bytes > limit) {
      pieces.push(current);
      current = "";
      currentBytes = 0;
      limit = 74; // the leading space counts
    }
    current += char;
    currentBytes += bytes;
  }
  pieces.push(current);
  return pieces.join("\r\n ");
}

export function buildICalendar(calendar: ICalendar): string {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:${PRODID}`, "CALSCALE:GREGORIAN", `METHOD:${calendar.method ?? "PUBLISH"}`];
  if (calendar.name) lines.push(`X-WR-CALNAME:${escapeText(calendar.name)}`);
  for (const event of calendar.events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${event.uid}`,
      `SEQUENCE:${event.sequence}`,
      `DTSTAMP:${icalUtc(event.stamp)}`,
      `DTSTART:${icalUtc(event.start)}`,
      `DTEND:${icalUtc(event.end)}`,
      `SUMMARY:${escapeText(event.summary)}`,
    );
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
    if (event.url) lines.push(`URL:${event.url}`);
    if (event.lastModified) lines.push(`LAST-MODIFIED:${icalUtc(event.lastModified)}`);
    lines.push(`STATUS:${event.status}`, "END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}

// ---- Reading it back ----

export interface ParsedProperty {
  name: string;
  params: Record<string, string>;
  value: string;
}

export interface ParsedComponent {
  name: string;
  properties: ParsedProperty[];
  components: ParsedComponent[];
  /** The first value of a property, text unescaped. */
  get(name: string): string | undefined;
}

/** Undo `escapeText`. */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
}

/** Parse a UTC DATE-TIME ("20261203T190000Z"). */
export function parseIcalUtc(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) : undefined;
}

/**
 * A strict reader for what we write (and ordinary iCalendar): lines must end in CRLF, be at most
 * 75 octets, and components must nest and close. Throws on anything malformed.
 */
export function parseICalendar(text: string): ParsedComponent {
  if (!text.endsWith("\r\n")) throw new Error("iCalendar text must end with CRLF");
  const raw = text.slice(0, -2).split("\r\n");
  if (raw.some((line) => line.includes("\n") || line.includes("\r"))) throw new Error("bare LF or CR in iCalendar text");
  const encoder = new TextEncoder();
  const lines: string[] = [];
  for (const line of raw) {
    if (encoder.encode(line).length > 75) throw new Error(`line longer than 75 octets: ${line.slice(0, 30)}…`);
    if (line.startsWith(" ") || line.startsWith("\t")) {
      if (lines.length === 0) throw new Error("continuation line first");
      lines[lines.length - 1] += line.slice(1);
    } else lines.push(line);
  }
  const stack: ParsedComponent[] = [];
  let root: ParsedComponent | undefined;
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon < 1) throw new Error(`not a content line: ${line}`);
    const [name = "", ...paramParts] = line.slice(0, colon).split(";");
    const value = line.slice(colon + 1);
    const upper = name.toUpperCase();
    if (upper === "BEGIN") {
      const component = newComponent(value.toUpperCase());
      if (stack.length === 0) {
        if (root) throw new Error("more than one top-level component");
        root = component;
      } else stack[stack.length - 1]!.components.push(component);
      stack.push(component);
    } else if (upper === "END") {
      const open = stack.pop();
      if (!open || open.name !== value.toUpperCase()) throw new Error(`END:${value} does not close ${open?.name ?? "anything"}`);
    } else {
      const current = stack[stack.length - 1];
      if (!current) throw new Error(`property outside a component: ${name}`);
      const params: Record<string, string> = {};
      for (const part of paramParts) {
        const eq = part.indexOf("=");
        params[part.slice(0, eq).toUpperCase()] = part.slice(eq + 1);
      }
      current.properties.push({ name: upper, params, value });
    }
  }
  if (stack.length > 0 || !root) throw new Error("unclosed component");
  return root;
}

function newComponent(name: string): ParsedComponent {
  const component: ParsedComponent = {
    name,
    properties: [],
    components: [],
    get(property) {
      const found = component.properties.find((p) => p.name === property.toUpperCase());
      return found ? unescapeText(found.value) : undefined;
    },
  };
  return component;
}

// ---- Add-to-calendar links ----

export interface CalendarLinkEvent {
  title: string;
  start: Date;
  end: Date;
  details: string;
  location: string;
}

/** Google Calendar's "create event" page, filled in. */
export function googleCalendarUrl(event: CalendarLinkEvent): string {
  const params = new URLSearchParams({
    action: "TEMPLATE",
    text: event.title,
    dates: `${icalUtc(event.start)}/${icalUtc(event.end)}`,
    details: event.details,
    location: event.location,
  });
  return `https://calendar.google.com/calendar/render?${params.toString()}`;
}

/** Outlook.com's compose page, filled in (times in UTC ISO 8601). */
export function outlookCalendarUrl(event: CalendarLinkEvent): string {
  const params = new URLSearchParams({
    path: "/calendar/action/compose",
    rru: "addevent",
    subject: event.title,
    startdt: event.start.toISOString(),
    enddt: event.end.toISOString(),
    body: event.details,
    location: event.location,
  });
  return `https://outlook.live.com/calendar/0/deeplink/compose?${params.toString()}`;
}
