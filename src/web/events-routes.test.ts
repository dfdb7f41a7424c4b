import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEventFields, uniqueEmail } from "../../tests/support/factories.js";
import { signInAs } from "../../tests/support/sign-in.js";
import { createTestApp, type TestApp } from "../../tests/support/test-app.js";
import { attributions, eventRsvps, groups, mailMessages, people } from "../db/schema/index.js";
import { loadActor, type Actor } from "../domain/accounts/actor.js";
import { ensureReferralCode } from "../domain/referrals/ensure-referral-code.js";
import { createEvent } from "../domain/events/create-event.js";
import { updateEvent } from "../domain/events/update-event.js";
import type { EventFields } from "../domain/events/event-fields.js";
import { attendeeToken } from "../domain/events/event-mail.js";
import { parseICalendar } from "../lib/ical.js";

let t: TestApp;
let admin: Actor;
let group: typeof groups.$inferSelect;
let inPerson: { id: number; path: string };
let online: { id: number; path: string };

const fields = (overrides: Partial<EventFields> = {}): EventFields => buildEventFields({ title: "Spring kickoff", description: "We **plan** the spring.", startsLocal: "2027-03-18T18:30", endsLocal: "2027-03-18T20:00", venueName: "Union Hall", address: "1 Labor Way", addressForAttendeesOnly: "yes", capacity: "1", ...overrides });

const post = (path: string, body: Record<string, string>) => t.postForm(path, body);

beforeAll(async () => {
  t = await createTestApp({ template: "loaded", env: { PUBLIC_URL: "https://everybody.test" } });
  const staff = await signInAs(t.ctx, { admin: true });
  admin = (await loadActor(t.ctx, staff.personId))!;
  group = (await t.ctx.db.select().from(groups).where(eq(groups.status, "active")).limit(1))[0]!;
  inPerson = await createEvent({ ctx: t.ctx, input: { actor: admin, groupId: group!.id, fields: fields() } });
  online = await createEvent({
    ctx: t.ctx,
    input: {
      actor: admin,
      groupId: null,
      fields: fields({ title: "National call-in day", kind: "call_in_day", format: "online", state: "", livestreamUrl: "https://stream.example.org/live", capacity: "" }),
    },
  });
});
afterAll(async () => {
  await t.close();
});

describe("GET /events", () => {
  it("lists events near a ZIP, and online ones for everyone, with filters that work without JavaScript", async () => {
    const res = await t.app.request("/events?near=55402&miles=25");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Events within 25 miles of 55402");
    expect(html).toContain(`href="${inPerson.path}"`);
    expect(html).toContain(`href="${online.path}"`);
    expect(html).toMatch(/Online: join from anywhere/);
    expect(html).toContain('<option value="25" selected="">25 miles</option>');
    const far = await (await t.app.request("/events?near=02139&miles=10")).text();
    expect(far).not.toContain(`href="${inPerson.path}"`);
    expect(far).toContain(`href="${online.path}"`);
  });

  it("answers bad filters with 400 and the reason, still listing events", async () => {
    for (const query of ["near=abc", "near=00000", "near=55401&miles=9999", "state=ZZ"]) {
      const res = await t.app.request(`/events?${query}`);
      expect(res.status, query).toBe(400);
      const html = await res.text();
      expect(html).toContain('class="error-summary"');
      expect(html).toContain(`href="${online.path}"`);
    }
  });
});

describe("an event's page", () => {
  it("shows the time in the event's zone, hides the kept address, and describes itself to search engines", async () => {
    const res = await t.app.request(inPerson.path);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/Thursday, March 18, 2027.*6:30.*8:00\s?PM CDT/);
    expect(html).toContain("Central Daylight Time");
    expect(html).toContain("Union Hall, Minneapolis, MN");
    expect(html).not.toContain("1 Labor Way");
    expect(html).toContain("The street address is sent to people who RSVP.");
    expect(html).toContain("1 place left.");
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!);
    expect(ld).toMatchObject({ "@type": "Event", name: "Spring kickoff", startDate: "2027-03-18T18:30:00-05:00", eventStatus: "https://schema.org/EventScheduled" });
    expect(JSON.stringify(ld)).not.toContain("Labor Way");
    expect(html).toContain("https://calendar.google.com/calendar/render?");
    expect(html).toContain(`href="${inPerson.path}.ics"`);
  });

  it("sends an old or missing slug to the one address, and an unknown event to 404", async () => {
    const res = await t.app.request(`/events/${inPerson.id}-old-name?a=x`);
    expect(res.status).toBe(301);
    expect(res.headers.get("location")).toBe(`${inPerson.path}?a=x`);
    expect((await t.app.request(`/events/${inPerson.id}`)).status).toBe(301);
    expect((await t.app.request("/events/999999-nothing")).status).toBe(404);
  });
});

