import { asc, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { signInAs, type SignedIn } from "../../../tests/support/sign-in.js";
import { createTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { auditEvents, events, groups } from "../../db/schema/index.js";
import { instantToLocal } from "../../domain/events/time-zones.js";

let t: TestApp;
let group: typeof groups.$inferSelect;
let admin: SignedIn;
let organizer: SignedIn;
const realNow = () => new Date();

const DAY = 24 * 3600_000;
const HOUR = 3600_000;
const ZONE = "America/New_York";
const localIn = (days: number, hour: number) => `${instantToLocal(new Date(Date.now() + days * DAY), ZONE).slice(0, 10)}T${String(hour).padStart(2, "0")}:00`;

beforeAll(async () => {
  t = await createTestApp({ template: "loaded" });
  group = (await t.ctx.db.select().from(groups).where(eq(groups.status, "active")).orderBy(asc(groups.id)).limit(1))[0]!;
  admin = await signInAs(t.ctx, { admin: true });
  organizer = await signInAs(t.ctx, { organizerOf: [group.id] });
});
afterEach(() => {
  t.ctx.now = realNow;
});
afterAll(async () => {
  await t.close();
});

const get = (path: string, who?: SignedIn) => t.get(path, who);
const post = (path: string, who: SignedIn | undefined, fields: Record<string, string> = {}) => t.postForm(path, fields, who);
const homeHtml = async () => (await t.app.request("/")).text();

const nationalFields = (overrides: Record<string, string> = {}) => ({
  title: "National strategy conference",
  kind: "conference",
  description: "Two days of planning.",
  startsLocal: localIn(30, 10),
  endsLocal: localIn(30, 17),
  timeZone: ZONE,
  format: "online",
  venueName: "",
  address: "",
  city: "",
  state: "",
  zip: "",
  livestreamUrl: "https://stream.example.org/strategy",
  recordingUrl: "",
  notesUrl: "",
  slidesUrl: "",
  capacity: "",
  ...overrides,
});

async function insertEvent(values: Partial<typeof events.$inferInsert> & { groupId: number | null; title: string }) {
  const now = new Date();
  const [row] = await t.ctx.db
    .insert(events)
    .values({
      slug: "an-event",
      kind: values.groupId === null ? "conference" : "meeting",
      startsAt: new Date(now.getTime() + 10 * DAY),
      endsAt: new Date(now.getTime() + 10 * DAY + 2 * HOUR),
      timeZone: ZONE,
      format: "online",
      livestreamUrl: "https://stream.example.org/live",
      createdAt: now,
      updatedAt: now,
      ...values,
    })
    .returning();
  return row!;
}
const featuredSection = (html: string) => {
  const start = html.indexOf('<section class="featured-event"');
  return start < 0 ? "" : html.slice(start, html.indexOf("</section>", start));
};

describe("who may open /admin/events", () => {
  it("sends signed-out visitors to sign in and refuses organizers (403)", async () => {
    const event = await insertEvent({ groupId: null, title: "Staff only" });
    for (const path of ["/admin/events", "/admin/events/new", `/admin/events/${event.id}/edit`, `/admin/events/${event.id}/cancel`]) {
      const res = await get(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get("location")).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
      expect((await get(path, organizer)).status, path).toBe(403);
    }
    for (const path of ["/admin/events/new", `/admin/events/${event.id}/feature`, "/admin/events/unfeature", `/admin/events/${event.id}/cancel`]) {
      expect((await post(path, organizer, nationalFields())).status, path).toBe(403);
    }
    const [row] = await t.ctx.db.select().from(events).where(eq(events.id, event.id));
    expect(row).toMatchObject({ featured: false, status: "scheduled" });
  });
});

describe("staff and events", () => {
  it("lists national and group events, with a filter, and the Events section in the admin navigation", async () => {
    await insertEvent({ groupId: null, title: "Call-in day for HR 3421", kind: "call_in_day" });
    await insertEvent({ groupId: group.id, title: "A group's potluck" });
    const html = await (await get("/admin/events", admin)).text();
    expect(html).toContain('href="/admin/events" aria-current="page">Events</a>');
    expect(html).toContain("Call-in day for HR 3421");
    expect(html).toContain("A group&#39;s potluck");
    expect(html).toContain(group.name);
    expect(html).toContain('href="/admin/events/new"');
    const national = await (await get("/admin/events?scope=national", admin)).text();
    expect(national).toContain("Call-in day for HR 3421");
    expect(national).not.toContain("A group&#39;s potluck");
    const groupsOnly = await (await get("/admin/events?scope=groups", admin)).text();
    expect(groupsOnly).not.toContain("Call-in day for HR 3421");
    expect(groupsOnly).toContain("A group&#39;s potluck");
    // A filter someone typed wrong shows everything rather than failing.
    expect((await get("/admin/events?scope=nonsense", admin)).status).toBe(200);
  });

  it("offers the national kinds and creates a national online event", async () => {
    const form = await (await get("/admin/events/new", admin)).text();
    for (const kind of ["conference", "call_in_day", "training"]) expect(form).toContain(`id="field-kind-${kind}"`);
    expect(form).not.toContain('value="meeting"');
    const res = await post("/admin/events/new", admin, nationalFields({ title: "Organizer training", kind: "training" }));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/admin/events?done=created");
    const [row] = await t.ctx.db.select().from(events).where(eq(events.title, "Organizer training"));
    expect(row).toMatchObject({ groupId: null, kind: "training", format: "online", livestreamUrl: "https://stream.example.org/strategy" });
    expect(instantToLocal(row!.startsAt, ZONE)).toBe(localIn(30, 10));
  });

  it("re-renders a bad national event with 400, the values kept and errors per field", async () => {
    const res = await post("/admin/events/new", admin, nationalFields({ title: "Bad one", kind: "meeting", livestreamUrl: "", timeZone: "Europe/Paris", description: "Kept <here>" }));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('href="#field-livestreamUrl"');
    expect(html).toContain('href="#field-timeZone"');
    expect(html).toContain('value="Bad one"');
    expect(html).toContain("Kept &lt;here&gt;");
    expect(await t.ctx.db.select().from(events).where(eq(events.title, "Bad one"))).toEqual([]);
  });

  it("edits and cancels any event (a group's event keeps the meeting kind)", async () => {
    const groupEvent = await insertEvent({ groupId: group.id, title: "Group meeting staff fix" });
    const edit = await (await get(`/admin/events/${groupEvent.id}/edit`, admin)).text();
    expect(edit).toContain('<input type="hidden" name="kind" value="meeting"');
    expect(edit).toContain("Nobody has RSVP&#39;d yet.");
    const saved = await post(`/admin/events/${groupEvent.id}/edit`, admin, nationalFields({ title: "Group meeting (fixed)", kind: "meeting" }));
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe("/admin/events?done=saved&notified=0");
    expect((await t.ctx.db.select().from(events).where(eq(events.id, groupEvent.id)))[0]!.title).toBe("Group meeting (fixed)");
    const cancelled = await post(`/admin/events/${groupEvent.id}/cancel`, admin, { reason: "" });
    expect(cancelled.headers.get("location")).toBe("/admin/events?done=cancelled&notified=0");
    expect((await t.ctx.db.select().from(events).where(eq(events.id, groupEvent.id)))[0]!.status).toBe("cancelled");
  });
});

describe("the featured event on the home page", () => {
  it("features a national event, shows it with an RSVP link, replaces it and stops featuring", async () => {
    const first = await insertEvent({ groupId: null, title: "Strategy conference", slug: "strategy-conference" });
    const second = await insertEvent({ groupId: null, title: "Spring training", slug: "spring-training", kind: "training" });
    expect(featuredSection(await homeHtml())).toBe("");

    const res = await post(`/admin/events/${first.id}/feature`, admin);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/admin/events?done=featured");
    expect(await (await get("/admin/events?done=featured", admin)).text()).toContain("“Strategy conference” is on the home page now.");
    let card = featuredSection(await homeHtml());
    expect(card).toContain("Strategy conference");
    expect(card).toContain(`href="/events/${first.id}-strategy-conference"`);
    expect(card).toContain(">RSVP</a>");
    expect(card).not.toContain("stream.example.org");
    // The time in the event's own zone, with the zone named.
    expect(card).toMatch(/E[SD]T/);

    await post(`/admin/events/${second.id}/feature`, admin);
    card = featuredSection(await homeHtml());
    expect(card).toContain("Spring training");
    expect(card).not.toContain("Strategy conference");

    // An edit shows on the (cached) home page at once.
    await post(`/admin/events/${second.id}/edit`, admin, nationalFields({ title: "Spring training, renamed", kind: "training", startsLocal: instantToLocal(second.startsAt, ZONE), endsLocal: instantToLocal(second.endsAt, ZONE) }));
    expect(featuredSection(await homeHtml())).toContain("Spring training, renamed");

    const stop = await post("/admin/events/unfeature", admin);
    expect(stop.headers.get("location")).toBe("/admin/events?done=unfeatured");
    expect(featuredSection(await homeHtml())).toBe("");
    expect((await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, "event.feature"))).length).toBeGreaterThanOrEqual(3);
  });

  it("says 'Watch the conference live' while it is on, without waiting for the cache, and goes away when it ends or is cancelled", async () => {
    const event = await insertEvent({ groupId: null, title: "Live conference", slug: "live-conference", livestreamUrl: "https://stream.example.org/now" });
    await post(`/admin/events/${event.id}/feature`, admin);
    const before = featuredSection(await homeHtml());
    expect(before).toContain(">RSVP</a>");
    expect(before).not.toContain("Watch the conference live");

    t.ctx.now = () => new Date(event.startsAt.getTime() + 30 * 60_000);
    const during = featuredSection(await homeHtml());
    expect(during).toContain('href="https://stream.example.org/now"');
    expect(during).toContain("Watch the conference live");
    expect(during).toContain("Live now");

    t.ctx.now = () => new Date(event.endsAt.getTime() + 60_000);
    expect(featuredSection(await homeHtml())).toBe("");

    t.ctx.now = realNow;
    expect(featuredSection(await homeHtml())).toContain("Live conference");
    await post(`/admin/events/${event.id}/cancel`, admin, { reason: "" });
    expect(featuredSection(await homeHtml())).toBe("");
  });

  it("offers the feature button only for national events that are on or ahead", async () => {
    const national = await insertEvent({ groupId: null, title: "Featurable" });
    const groupEvent = await insertEvent({ groupId: group.id, title: "Not featurable" });
    const html = await (await get("/admin/events", admin)).text();
    expect(html).toContain(`action="/admin/events/${national.id}/feature"`);
    expect(html).not.toContain(`action="/admin/events/${groupEvent.id}/feature"`);
  });
});
