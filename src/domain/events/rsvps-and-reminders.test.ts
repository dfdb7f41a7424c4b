import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildEventFields, buildSubscriber, uniqueEmail } from "../../../tests/support/factories.js";
import { createMailTestContext, type MailTestContext } from "../../../tests/support/mail-context.js";
import { admins, eventReminders, eventRsvps, groups, mailMessages, people } from "../../db/schema/index.js";
import { fakeJobQueue } from "../../jobs/fake-queue.js";
import { loadActor, type Actor } from "../accounts/actor.js";
import { cancelEvent } from "./cancel-event.js";
import { cancelRsvp } from "./cancel-rsvp.js";
import { createEvent } from "./create-event.js";
import type { EventFields } from "./event-fields.js";
import { attendeeToken, readAttendeeToken } from "./event-mail.js";
import { getEvent } from "./get-event.js";
import { listEvents, listPastEvents } from "./list-events.js";
import { rsvpToEvent } from "./rsvp-to-event.js";
import { sendDueReminders } from "./send-due-reminders.js";
import { updateEvent } from "./update-event.js";

let m: MailTestContext;
let admin: Actor;
let groupId: number;
const NOW = new Date("2026-11-20T12:00:00Z");

const fields = (overrides: Partial<EventFields> = {}): EventFields => buildEventFields({ title: "Town hall", description: "", venueName: "Union Hall", address: "1 Labor Way", addressForAttendeesOnly: "yes", ...overrides });

const newEvent = async (overrides: Partial<EventFields> = {}, national = false) =>
  (await createEvent({ ctx: m.ctx, input: { actor: admin, groupId: national ? null : groupId, fields: fields(overrides) } })).id;

const rsvp = (eventId: number, email = uniqueEmail("rsvp"), name = "Ada Attendee") =>
  rsvpToEvent({ ctx: m.ctx, input: { eventId, name, email, zip: "55401", locale: "en" } }).then((r) => ({ ...r, email }));

const mailsTo = (email: string, template?: string) =>
  m.ctx.db
    .select()
    .from(mailMessages)
    .where(template ? and(eq(mailMessages.toAddress, email), eq(mailMessages.template, template)) : eq(mailMessages.toAddress, email));

beforeAll(async () => {
  m = await createMailTestContext("loaded");
  m.setNow(NOW);
  const person = await buildSubscriber(m.ctx, { email: uniqueEmail("staff"), lists: {} });
  await m.ctx.db.insert(admins).values({ personId: person.id, grantedAt: NOW });
  admin = (await loadActor(m.ctx, person.id))!;
  const [group] = await m.ctx.db.select({ id: groups.id }).from(groups).where(eq(groups.status, "active")).limit(1);
  groupId = group!.id;
});
beforeEach(() => m.setNow(NOW));
afterAll(async () => {
  await m.close();
});