describe("RSVP", () => {
  it("refuses bad input with 400, the values kept and a reason per field", async () => {
    const res = await post(`${inPerson.path}/rsvp`, { name: "", email: "not-an-address", zip: "5540" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('value="not-an-address"');
    expect(html).toContain("Enter an e-mail address like name@example.com.");
    expect(html).toContain("Enter a 5-digit ZIP code, like 55401.");
  });

  it("credits an RSVP to the link that brought it", async () => {
    const referrer = await signInAs(t.ctx, { admin: true });
    const { cookie, token } = await t.csrf("/updates");
    const code = await ensureReferralCode({ ctx: t.ctx, input: { personId: referrer.personId, current: undefined } });
    const res = await t.app.request(`${online.path}/rsvp`, {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ _csrf: token, name: "Ref Erred", email: uniqueEmail("ref"), zip: "55401", ref: code }).toString(),
    });
    expect(res.status).toBe(303);
    const credited = await t.ctx.db.select().from(attributions).where(and(eq(attributions.kind, "rsvp"), eq(attributions.subject, `event:${online.id}`)));
    expect(credited.map((a) => a.referralCode)).toEqual([code]);
  });

  it("takes the RSVP, credits it, mails a confirmation whose link shows the address, and waitlists the next person", async () => {
    const email = uniqueEmail("rsvp");
    const res = await post(`${inPerson.path}/rsvp`, { name: "Ada Attendee", email, zip: "55401" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${inPerson.path}/going`);
    const [person] = await t.ctx.db.select().from(people).where(eq(people.email, email));
    // Credited like any action: the person gets their own share code.
    expect(res.headers.get("set-cookie")).toContain("ei_me=");
    const thanks = await t.app.request(`${inPerson.path}/going`);
    expect(await thanks.text()).toContain("You are on the list for Spring kickoff.");

    const [mail] = await t.ctx.db.select().from(mailMessages).where(eq(mailMessages.toAddress, email));
    const link = /https:\/\/everybody\.test(\/events\/\S+\?a=\S+)/.exec(mail!.textBody!)![1]!;
    const mine = await (await t.app.request(link)).text();
    expect(mine).toContain("1 Labor Way");
    expect(mine).toContain("You are going.");
    expect(mine).toContain('<meta name="robots" content="noindex');
    const ics = await t.app.request(`${inPerson.path}.ics?a=${attendeeToken(t.ctx.mail.secretKey, inPerson.id, person!.id)}`);
    expect(parseICalendar(await ics.text()).components[0]!.get("LOCATION")).toContain("1 Labor Way");

    const next = await post(`${inPerson.path}/rsvp`, { name: "Bea Later", email: uniqueEmail("later"), zip: "55401" });
    expect(next.headers.get("location")).toBe(`${inPerson.path}/waitlisted`);
  });

  it("cancels from the e-mailed link after a confirming click (a GET changes nothing)", async () => {
    const email = uniqueEmail("cancel");
    await post(`${online.path}/rsvp`, { name: "Cy Cancel", email, zip: "55401" });
    const [person] = await t.ctx.db.select().from(people).where(eq(people.email, email));
    const path = `${online.path}/cancel-rsvp/${attendeeToken(t.ctx.mail.secretKey, online.id, person!.id)}`;
    const page = await t.app.request(path);
    expect(page.status).toBe(200);
    const statusNow = async () =>
      (await t.ctx.db.select().from(eventRsvps).where(and(eq(eventRsvps.eventId, online.id), eq(eventRsvps.personId, person!.id))))[0]!.status;
    expect(await statusNow()).toBe("going");
    const done = await post(path, {});
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("Your RSVP is cancelled");
    expect(await statusNow()).toBe("cancelled");
    expect((await t.app.request(`${online.path}/cancel-rsvp/${person!.id}.${"A".repeat(32)}`)).status).toBe(404);
  });

  it("drops a bot quietly and refuses a post without the CSRF token", async () => {
    const before = (await t.ctx.db.select().from(eventRsvps)).length;
    const bot = await post(`${online.path}/rsvp`, { name: "Bot", email: uniqueEmail("bot"), zip: "55401", website: "spam" });
    expect(bot.status).toBe(303);
    expect((await t.ctx.db.select().from(eventRsvps)).length).toBe(before);
    const noCsrf = await t.app.request(`${online.path}/rsvp`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "name=A&email=a@example.org&zip=55401",
    });
    expect(noCsrf.status).toBe(403);
  });
});

describe("calendars", () => {
  it("serves one event, every event and a group's events as valid iCalendar with stable UIDs", async () => {
    const one = await t.app.request(`${inPerson.path}.ics`);
    expect(one.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const vevent = parseICalendar(await one.text()).components[0]!;
    expect(vevent.get("UID")).toBe(`event-${inPerson.id}@everybody.test`);
    expect(vevent.get("LOCATION")).toBe("Union Hall, Minneapolis, MN");

    const all = parseICalendar(await (await t.app.request("/events.ics")).text());
    const uids = all.components.map((c) => c.get("UID"));
    expect(uids).toContain(`event-${inPerson.id}@everybody.test`);
    expect(uids).toContain(`event-${online.id}@everybody.test`);
    expect(parseICalendar(await (await t.app.request("/events.ics")).text()).components.map((c) => c.get("UID"))).toEqual(uids);

    const groupFeed = await t.app.request(`/groups/${group!.state.toLowerCase()}/${group!.slug}/events.ics`);
    expect(groupFeed.status).toBe(200);
    expect(parseICalendar(await groupFeed.text()).components.map((c) => c.get("UID"))).toEqual([`event-${inPerson.id}@everybody.test`]);
    expect((await t.app.request("/groups/mn/no-such-group/events.ics")).status).toBe(404);
  });
});

describe("GET /api/v1/events", () => {
  it("lists events near a ZIP as JSON, field by field, with no address or attendees", async () => {
    const res = await t.app.request("/api/v1/events?near=55401&miles=50");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { events: Record<string, unknown>[]; online: Record<string, unknown>[] };
    const event = body.events.find((e) => e.id === inPerson.id)!;
    expect(Object.keys(event).sort()).toEqual(
      ["calendarUrl", "city", "distanceMiles", "endsAt", "format", "group", "id", "kind", "startsAt", "state", "status", "timeZone", "title", "url"].sort(),
    );
    expect(event.startsAt).toBe("2027-03-18T18:30:00-05:00");
    expect(JSON.stringify(body)).not.toContain("Labor Way");
    expect(JSON.stringify(body)).not.toContain("@example.org");
    expect(body.online.map((e) => e.id)).toContain(online.id);
    const byState = (await (await t.app.request("/api/v1/events?state=MN")).json()) as { events: { id: number }[] };
    expect(byState.events.map((e) => e.id)).toContain(inPerson.id);
  });

  it("answers bad filters with 400 JSON naming the field", async () => {
    for (const [query, field] of [
      ["near=12", "near"],
      ["near=55401&miles=abc", "miles"],
      ["state=QQ", "state"],
    ] as const) {
      const res = await t.app.request(`/api/v1/events?${query}`);
      expect(res.status, query).toBe(400);
      const body = (await res.json()) as { code: string; fields: Record<string, string> };
      expect(body.code).toBe("invalid");
      expect(Object.keys(body.fields)).toEqual([field]);
    }
  });
});

describe("a group's page", () => {
  it("lists the group's upcoming events (not national ones) and offers its calendar feed", async () => {
    const groupPath = `/groups/${group.state.toLowerCase()}/${group.slug}`;
    const html = await (await t.app.request(groupPath)).text();
    const section = html.slice(html.indexOf('id="group-events-heading"'), html.indexOf('id="join-heading"'));
    expect(section).toContain("Upcoming events");
    expect(section).toContain(`href="${inPerson.path}"`);
    expect(section).not.toContain(`href="${online.path}"`);
    expect(section).toContain(`href="${groupPath}/events.ics"`);
    // Another group, with no events, says so.
    const [other] = await t.ctx.db.select().from(groups).where(and(eq(groups.status, "active"), eq(groups.state, "MA"))).limit(1);
    const otherHtml = await (await t.app.request(`/groups/ma/${other!.slug}`)).text();
    expect(otherHtml).toContain("No events planned right now.");
  });
});

describe("lists served from memory", () => {
  it("show a new event and an edit at once", async () => {
    const before = await (await t.app.request("/events")).text();
    const added = await createEvent({ ctx: t.ctx, input: { actor: admin, groupId: group.id, fields: fields({ title: "Brand new teach-in", capacity: "" }) } });
    expect(before).not.toContain("Brand new teach-in");
    expect(await (await t.app.request("/events")).text()).toContain(`href="${added.path}"`);
    await updateEvent({ ctx: t.ctx, input: { actor: admin, eventId: added.id, fields: fields({ title: "Renamed teach-in", capacity: "" }) } });
    const renamed = await (await t.app.request("/events")).text();
    expect(renamed).toContain("Renamed teach-in");
    expect(renamed).not.toContain("Brand new teach-in");
  });
});
