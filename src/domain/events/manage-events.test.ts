import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEventFields, buildSubscriber, uniqueEmail } from "../../../tests/support/factories.js";
import { createMailTestContext, type MailTestContext } from "../../../tests/support/mail-context.js";
import { admins, auditEvents, eventRsvps, events, groupOrganizers, groups, mailMessages } from "../../db/schema/index.js";
import { parseICalendar } from "../../lib/ical.js";
import { loadActor, type Actor } from "../accounts/actor.js";
import { DomainError } from "../errors.js";
import { cancelEvent } from "./cancel-event.js";
import { createEvent } from "./create-event.js";
import type { EventFields } from "./event-fields.js";
import { getEventForEditing } from "./get-event-for-editing.js";
import { setFeaturedEvent } from "./set-featured-event.js";
import { updateEvent } from "./update-event.js";

let m: MailTestContext;
let group: typeof groups.$inferSelect;
let otherGroup: typeof groups.$inferSelect;
let organizer: Actor;
let admin: Actor;

async function makeActor(roles: { admin?: boolean; organizerOf?: number[] }): Promise<Actor> {
  const person = await buildSubscriber(m.ctx, { email: uniqueEmail("actor"), lists: {} });
  if (roles.admin) await m.ctx.db.insert(admins).values({ personId: person.id, grantedAt: m.ctx.now() });
  for (const groupId of roles.organizerOf ?? []) await m.ctx.db.insert(groupOrganizers).values({ groupId, personId: person.id, createdAt: m.ctx.now() });
  return (await loadActor(m.ctx, person.id))!;
}

const meetingFields = buildEventFields;

async function fieldErrorsOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe("invalid");
  return (error as DomainError).fieldErrors;
}

async function rsvp(eventId: number, status: "going" | "waitlisted" = "going") {
  const person = await buildSubscriber(m.ctx, { email: uniqueEmail("attendee"), lists: {} });
  await m.ctx.db.insert(eventRsvps).values({ eventId, personId: person.id, status, createdAt: m.ctx.now(), updatedAt: m.ctx.now() });
  return person;
}

beforeAll(async () => {
  m = await createMailTestContext("loaded");
  m.setNow(new Date("2026-11-20T12:00:00Z"));
  const rows = await m.ctx.db.select().from(groups).where(eq(groups.status, "active")).orderBy(asc(groups.id)).limit(2);
  [group, otherGroup] = [rows[0]!, rows[1]!];
  organizer = await makeActor({ organizerOf: [group.id] });
  admin = await makeActor({ admin: true });
});
afterAll(async () => {
  await m.close();
});

describe("creating an event", () => {
  it("stores a group's meeting at the right instant, placed at its ZIP, and audits it", async () => {
    const { id, path } = await createEvent({ ctx: m.ctx, input: { actor: organizer, groupId: group.id, fields: meetingFields() } });
    expect(path).toBe(`/events/${id}-monthly-meeting`);
    const [row] = await m.ctx.db.select().from(events).where(eq(events.id, id));
    expect(row!.startsAt).toEqual(new Date("2026-12-04T01:00:00Z"));
    expect(row!.groupId).toBe(group.id);
    expect(row!.latitude).toBeCloseTo(44.98, 1);
    const audit = await m.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, "event.create"), eq(auditEvents.subject, `event:${id}`)));
    expect(audit).toHaveLength(1);
  });

  it("lets only a group's organizers and staff create its events, and only staff national ones", async () => {
    const outsider = await makeActor({ organizerOf: [otherGroup.id] });
    for (const [actor, groupId] of [
      [undefined, group.id],
      [outsider, group.id],
      [organizer, null],
    ] as const) {
      await expect(createEvent({ ctx: m.ctx, input: { actor, groupId, fields: meetingFields() } })).rejects.toMatchObject({ code: "forbidden" });
    }
    const national = await createEvent({
      ctx: m.ctx,
      input: { actor: admin, groupId: null, fields: meetingFields({ kind: "conference", format: "online", state: "", livestreamUrl: "https://stream.example.org/live" }) },
    });
    const [row] = await m.ctx.db.select().from(events).where(eq(events.id, national.id));
    expect(row).toMatchObject({ groupId: null, kind: "conference", format: "online", city: null, latitude: null });
  });

  it("keeps national kinds for national events", async () => {
    expect(await fieldErrorsOf(createEvent({ ctx: m.ctx, input: { actor: admin, groupId: group.id, fields: meetingFields({ kind: "conference" }) } }))).toEqual({
      kind: "invalid_choice",
    });
  });

  it("refuses a time the clocks skip, an end before the start, and a week-long typo", async () => {
    expect(
      await fieldErrorsOf(
        createEvent({
          ctx: m.ctx,
          input: { actor: organizer, groupId: group.id, fields: meetingFields({ timeZone: "America/New_York", startsLocal: "2026-03-08T02:30", endsLocal: "2026-03-08T04:00" }) },
        }),
      ),
    ).toEqual({ startsLocal: "nonexistent_time" });
    expect(
      await fieldErrorsOf(createEvent({ ctx: m.ctx, input: { actor: organizer, groupId: group.id, fields: meetingFields({ endsLocal: "2026-12-03T18:00" }) } })),
    ).toEqual({ endsLocal: "ends_before_start" });
    expect(
      await fieldErrorsOf(createEvent({ ctx: m.ctx, input: { actor: organizer, groupId: group.id, fields: meetingFields({ endsLocal: "2026-12-13T18:00" }) } })),
    ).toEqual({ endsLocal: "out_of_range" });
  });

  it("reports every bad field at once", async () => {
    const errors = await fieldErrorsOf(
      createEvent({
        ctx: m.ctx,
        input: {
          actor: organizer,
          groupId: group.id,
          fields: meetingFields({
            title: " ",
            format: "carrier pigeon",
            timeZone: "Europe/Paris",
            capacity: "0",
            recordingUrl: "javascript:alert(1)",
            notesUrl: "http://insecure.example.org",
          }),
        },
      }),
    );
    expect(errors).toEqual({
      title: "required",
      format: "invalid_choice",
      timeZone: "invalid_choice",
      capacity: "out_of_range",
      recordingUrl: "invalid_url",
      notesUrl: "invalid_url",
    });
    expect(
      await fieldErrorsOf(createEvent({ ctx: m.ctx, input: { actor: organizer, groupId: group.id, fields: meetingFields({ city: "", state: "ZZ", zip: "00000" }) } })),
    ).toEqual({ city: "required", state: "invalid_choice", zip: "unknown_zip" });
    expect(
      await fieldErrorsOf(createEvent({ ctx: m.ctx, input: { actor: organizer, groupId: group.id, fields: meetingFields({ format: "online", livestreamUrl: "" }) } })),
    ).toEqual({ livestreamUrl: "required" });
  });
});

