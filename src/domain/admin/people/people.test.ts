import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSubscriber } from "../../../../tests/support/factories.js";
import { createTestDatabase, type TestDatabase } from "../../../../tests/support/test-database.js";
import { admins, auditEvents, groupMemberships, groupOrganizers, groups, mailMessages } from "../../../db/schema/index.js";
import type { Actor } from "../../accounts/actor.js";
import type { Ctx } from "../../context.js";
import { exportPeopleCsv } from "./export-people-csv.js";
import { getPerson } from "./get-person.js";
import { searchPeople } from "./search-people.js";

let db: TestDatabase;
let ctx: Ctx;
let clock = new Date("2030-01-01T00:00:00Z");
const tick = () => (clock = new Date(clock.getTime() + 60_000));
let admin: Actor;
const organizer = (): Actor => ({ ...admin, isAdmin: false, organizerOf: new Set([1]) });

beforeAll(async () => {
  db = await createTestDatabase("loaded");
  ctx = { ...db.ctx, now: () => clock };
  const staff = await buildSubscriber(ctx, { name: "Staff Person", lists: {} });
  await ctx.db.insert(admins).values({ personId: staff.id, grantedAt: clock });
  admin = { personId: staff.id, name: staff.name, email: staff.email, locale: "en", isAdmin: true, organizerOf: new Set() };
});
afterAll(async () => {
  await db.close();
});