describe("RSVP", () => {
  it("counts at once, is the same person record as everywhere, and mails a confirmation with the .ics and a cancel link", async () => {
    const id = await newEvent();
    const result = await rsvp(id, "Grace.Hopper@Example.org", "Grace Hopper");
    expect(result).toMatchObject({ status: "going", added: true });
    const [person] = await m.ctx.db.select().from(people).where(eq(people.emailKey, "grace.hopper@example.org"));
    expect(person).toMatchObject({ name: "Grace Hopper", zip: "55401", state: "MN" });
    const [mail] = await mailsTo("Grace.Hopper@Example.org", "event-going");
    expect(mail!.subject).toBe("You are going: Town hall");
    // Attendees get the address kept from the public page.
    expect(mail!.textBody).toContain("1 Labor Way");
    expect(mail!.textBody).toMatch(/Thursday, December 3, 2026.*7:00.*9:00\s?PM CST/);
    expect(mail!.textBody).toContain(`/cancel-rsvp/${attendeeToken(m.ctx.mail.secretKey, id, person!.id)}`);
    // Again while on the list: nothing changes, nothing is sent.
    expect(await rsvp(id, "grace.hopper@example.org", "Grace Hopper")).toMatchObject({ status: "going", added: false });
    expect(await mailsTo("Grace.Hopper@Example.org")).toHaveLength(1);
  });

  it("fills the places, then puts people on the waitlist; a cancellation moves the first one up, who is told", async () => {
    const id = await newEvent({ capacity: "2" });
    const a = await rsvp(id);
    await rsvp(id);
    m.setNow(new Date(NOW.getTime() + 1000));
    const c = await rsvp(id);
    m.setNow(new Date(NOW.getTime() + 2000));
    const d = await rsvp(id);
    expect([c.status, d.status]).toEqual(["waitlisted", "waitlisted"]);
    expect((await mailsTo(c.email, "event-waitlisted"))[0]!.subject).toBe("You are on the waitlist: Town hall");
    expect((await getEvent({ ctx: m.ctx, input: { eventId: id } })).placesLeft).toBe(0);

    await cancelRsvp({ ctx: m.ctx, input: { eventId: id, token: attendeeToken(m.ctx.mail.secretKey, id, a.personId) } });
    const statuses = await m.ctx.db.select({ personId: eventRsvps.personId, status: eventRsvps.status }).from(eventRsvps).where(eq(eventRsvps.eventId, id));
    const statusOf = (personId: number) => statuses.find((s) => s.personId === personId)?.status;
    expect([statusOf(a.personId), statusOf(c.personId), statusOf(d.personId)]).toEqual(["cancelled", "going", "waitlisted"]);
    expect(await mailsTo(c.email, "event-promoted")).toHaveLength(1);
    expect(await mailsTo(d.email, "event-promoted")).toHaveLength(0);
    // Cancelling twice frees nothing more.
    await cancelRsvp({ ctx: m.ctx, input: { eventId: id, token: attendeeToken(m.ctx.mail.secretKey, id, a.personId) } });
    expect(await mailsTo(d.email, "event-promoted")).toHaveLength(0);
  });

  it("refuses bad input per field, a cancelled event, an event that is over, and a forged cancel link", async () => {
    const id = await newEvent();
    await expect(rsvpToEvent({ ctx: m.ctx, input: { eventId: id, name: "", email: "nope", zip: "12", locale: "en" } })).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { name: "required", email: "invalid_email", zip: "invalid_zip" },
    });
    await expect(cancelRsvp({ ctx: m.ctx, input: { eventId: id, token: "1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" } })).rejects.toMatchObject({ code: "not_found" });
    const person = await rsvp(id);
    // A token for one event does not work for another.
    expect(readAttendeeToken(m.ctx.mail.secretKey, id + 1, attendeeToken(m.ctx.mail.secretKey, id, person.personId))).toBeUndefined();
    await cancelEvent({ ctx: m.ctx, input: { actor: admin, eventId: id } });
    await expect(rsvp(id)).rejects.toMatchObject({ code: "conflict" });
    const past = await newEvent({ startsLocal: "2026-11-01T10:00", endsLocal: "2026-11-01T11:00" });
    await expect(rsvp(past)).rejects.toMatchObject({ code: "conflict" });
  });

  it("shows the street address only to attendees who come through their link", async () => {
    const id = await newEvent();
    const anyone = await getEvent({ ctx: m.ctx, input: { eventId: id } });
    expect(anyone).toMatchObject({ address: null, zip: null, addressHidden: true, locationText: "Union Hall, Minneapolis, MN" });
    const person = await rsvp(id);
    const token = attendeeToken(m.ctx.mail.secretKey, id, person.personId);
    const attendee = await getEvent({ ctx: m.ctx, input: { eventId: id, attendeeToken: token } });
    expect(attendee).toMatchObject({ address: "1 Labor Way", addressHidden: false, viewer: { status: "going" } });
    expect(attendee.locationText).toBe("Union Hall, 1 Labor Way, Minneapolis, MN 55401");
    const forged = await getEvent({ ctx: m.ctx, input: { eventId: id, attendeeToken: `${person.personId}.${"x".repeat(32)}` } });
    expect(forged.address).toBeNull();
    await cancelRsvp({ ctx: m.ctx, input: { eventId: id, token } });
    expect((await getEvent({ ctx: m.ctx, input: { eventId: id, attendeeToken: token } })).address).toBeNull();
  });
});