describe("editing an event", () => {
  it("gives the form back its local times, and saves unchanged fields without telling anyone", async () => {
    const { id } = await createEvent({ ctx: m.ctx, input: { actor: organizer, groupId: group.id, fields: meetingFields({ capacity: "30" }) } });
    await rsvp(id);
    const editing = await getEventForEditing({ ctx: m.ctx, input: { actor: organizer, eventId: id } });
    expect(editing.fields).toEqual(meetingFields({ capacity: "30" }));
    expect(editing.rsvps).toEqual({ going: 1, waitlisted: 0 });
    const result = await updateEvent({ ctx: m.ctx, input: { actor: organizer, eventId: id, fields: { ...editing.fields, description: "New words" } } });
    expect(result).toMatchObject({ changes: [], notified: 0 });
    await expect(getEventForEditing({ ctx: m.ctx, input: { actor: await makeActor({ organizerOf: [otherGroup.id] }), eventId: id } })).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("tells everyone going or waitlisted when the time changes, with an updated calendar entry", async () => {
    const { id } = await createEvent({ ctx: m.ctx, input: { actor: organizer, groupId: group.id, fields: meetingFields() } });
    const going = await rsvp(id);
    const waiting = await rsvp(id, "waitlisted");
    const gone = await rsvp(id);
    await m.ctx.db.update(eventRsvps).set({ status: "cancelled" }).where(eq(eventRsvps.personId, gone.id));

    const result = await updateEvent({ ctx: m.ctx, input: { actor: organizer, eventId: id, fields: meetingFields({ startsLocal: "2026-12-03T18:30" }) } });
    expect(result).toMatchObject({ changes: ["time"], notified: 2 });
    // Saving the same form again tells no one again.
    expect(await updateEvent({ ctx: m.ctx, input: { actor: organizer, eventId: id, fields: meetingFields({ startsLocal: "2026-12-03T18:30" }) } })).toMatchObject({
      notified: 0,
    });

    const notices = await m.ctx.db.select().from(mailMessages).where(eq(mailMessages.template, "event-changed"));
    const to = notices.map((n) => n.toAddress);
    expect(to).toContain(going.email);
    expect(to).toContain(waiting.email);
    expect(to).not.toContain(gone.email);
    const notice = notices.find((n) => n.toAddress === going.email)!;
    expect(notice.subject).toBe("Changed: Monthly meeting");
    expect(notice.textBody).toContain("The time changed.");
    expect(notice.textBody).toContain("6:30");
    const [attachment] = (notice.attachments ?? []);
    const vevent = parseICalendar(attachment!.content).components[0]!;
    expect(vevent.get("SEQUENCE")).toBe("1");
    expect(vevent.get("DTSTART")).toBe("20261204T003000Z");
    expect(vevent.get("UID")).toBe(`event-${id}@everybody.test`);

    await m.deliver();
    const sent = m.transport.sent.find((mail) => mail.to.address === going.email && mail.subject.startsWith("Changed"));
    expect(sent?.attachments?.[0]?.filename).toBe(`event-${id}.ics`);
    expect(sent?.headers).not.toHaveProperty(":attachment:0");
  });

  it("tells attendees about a new place and a new link, but not about a past event", async () => {
    const { id } = await createEvent({
      ctx: m.ctx,
      input: { actor: organizer, groupId: group.id, fields: meetingFields({ format: "hybrid", livestreamUrl: "https://meet.example.org/a" }) },
    });
    await rsvp(id);
    const result = await updateEvent({
      ctx: m.ctx,
      input: { actor: organizer, eventId: id, fields: meetingFields({ format: "hybrid", address: "1 Other St", livestreamUrl: "https://meet.example.org/b" }) },
    });
    expect(result).toMatchObject({ changes: ["place", "online_link"], notified: 1 });

    const past = await createEvent({
      ctx: m.ctx,
      input: { actor: organizer, groupId: group.id, fields: meetingFields({ startsLocal: "2026-11-01T10:00", endsLocal: "2026-11-01T11:00" }) },
    });
    await rsvp(past.id);
    const afterwards = await updateEvent({
      ctx: m.ctx,
      input: {
        actor: organizer,
        eventId: past.id,
        fields: meetingFields({ startsLocal: "2026-11-01T10:30", endsLocal: "2026-11-01T11:00", recordingUrl: "https://video.example.org/rec" }),
      },
    });
    expect(afterwards.notified).toBe(0);
  });

  it("moves people up from the waitlist when places are added", async () => {
    const { id } = await createEvent({ ctx: m.ctx, input: { actor: organizer, groupId: group.id, fields: meetingFields({ capacity: "1" }) } });
    await rsvp(id);
    const waiting = await rsvp(id, "waitlisted");
    await updateEvent({ ctx: m.ctx, input: { actor: organizer, eventId: id, fields: meetingFields({ capacity: "2" }) } });
    const [row] = await m.ctx.db.select().from(eventRsvps).where(and(eq(eventRsvps.eventId, id), eq(eventRsvps.personId, waiting.id)));
    expect(row!.status).toBe("going");
    const [mail] = await m.ctx.db.select().from(mailMessages).where(and(eq(mailMessages.template, "event-promoted"), eq(mailMessages.toAddress, waiting.email)));
    expect(mail?.subject).toBe("A place opened up: you are going to Monthly meeting");
  });
});

describe("cancelling an event", () => {
  it("tells attendees once, with a cancelled calendar entry, and unfeatures it", async () => {
    const { id } = await createEvent({
      ctx: m.ctx,
      input: { actor: admin, groupId: null, fields: meetingFields({ kind: "training", format: "online", state: "", livestreamUrl: "https://stream.example.org/t" }) },
    });
    await setFeaturedEvent({ ctx: m.ctx, input: { actor: admin, eventId: id } });
    const person = await rsvp(id);
    await expect(cancelEvent({ ctx: m.ctx, input: { actor: organizer, eventId: id } })).rejects.toMatchObject({ code: "forbidden" });
    expect(await cancelEvent({ ctx: m.ctx, input: { actor: admin, eventId: id, reason: "The speaker is ill." } })).toEqual({ notified: 1 });
    expect(await cancelEvent({ ctx: m.ctx, input: { actor: admin, eventId: id } })).toEqual({ notified: 0 });
    const [row] = await m.ctx.db.select().from(events).where(eq(events.id, id));
    expect(row).toMatchObject({ status: "cancelled", featured: false, sequence: 1 });
    const [mail] = await m.ctx.db.select().from(mailMessages).where(and(eq(mailMessages.template, "event-cancelled"), eq(mailMessages.toAddress, person.email)));
    expect(mail!.textBody).toContain("The organizers wrote: The speaker is ill.");
    expect(mail!.textBody).not.toContain("cancel-rsvp");
    const vevent = parseICalendar(mail!.attachments![0]!.content).components[0]!;
    expect(vevent.get("STATUS")).toBe("CANCELLED");
    expect(vevent.get("SEQUENCE")).toBe("1");
    await expect(setFeaturedEvent({ ctx: m.ctx, input: { actor: admin, eventId: id } })).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("featuring an event", () => {
  it("keeps at most one featured, for staff only", async () => {
    const a = await createEvent({ ctx: m.ctx, input: { actor: admin, groupId: null, fields: meetingFields({ kind: "conference", title: "Strategy conference" }) } });
    const b = await createEvent({ ctx: m.ctx, input: { actor: admin, groupId: null, fields: meetingFields({ kind: "call_in_day", title: "Call-in day" }) } });
    await expect(setFeaturedEvent({ ctx: m.ctx, input: { actor: organizer, eventId: a.id } })).rejects.toMatchObject({ code: "forbidden" });
    await setFeaturedEvent({ ctx: m.ctx, input: { actor: admin, eventId: a.id } });
    await setFeaturedEvent({ ctx: m.ctx, input: { actor: admin, eventId: b.id } });
    const featured = await m.ctx.db.select({ id: events.id }).from(events).where(eq(events.featured, true));
    expect(featured).toEqual([{ id: b.id }]);
    await setFeaturedEvent({ ctx: m.ctx, input: { actor: admin, eventId: null } });
    expect(await m.ctx.db.select({ id: events.id }).from(events).where(eq(events.featured, true))).toEqual([]);
  });
});