describe("searchPeople", () => {
  it("finds people by part of a name or e-mail, ZIP and state", async () => {
    tick();
    const fannie = await buildSubscriber(ctx, { name: "Fannie Lou Hamer", email: "fannie.hamer@example.org", zip: "38751", state: "MS" });
    tick();
    const bayard = await buildSubscriber(ctx, { name: "Bayard Rustin", email: "b.rustin@example.net", zip: "10027", state: "NY", confirmed: false, lists: { national: "pending" } });
    const find = async (input: { q?: string; zip?: string; state?: string }) =>
      (await searchPeople({ ctx, input: { actor: admin, ...input } })).people.map((p) => p.id);

    expect(await find({ q: "lou ham" })).toEqual([fannie.id]);
    expect(await find({ q: "RUSTIN@EXAMPLE" })).toEqual([bayard.id]);
    expect(await find({ zip: "38751" })).toEqual([fannie.id]);
    expect(await find({ state: "ny" })).toEqual([bayard.id]);
    expect(await find({ q: "example", state: "MS" })).toEqual([fannie.id]);
    expect(await find({ q: "%" })).toEqual([]);
    expect(await find({ q: "_" })).toEqual([]);

    const [row] = (await searchPeople({ ctx, input: { actor: admin, q: "Bayard" } })).people;
    expect(row).toEqual({
      id: bayard.id,
      name: "Bayard Rustin",
      email: "b.rustin@example.net",
      zip: "10027",
      state: "NY",
      confirmed: false,
      createdAt: bayard.createdAt,
      groups: 0,
      lists: 0,
    });
  });

  it("counts the groups each person joined and the lists they are on", async () => {
    const person = await buildSubscriber(ctx, { name: "Ella Counted", lists: { national: "active", state: "active", "group:1": "unsubscribed" } });
    const active = await ctx.db.select({ id: groups.id }).from(groups).where(eq(groups.status, "active")).limit(3);
    await ctx.db.insert(groupMemberships).values([
      { groupId: active[0]!.id, personId: person.id, status: "active", createdAt: clock, confirmedAt: clock },
      { groupId: active[1]!.id, personId: person.id, status: "active", createdAt: clock, confirmedAt: clock },
      { groupId: active[2]!.id, personId: person.id, status: "left", createdAt: clock, confirmedAt: clock },
    ]);
    const [row] = (await searchPeople({ ctx, input: { actor: admin, q: "Ella Counted" } })).people;
    expect(row).toMatchObject({ groups: 2, lists: 2, confirmed: true });
  });

  it("pages 50 at a time, newest first", async () => {
    for (let i = 1; i <= 55; i++) {
      tick();
      await buildSubscriber(ctx, { name: `Pager ${String(i).padStart(2, "0")}`, state: "WY", zip: "82001" });
    }
    const first = await searchPeople({ ctx, input: { actor: admin, q: "Pager" } });
    expect(first).toMatchObject({ total: 55, page: 1, pageCount: 2, pageSize: 50 });
    expect(first.people).toHaveLength(50);
    expect(first.people[0]!.name).toBe("Pager 55");
    const second = await searchPeople({ ctx, input: { actor: admin, q: "Pager", page: "2" } });
    expect(second.people.map((p) => p.name)).toEqual(["Pager 05", "Pager 04", "Pager 03", "Pager 02", "Pager 01"]);
    const beyond = await searchPeople({ ctx, input: { actor: admin, q: "Pager", page: 3 } });
    expect(beyond.people).toEqual([]);
  });

  it("refuses unusable fields with a reason for each", async () => {
    await expect(searchPeople({ ctx, input: { actor: admin, zip: "5540", state: "Minnesota" } })).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { zip: "invalid_zip", state: "invalid_choice" },
    });
    await expect(searchPeople({ ctx, input: { actor: admin, q: "x".repeat(201) } })).rejects.toMatchObject({ fieldErrors: { q: "too_long" } });
    await expect(searchPeople({ ctx, input: { actor: admin, page: "abc" } })).rejects.toMatchObject({ code: "invalid" });
    await expect(searchPeople({ ctx, input: { actor: admin, page: 0 } })).rejects.toMatchObject({ code: "invalid" });
  });

  it("is for national staff only", async () => {
    await expect(searchPeople({ ctx, input: { actor: organizer() } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(searchPeople({ ctx, input: { actor: undefined } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(getPerson({ ctx, input: { actor: organizer(), id: admin.personId } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(exportPeopleCsv({ ctx, input: { actor: organizer() } })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("getPerson", () => {
  it("shows everything we hold about someone", async () => {
    const person = await buildSubscriber(ctx, { name: "Dolores Huerta", zip: "93215", state: "CA", lists: { national: "active", state: "unsubscribed" } });
    const [group] = await ctx.db.select({ id: groups.id, name: groups.name, state: groups.state, slug: groups.slug }).from(groups).where(eq(groups.status, "active")).limit(1);
    await ctx.db.insert(groupMemberships).values({ groupId: group!.id, personId: person.id, status: "active", createdAt: clock, confirmedAt: clock });
    await ctx.db.insert(groupOrganizers).values({ groupId: group!.id, personId: person.id, isFounder: true, createdAt: clock });
    for (let i = 0; i < 22; i++) {
      tick();
      await ctx.db.insert(mailMessages).values({
        idempotencyKey: `test-${person.id}-${i}`,
        personId: person.id,
        toAddress: person.email,
        template: "welcome",
        subject: `Message ${i}`,
        status: i === 21 ? "queued" : "sent",
        createdAt: clock,
        sentAt: i === 21 ? null : clock,
      });
    }
    const record = await getPerson({ ctx, input: { actor: admin, id: String(person.id) } });
    expect(record).toMatchObject({ id: person.id, name: "Dolores Huerta", email: person.email, zip: "93215", state: "CA", adminSince: null, hasPassword: false, activeSessions: 0 });
    expect(record.subscriptions.map((s) => [s.list, s.status])).toEqual(expect.arrayContaining([["national", "active"], ["state", "unsubscribed"]]));
    expect(record.memberships).toEqual([expect.objectContaining({ groupId: group!.id, name: group!.name, status: "active", path: `/groups/${group!.state.toLowerCase()}/${group!.slug}` })]);
    expect(record.organizes).toEqual([expect.objectContaining({ groupId: group!.id, isFounder: true })]);
    expect(record.mailTotal).toBe(22);
    expect(record.mail).toHaveLength(20);
    expect(record.mail[0]).toEqual({ subject: "Message 21", template: "welcome", status: "queued", createdAt: clock, sentAt: null });

    const staff = await getPerson({ ctx, input: { actor: admin, id: admin.personId } });
    expect(staff.adminSince).not.toBeNull();
  });

  it("answers not found for unknown or malformed ids", async () => {
    for (const id of [999999, "abc", "0", "-3", "1e99", "99999999999"]) {
      await expect(getPerson({ ctx, input: { actor: admin, id } })).rejects.toMatchObject({ code: "not_found" });
    }
  });
});

describe("exportPeopleCsv", () => {
  it("writes every match, formula-safe, and records the export", async () => {
    await buildSubscriber(ctx, { name: '=HYPERLINK("https://evil.example","click")', state: "VT", zip: "05401" });
    await buildSubscriber(ctx, { name: "+1 Plus, \"Quoted\"", state: "VT", zip: "05401" });
    await buildSubscriber(ctx, { name: "@handle", state: "VT", zip: "05401", confirmed: false });
    const result = await exportPeopleCsv({ ctx, input: { actor: admin, state: "vt" } });
    expect(result.rowCount).toBe(3);
    expect(result.filename).toMatch(/^people-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = result.csv.split("\r\n");
    expect(lines[0]).toBe("id,name,email,zip,state,email_confirmed,created_at,groups_joined,lists_subscribed");
    expect(lines).toHaveLength(5); // header, three people, and the empty string after the last CRLF
    expect(result.csv).toContain(`"'=HYPERLINK(""https://evil.example"",""click"")"`);
    expect(result.csv).toContain(`"'+1 Plus, ""Quoted"""`);
    expect(result.csv).toContain(`'@handle`);
    expect(result.csv).toContain(`05401,VT,no`);
    expect(result.csv.split("\r\n").slice(1, -1).every((line) => !/(^|,)"?[=+@]/.test(line))).toBe(true);

    const [event] = await ctx.db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
    expect(event).toMatchObject({ actorId: admin.personId, action: "people.export", detail: { filter: { state: "VT" }, rows: 3 } });
  });

  it("records nothing when the filter is unusable", async () => {
    const before = await ctx.db.select({ id: auditEvents.id }).from(auditEvents);
    await expect(exportPeopleCsv({ ctx, input: { actor: admin, zip: "abc" } })).rejects.toMatchObject({ code: "invalid" });
    expect(await ctx.db.select({ id: auditEvents.id }).from(auditEvents)).toHaveLength(before.length);
  });
});
