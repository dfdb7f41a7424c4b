import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpSink, type SmtpSink } from "../../tests/support/smtp-sink.js";
import { smtpTransport } from "../integrations/mail/smtp-transport.js";
import { buildICalendar, escapeText, foldLine, googleCalendarUrl, outlookCalendarUrl, parseICalendar, parseIcalUtc, type ICalEvent } from "./ical.js";

const base: ICalEvent = {
  uid: "event-12@everybody.test",
  sequence: 2,
  stamp: new Date("2026-11-20T12:00:00Z"),
  start: new Date("2026-12-04T01:00:00Z"),
  end: new Date("2026-12-04T03:00:00Z"),
  summary: "Town hall; bring friends, neighbors \\ coworkers",
  description: "Line one\nLine two, with a comma; and a semicolon.\n\n" + "Señal ✊ ".repeat(30),
  location: "Union Hall, 1 Labor Way, Minneapolis, MN 55401",
  url: "https://everybody.test/events/12-town-hall",
  status: "CONFIRMED",
};

describe("iCalendar text", () => {
  it("parses back to the same event: times in UTC, text escaped, UID and SEQUENCE kept", () => {
    const text = buildICalendar({ name: "Everybody In: events", events: [base] });
    const calendar = parseICalendar(text);
    expect(calendar.name).toBe("VCALENDAR");
    expect(calendar.get("VERSION")).toBe("2.0");
    expect(calendar.get("METHOD")).toBe("PUBLISH");
    expect(calendar.get("X-WR-CALNAME")).toBe("Everybody In: events");
    const [vevent] = calendar.components;
    expect(vevent!.name).toBe("VEVENT");
    expect(vevent!.get("UID")).toBe(base.uid);
    expect(vevent!.get("SEQUENCE")).toBe("2");
    expect(parseIcalUtc(vevent!.get("DTSTART")!)).toEqual(base.start);
    expect(parseIcalUtc(vevent!.get("DTEND")!)).toEqual(base.end);
    expect(vevent!.get("DTSTAMP")).toBe("20261120T120000Z");
    expect(vevent!.get("SUMMARY")).toBe(base.summary);
    expect(vevent!.get("DESCRIPTION")).toBe(base.description);
    expect(vevent!.get("LOCATION")).toBe(base.location);
    expect(vevent!.get("STATUS")).toBe("CONFIRMED");
  });

  it("uses CRLF and folds lines at 75 octets without splitting a character", () => {
    const text = buildICalendar({ events: [base] });
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const encoder = new TextEncoder();
    const lines = text.split("\r\n");
    expect(Math.max(...lines.map((l) => encoder.encode(l).length))).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(" "))).toBe(true);
    expect(text).not.toContain("\uFFFD");
    const folded = foldLine("DESCRIPTION:" + "é".repeat(100));
    for (const line of folded.split("\r\n")) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
    expect(folded.split("\r\n").map((l, i) => (i === 0 ? l : l.slice(1))).join("")).toBe("DESCRIPTION:" + "é".repeat(100));
  });

  it("escapes backslashes, semicolons, commas and newlines", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
  });

  it("keeps a calendar's entries apart and marks a cancelled one", () => {
    const text = buildICalendar({ events: [base, { ...base, uid: "event-13@everybody.test", status: "CANCELLED", location: null, description: null }] });
    const [first, second] = parseICalendar(text).components;
    expect(first!.get("UID")).toBe("event-12@everybody.test");
    expect(second!.get("STATUS")).toBe("CANCELLED");
    expect(second!.get("LOCATION")).toBeUndefined();
  });

  it("the reader refuses broken text", () => {
    expect(() => parseICalendar("BEGIN:VCALENDAR\nEND:VCALENDAR\n")).toThrow();
    expect(() => parseICalendar("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n")).toThrow();
    expect(() => parseICalendar(`BEGIN:VCALENDAR\r\nX:${"a".repeat(80)}\r\nEND:VCALENDAR\r\n`)).toThrow();
  });
});

describe("add-to-calendar links", () => {
  const event = { title: "Town hall & potluck", start: base.start, end: base.end, details: "https://everybody.test/events/12", location: "Minneapolis, MN" };
  it("fills Google Calendar's template with UTC dates", () => {
    const url = new URL(googleCalendarUrl(event));
    expect(url.origin + url.pathname).toBe("https://calendar.google.com/calendar/render");
    expect(url.searchParams.get("action")).toBe("TEMPLATE");
    expect(url.searchParams.get("text")).toBe("Town hall & potluck");
    expect(url.searchParams.get("dates")).toBe("20261204T010000Z/20261204T030000Z");
    expect(url.searchParams.get("location")).toBe("Minneapolis, MN");
  });
  it("fills Outlook's compose page", () => {
    const url = new URL(outlookCalendarUrl(event));
    expect(url.origin + url.pathname).toBe("https://outlook.live.com/calendar/0/deeplink/compose");
    expect(url.searchParams.get("subject")).toBe("Town hall & potluck");
    expect(url.searchParams.get("startdt")).toBe("2026-12-04T01:00:00.000Z");
    expect(url.searchParams.get("enddt")).toBe("2026-12-04T03:00:00.000Z");
  });
});

describe("an .ics attachment over real SMTP", () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink.close();
  });

  it("arrives as a text/calendar attachment that parses back", async () => {
    const transport = smtpTransport(sink.url, { maxConnections: 1 });
    const ics = buildICalendar({ events: [base] });
    await transport.send({
      from: "Everybody In <updates@everybody.test>",
      to: { address: "ada@example.org" },
      subject: "You are going: Town hall",
      text: "See you there",
      html: "<p>See you there</p>",
      attachments: [{ filename: "event-12.ics", contentType: "text/calendar; charset=utf-8; method=PUBLISH", content: ics }],
      messageId: "<event-rsvp.12.1@everybody.test>",
    });
    await transport.close();
    const got = sink.received.at(-1)!;
    expect(got.parsed.text?.trim()).toBe("See you there");
    const attachment = got.parsed.attachments.find((a) => a.filename === "event-12.ics");
    expect(attachment?.contentType).toBe("text/calendar");
    const parsed = parseICalendar(attachment!.content.toString("utf8"));
    expect(parsed.components[0]!.get("SUMMARY")).toBe(base.summary);
  });
});