describe("reminders", () => {
  // Each test has its own evening (7 p.m. in Chicago), so their attendees never meet.
  const eveningOf = (day: string) => ({ startsLocal: `${day}T19:00`, endsLocal: `${day}T21:00` });
  const startOf = (day: string) => new Date(`${day}T19:00:00-06:00`);
  const hoursBefore = (day: string, hours: number) => m.setNow(new Date(startOf(day).getTime() - hours * 3600_000));

  it("sends the day-before and the hour-before reminder once each, whatever runs the sweep", async () => {
    const day = "2027-01-07";
    const id = await newEvent(eveningOf(day));
    const person = await rsvp(id);
    hoursBefore(day, 23);
    expect(await sendDueReminders({ ctx: m.ctx })).toEqual({ queued: 1 });
    expect(await sendDueReminders({ ctx: m.ctx })).toEqual({ queued: 0 });
    // A restarted process: a new job queue, same database.
    expect(await sendDueReminders({ ctx: { ...m.ctx, jobs: fakeJobQueue() } })).toEqual({ queued: 0 });
    hoursBefore(day, 5); // nothing due
    expect(await sendDueReminders({ ctx: m.ctx })).toEqual({ queued: 0 });
    hoursBefore(day, 50 / 60);
    expect(await sendDueReminders({ ctx: m.ctx })).toEqual({ queued: 1 });
    expect(await sendDueReminders({ ctx: { ...m.ctx, jobs: fakeJobQueue() } })).toEqual({ queued: 0 });
    const subjects = (await mailsTo(person.email)).map((mail) => mail.subject).sort();
    expect(subjects).toEqual(["Starting in an hour: Town hall", "Tomorrow: Town hall", "You are going: Town hall"]);
    await m.deliver();
    const sent = m.transport.sent.filter((mail) => mail.to.address === person.email);
    expect(sent.find((mail) => mail.subject.startsWith("Tomorrow"))?.attachments?.[0]?.content).toContain("BEGIN:VEVENT");
  });

  it("skips a day-before reminder whose window was missed, but still sends the hour-before one", async () => {
    const day = "2027-01-14";
    const id = await newEvent(eveningOf(day));
    const person = await rsvp(id);
    hoursBefore(day, 0.5); // the app was down all day
    expect(await sendDueReminders({ ctx: m.ctx })).toEqual({ queued: 1 });
    expect((await mailsTo(person.email, "event-hour-before")).length).toBe(1);
    expect((await mailsTo(person.email, "event-day-before")).length).toBe(0);
    hoursBefore(day, -0.5); // started: nothing late
    expect(await sendDueReminders({ ctx: m.ctx })).toEqual({ queued: 0 });
  });

  it("sends none for a cancelled event, a cancelled RSVP or the waitlist, and none the day before to someone who just RSVP'd", async () => {
    const day = "2027-01-21";
    const cancelled = await newEvent(eveningOf(day));
    const cancelledGuest = await rsvp(cancelled);
    await cancelEvent({ ctx: m.ctx, input: { actor: admin, eventId: cancelled } });
    const full = await newEvent({ ...eveningOf(day), capacity: "1" });
    const going = await rsvp(full);
    const waiting = await rsvp(full);
    const stillWaiting = await rsvp(full);
    await cancelRsvp({ ctx: m.ctx, input: { eventId: full, token: attendeeToken(m.ctx.mail.secretKey, full, going.personId) } });
    await cancelRsvp({ ctx: m.ctx, input: { eventId: full, token: attendeeToken(m.ctx.mail.secretKey, full, waiting.personId) } });
    // stillWaiting moved up twice over: now going. Park them back on the waitlist to check it gets nothing.
    await m.ctx.db.update(eventRsvps).set({ status: "waitlisted" }).where(and(eq(eventRsvps.eventId, full), eq(eventRsvps.personId, stillWaiting.personId)));
    const late = await newEvent(eveningOf(day));
    hoursBefore(day, 20);
    const lateComer = await rsvp(late);
    hoursBefore(day, 18);
    expect(await sendDueReminders({ ctx: m.ctx })).toEqual({ queued: 0 });
    hoursBefore(day, 0.75);
    expect(await sendDueReminders({ ctx: m.ctx })).toEqual({ queued: 1 });
    expect((await mailsTo(lateComer.email, "event-hour-before")).length).toBe(1);
    for (const person of [cancelledGuest, going, waiting, stillWaiting]) {
      expect(await m.ctx.db.select().from(eventReminders).where(eq(eventReminders.personId, person.personId))).toEqual([]);
    }
  });

  it("reminds again when the event moves to a new time", async () => {
    const day = "2027-01-28";
    const id = await newEvent(eveningOf(day));
    const person = await rsvp(id);
    hoursBefore(day, 23);
    expect(await sendDueReminders({ ctx: m.ctx })).toEqual({ queued: 1 });
    await updateEvent({ ctx: m.ctx, input: { actor: admin, eventId: id, fields: fields(eveningOf("2027-01-29")) } });
    hoursBefore("2027-01-29", 23);
    expect(await sendDueReminders({ ctx: m.ctx })).toEqual({ queued: 1 });
    expect((await mailsTo(person.email, "event-day-before")).length).toBe(2);
  });
});

