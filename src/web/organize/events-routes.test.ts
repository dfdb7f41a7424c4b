import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSubscriber, uniqueEmail } from "../../../tests/support/factories.js";
import { signInAs, type SignedIn } from "../../../tests/support/sign-in.js";
import { createTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { auditEvents, eventRsvps, events, groups, mailMessages } from "../../db/schema/index.js";
import { rsvpToEvent } from "../../domain/events/rsvp-to-event.js";
import { instantToLocal } from "../../domain/events/time-zones.js";

let t: TestApp;
let groupA: typeof groups.$inferSelect;
let groupB: typeof groups.$inferSelect;
let organizerA: SignedIn;
let admin: SignedIn;

const DAY = 24 * 3600_000;
const ZONE = "America/Chicago";
/** A wall-clock time in Chicago `days` from now, as the datetime-local input sends it. */
const localIn = (days: number, hour = 19) => `${instantToLocal(new Date(Date.now() + days * DAY), ZONE).slice(0, 10)}T${String(hour).padStart(2, "0")}:00`;

beforeAll(async () => {
  t = await createTestApp({ template: "loaded" });
  const rows = await t.ctx.db.select().from(groups).where(eq(groups.status, "active")).orderBy(asc(groups.id)).limit(2);
  [groupA, groupB] = [rows[0]!, rows[1]!];
  organizerA = await signInAs(t.ctx, { organizerOf: [groupA.id], name: "Ella Organizer" });
  admin = await signInAs(t.ctx, { admin: true });
});
afterAll(async () => {
  await t.close();
});

const get = (path: string, who?: SignedIn) => t.get(path, who);
const post = (path: string, who: SignedIn | undefined, fields: Record<string, string> = {}) => t.postForm(path, fields, who);

const meetingFields = (overrides: Record<string, string> = {}) => ({
  title: "Monthly meeting: planning the town hall",
  kind: "meeting",
  description: "Bring a friend.",
  startsLocal: localIn(20, 19),
  endsLocal: localIn(20, 21),
  timeZone: ZONE,
  format: "in_person",
  venueName: "Central Library, room B",
  address: "300 Nicollet Mall",
  city: "Minneapolis",
  state: "MN",
  zip: "55401",
  addressForAttendeesOnly: "yes",
  livestreamUrl: "",
  recordingUrl: "",
  notesUrl: "",
  slidesUrl: "",
  capacity: "2",
  ...overrides,
});

/** An event written straight to the database, for lists and access checks. */
async function insertEvent(values: Partial<typeof events.$inferInsert> & { groupId: number | null }) {
  const now = new Date();
  const [row] = await t.ctx.db
    .insert(events)
    .values({
      slug: "an-event",
      kind: "meeting",
      title: "An event",
      startsAt: new Date(now.getTime() + 10 * DAY),
      endsAt: new Date(now.getTime() + 10 * DAY + 2 * 3600_000),
      timeZone: ZONE,
      format: "online",
      livestreamUrl: "https://meet.example.org/a",
      createdAt: now,
      updatedAt: now,
      ...values,
    })
    .returning();
  return row!;
}

async function rsvp(eventId: number, status: "going" | "waitlisted" | "cancelled") {
  const person = await buildSubscriber(t.ctx, {});
  await t.ctx.db.insert(eventRsvps).values({ eventId, personId: person.id, status, createdAt: new Date(), updatedAt: new Date() });
  return person;
}

const base = (groupId: number) => `/organize/groups/${groupId}/events`;

describe("who may write a group's events", () => {
  it("sends signed-out visitors to sign in, for every page and every form", async () => {
    const event = await insertEvent({ groupId: groupA.id, title: "Signed-out check" });
    for (const path of [base(groupA.id), `${base(groupA.id)}/new`, `${base(groupA.id)}/${event.id}/edit`, `${base(groupA.id)}/${event.id}/cancel`]) {
      const res = await get(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get("location")).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
    }
    for (const path of [`${base(groupA.id)}/new`, `${base(groupA.id)}/${event.id}/edit`, `${base(groupA.id)}/${event.id}/cancel`]) {
      const res = await post(path, undefined, meetingFields());
      expect(res.status, path).toBe(303);
      expect(res.headers.get("location")).toMatch(/^\/sign-in\?next=/);
    }
    const [row] = await t.ctx.db.select().from(events).where(eq(events.id, event.id));
    expect(row!.status).toBe("scheduled");
  });

  it("refuses an organizer of group A everything about group B's events (403), and changes nothing", async () => {
    const event = await insertEvent({ groupId: groupB.id, title: "Group B's own meeting" });
    const b = base(groupB.id);
    for (const path of [b, `${b}/new`, `${b}/${event.id}/edit`, `${b}/${event.id}/cancel`]) {
      const res = await get(path, organizerA);
      expect(res.status, path).toBe(403);
      expect(await res.text()).not.toContain("Group B&#39;s own meeting");
    }
    const countBefore = (await t.ctx.db.select().from(events).where(eq(events.groupId, groupB.id))).length;
    expect((await post(`${b}/new`, organizerA, meetingFields({ title: "Sneaky" }))).status).toBe(403);
    expect((await post(`${b}/${event.id}/edit`, organizerA, meetingFields({ title: "Hijacked" }))).status).toBe(403);
    expect((await post(`${b}/${event.id}/cancel`, organizerA, { reason: "no" })).status).toBe(403);
    expect((await t.ctx.db.select().from(events).where(eq(events.groupId, groupB.id))).length).toBe(countBefore);
    const [row] = await t.ctx.db.select().from(events).where(eq(events.id, event.id));
    expect(row).toMatchObject({ title: "Group B's own meeting", status: "scheduled" });
  });

  it("does not reach group B's event through group A's URL (404), nor a national event (403)", async () => {
    const other = await insertEvent({ groupId: groupB.id, title: "Elsewhere" });
    const national = await insertEvent({ groupId: null, kind: "conference", title: "National thing" });
    expect((await get(`${base(groupA.id)}/${other.id}/edit`, organizerA)).status).toBe(403);
    expect((await post(`${base(groupA.id)}/${other.id}/edit`, organizerA, meetingFields({ title: "Moved" }))).status).toBe(403);
    expect((await get(`${base(groupA.id)}/${national.id}/edit`, organizerA)).status).toBe(403);
    expect((await post(`${base(groupA.id)}/${national.id}/cancel`, organizerA)).status).toBe(403);
    // Staff may manage both groups, but the URL still names one group and its events only.
    expect((await get(`${base(groupA.id)}/${other.id}/edit`, admin)).status).toBe(404);
    expect((await post(`${base(groupA.id)}/${other.id}/cancel`, admin)).status).toBe(404);
    expect((await get(`${base(groupB.id)}/${other.id}/edit`, admin)).status).toBe(200);
    const rows = await t.ctx.db.select().from(events).where(eq(events.id, other.id));
    expect(rows[0]).toMatchObject({ title: "Elsewhere", status: "scheduled" });
  });
});

describe("an organizer's own group's events", () => {
  it("adds an Events tab and lists upcoming and past events with who is coming", async () => {
    const upcoming = await insertEvent({ groupId: groupA.id, title: "Phone bank night" });
    await rsvp(upcoming.id, "going");
    await rsvp(upcoming.id, "going");
    await rsvp(upcoming.id, "waitlisted");
    await rsvp(upcoming.id, "cancelled");
    const past = await insertEvent({ groupId: groupA.id, title: "Last month's meeting", startsAt: new Date(Date.now() - 30 * DAY), endsAt: new Date(Date.now() - 30 * DAY + 3600_000) });
    await insertEvent({ groupId: groupB.id, title: "Not ours" });

    const res = await get(base(groupA.id), organizerA);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`href="${base(groupA.id)}" aria-current="page">Events</a>`);
    expect(html).toContain(`href="${base(groupA.id)}/new"`);
    const upcomingTable = html.slice(html.indexOf('id="upcoming-events"'), html.indexOf('id="past-heading"'));
    const pastTable = html.slice(html.indexOf('id="past-events"'));
    expect(upcomingTable).toContain("Phone bank night");
    expect(upcomingTable).toContain("2 going, 1 on the waitlist");
    expect(upcomingTable).toContain(`href="${base(groupA.id)}/${upcoming.id}/edit"`);
    expect(upcomingTable).toContain(`href="${base(groupA.id)}/${upcoming.id}/cancel"`);
    expect(upcomingTable).not.toContain("Last month");
    expect(pastTable).toContain("Last month&#39;s meeting");
    expect(pastTable).not.toContain(`${past.id}/cancel`);
    expect(html).not.toContain("Not ours");
    // Organizers never see the staff-only feature button.
    expect(html).not.toContain("/feature");

    const home = await (await get("/organize", organizerA)).text();
    expect(home).toContain(`href="${base(groupA.id)}"`);
  });

  it("shows the form with a hidden meeting kind, the time zone beside the times, and no national kinds", async () => {
    const html = await (await get(`${base(groupA.id)}/new`, organizerA)).text();
    expect(html).toContain('<input type="hidden" name="kind" value="meeting"');
    expect(html).not.toContain('value="conference"');
    expect(html).toMatch(/id="field-startsLocal" name="startsLocal" type="datetime-local"/);
    expect(html).toMatch(/id="field-endsLocal" name="endsLocal" type="datetime-local"/);
    expect(html).toMatch(/<select id="field-timeZone" name="timeZone"[^>]*>[\s\S]*<option value="America\/Chicago">Central<\/option>/);
    expect(html).toContain('name="addressForAttendeesOnly" value="yes"');
    for (const name of ["livestreamUrl", "recordingUrl", "notesUrl", "slidesUrl", "capacity"]) expect(html).toContain(`name="${name}"`);
    expect(html).toMatch(/name="_csrf" value="[^"]+"/);
  });

  it("creates a meeting at the wall-clock time in its zone and lists it", async () => {
    const fields = meetingFields({ title: "Town hall prep" });
    const res = await post(`${base(groupA.id)}/new`, organizerA, fields);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${base(groupA.id)}?done=created`);
    const [row] = await t.ctx.db.select().from(events).where(and(eq(events.groupId, groupA.id), eq(events.title, "Town hall prep")));
    expect(row).toMatchObject({ kind: "meeting", format: "in_person", timeZone: ZONE, city: "Minneapolis", zip: "55401", addressForAttendeesOnly: true, capacity: 2 });
    expect(instantToLocal(row!.startsAt, ZONE)).toBe(fields.startsLocal);
    const list = await (await get(`${base(groupA.id)}?done=created`, organizerA)).text();
    expect(list).toContain("The event is on its public page now.");
    expect(list).toContain("Town hall prep");
  });

  it("re-renders a bad form with 400, what was typed and an error per field", async () => {
    const before = (await t.ctx.db.select().from(events).where(eq(events.groupId, groupA.id))).length;
    const res = await post(
      `${base(groupA.id)}/new`,
      organizerA,
      meetingFields({ title: "", description: "<b>kept as typed</b>", startsLocal: localIn(5, 20), endsLocal: localIn(5, 18), zip: "123", capacity: "lots", livestreamUrl: "not a url", format: "hybrid" }),
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    for (const field of ["title", "endsLocal", "zip", "capacity", "livestreamUrl"]) expect(html, field).toContain(`href="#field-${field}"`);
    expect(html).toContain("The end must be after the start.");
    expect(html).toContain("&lt;b&gt;kept as typed&lt;/b&gt;");
    expect(html).toContain('value="not a url"');
    expect(html).toContain(`value="${localIn(5, 20)}"`);
    expect(html).toMatch(/<option value="America\/Chicago" selected="">/);
    expect(html).toMatch(/id="field-format-hybrid" name="format" value="hybrid" checked=""/);
    expect(html).toMatch(/name="addressForAttendeesOnly" value="yes" checked=""/);
    expect((await t.ctx.db.select().from(events).where(eq(events.groupId, groupA.id))).length).toBe(before);
  });

  it("refuses the national kinds to an organizer, whatever the form sends", async () => {
    const res = await post(`${base(groupA.id)}/new`, organizerA, meetingFields({ title: "Our own conference", kind: "conference" }));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('href="#field-kind"');
    expect(await t.ctx.db.select().from(events).where(eq(events.title, "Our own conference"))).toEqual([]);
  });

  it("edits an event, says how many people a change e-mails, and tells them when the time moves", async () => {
    const event = await insertEvent({ groupId: groupA.id, title: "Canvass training", format: "online" });
    const going = await rsvp(event.id, "going");
    await rsvp(event.id, "waitlisted");
    await rsvp(event.id, "cancelled");

    const page = await get(`${base(groupA.id)}/${event.id}/edit`, organizerA);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Changing the time or place e-mails everyone who RSVP&#39;d: 2 people, including the waitlist.");
    expect(html).toContain('value="Canvass training"');
    expect(html).toContain(`value="${instantToLocal(event.startsAt, ZONE)}"`);
    expect(html).toContain(`href="${base(groupA.id)}/${event.id}/cancel"`);

    const res = await post(
      `${base(groupA.id)}/${event.id}/edit`,
      organizerA,
      meetingFields({ title: "Canvass training (new time)", format: "online", livestreamUrl: "https://meet.example.org/a", startsLocal: localIn(12, 18), endsLocal: localIn(12, 20), capacity: "" }),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${base(groupA.id)}?done=saved&notified=2`);
    const [row] = await t.ctx.db.select().from(events).where(eq(events.id, event.id));
    expect(row).toMatchObject({ title: "Canvass training (new time)", capacity: null });
    expect(instantToLocal(row!.startsAt, ZONE)).toBe(localIn(12, 18));
    expect(await t.ctx.db.select().from(mailMessages).where(eq(mailMessages.toAddress, going.email))).toHaveLength(1);
    expect(await (await get(`${base(groupA.id)}?done=saved&notified=2`, organizerA)).text()).toContain("We are e-mailing 2 people about the change.");

    const bad = await post(`${base(groupA.id)}/${event.id}/edit`, organizerA, meetingFields({ title: "x".repeat(500), format: "online", livestreamUrl: "" }));
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain('href="#field-title"');
    expect(badHtml).toContain('href="#field-livestreamUrl"');
    expect(badHtml).toContain("x".repeat(500));
  });

  it("cancels after a confirm step, with an optional reason, and tells who RSVP'd", async () => {
    const event = await insertEvent({ groupId: groupA.id, title: "Picnic" });
    const going = await rsvp(event.id, "going");
    const confirm = await get(`${base(groupA.id)}/${event.id}/cancel`, organizerA);
    expect(confirm.status).toBe(200);
    const html = await confirm.text();
    expect(html).toContain("We will e-mail 1 person who RSVP&#39;d");
    expect(html).toContain('name="reason"');
    expect(html).toContain("Yes, cancel the event");
    // Opening the confirm step cancels nothing.
    expect((await t.ctx.db.select().from(events).where(eq(events.id, event.id)))[0]!.status).toBe("scheduled");

    const tooLong = await post(`${base(groupA.id)}/${event.id}/cancel`, organizerA, { reason: "r".repeat(1200) });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.text()).toContain('href="#field-reason"');
    expect((await t.ctx.db.select().from(events).where(eq(events.id, event.id)))[0]!.status).toBe("scheduled");

    const res = await post(`${base(groupA.id)}/${event.id}/cancel`, organizerA, { reason: "Rain all day." });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${base(groupA.id)}?done=cancelled&notified=1`);
    expect((await t.ctx.db.select().from(events).where(eq(events.id, event.id)))[0]!.status).toBe("cancelled");
    const mail = await t.ctx.db.select().from(mailMessages).where(eq(mailMessages.toAddress, going.email));
    expect(mail).toHaveLength(1);
    const again = await (await get(`${base(groupA.id)}/${event.id}/cancel`, organizerA)).text();
    expect(again).toContain("This event is already cancelled.");
    expect(again).not.toContain("Yes, cancel the event");
  });
});

describe("who's coming", () => {
  it("shows the group's organizers names and ZIP codes (never e-mail addresses), and staff the addresses too; each export is audited", async () => {
    const event = await insertEvent({ groupId: groupA.id, title: "Phone bank night", capacity: 1 });
    const first = uniqueEmail("going");
    const second = uniqueEmail("waiting");
    await rsvpToEvent({ ctx: t.ctx, input: { eventId: event.id, name: "Fannie Going", email: first, zip: "55401", locale: "en" } });
    await rsvpToEvent({ ctx: t.ctx, input: { eventId: event.id, name: "Bayard Waiting", email: second, zip: "55105", locale: "en" } });
    const path = `/organize/groups/${groupA.id}/events/${event.id}/attendees`;

    const page = await get(path, organizerA);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("1 going, 1 on the waitlist.");
    expect(html.indexOf("Fannie Going")).toBeLessThan(html.indexOf("Bayard Waiting"));
    expect(html).toContain("55105");
    expect(html).not.toContain(first);
    expect(html).toContain(`href="${path}.csv"`);
    // The events list links to it.
    expect(await (await get(`/organize/groups/${groupA.id}/events`, organizerA)).text()).toContain(`href="${path}"`);

    const csv = await get(`${path}.csv`, organizerA);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = (await csv.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("name,zip,status,since");
    expect(lines[1]).toMatch(/^Fannie Going,55401,going,/);
    expect(lines[2]).toMatch(/^Bayard Waiting,55105,waitlisted,/);
    const [audit] = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, "event.attendees.export"), eq(auditEvents.subject, `event:${event.id}`)));
    expect(audit?.detail).toEqual({ rows: 2, includesEmail: false });

    const staffCsv = await (await get(`/admin/events/${event.id}/attendees.csv`, admin)).text();
    expect(staffCsv).toContain(`name,email,zip,status,since`);
    expect(staffCsv).toContain(first);
    expect(await (await get(`/admin/events/${event.id}/attendees`, admin)).text()).toContain(second);
  });

  it("is closed to other groups' organizers and to organizers for national events", async () => {
    const event = await insertEvent({ groupId: groupA.id });
    const national = await insertEvent({ groupId: null });
    const organizerB = await signInAs(t.ctx, { organizerOf: [groupB.id] });
    expect((await get(`/organize/groups/${groupA.id}/events/${event.id}/attendees`, organizerB)).status).toBe(403);
    expect((await get(`/organize/groups/${groupA.id}/events/${event.id}/attendees.csv`, organizerB)).status).toBe(403);
    // An event of group A under group B's address is not found, even for staff.
    expect((await get(`/organize/groups/${groupB.id}/events/${event.id}/attendees`, admin)).status).toBe(404);
    expect((await get(`/admin/events/${national.id}/attendees`, organizerA)).status).toBe(403);
    expect((await get(`/admin/events/${national.id}/attendees`, admin)).status).toBe(200);
  });
});