describe("listing events", () => {
  it("lists in-person events near a ZIP with distances, always the online ones, and past ones in the archive", async () => {
    const near = await newEvent({ title: "Minneapolis meeting" });
    const far = await newEvent({ title: "Boston meeting", city: "Cambridge", state: "MA", zip: "02139" });
    const online = await newEvent({ title: "National call-in day", kind: "call_in_day", format: "online", state: "", livestreamUrl: "https://stream.example.org/c" }, true);
    const past = await newEvent({ title: "Last month", startsLocal: "2026-11-18T19:00", endsLocal: "2026-11-18T20:00", recordingUrl: "https://video.example.org/r" });

    const listing = await listEvents({ ctx: m.ctx, input: { near: "55402", miles: "25" } });
    expect(listing.local.map((e) => e.id)).toContain(near);
    expect(listing.local.map((e) => e.id)).not.toContain(far);
    expect(listing.local.find((e) => e.id === near)!.distanceMiles).toBeLessThan(5);
    expect(listing.online.map((e) => e.id)).toContain(online);
    expect(listing.local.map((e) => e.id)).not.toContain(past);

    const inMa = await listEvents({ ctx: m.ctx, input: { state: "ma" } });
    expect(inMa.local.map((e) => e.id)).toEqual([far]);
    expect(inMa.online.map((e) => e.id)).toContain(online);

    const archive = await listPastEvents({ ctx: m.ctx, input: {} });
    expect(archive.events[0]).toMatchObject({ id: past, recordingUrl: "https://video.example.org/r" });
  });

  it("refuses bad filters per field", async () => {
    await expect(listEvents({ ctx: m.ctx, input: { state: "XX" } })).rejects.toMatchObject({ fieldErrors: { state: "invalid_choice" } });
    await expect(listEvents({ ctx: m.ctx, input: { near: "abc" } })).rejects.toMatchObject({ fieldErrors: { near: "invalid_zip" } });
    await expect(listEvents({ ctx: m.ctx, input: { near: "00000" } })).rejects.toMatchObject({ fieldErrors: { near: "unknown_zip" } });
    await expect(listEvents({ ctx: m.ctx, input: { near: "55401", miles: "-3" } })).rejects.toMatchObject({ fieldErrors: { miles: "out_of_range" } });
  });
});
