import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAs } from "../../../../tests/support/sign-in.js";
import { createTestDatabase, type TestDatabase } from "../../../../tests/support/test-database.js";
import { loadActor, type Actor } from "../../accounts/actor.js";
import { recordAuditEvent } from "../../audit/record-audit-event.js";
import type { Ctx } from "../../context.js";
import { listAuditEvents } from "./list-audit-events.js";

let testDb: TestDatabase;
let ctx: Ctx;
let admin: Actor;
let other: Actor;
beforeAll(async () => {
  testDb = await createTestDatabase("empty");
  ctx = testDb.ctx;
  admin = (await loadActor(ctx, (await signInAs(ctx, { admin: true, name: "Ella Staff" })).personId))!;
  other = (await loadActor(ctx, (await signInAs(ctx, { admin: true, name: "Bayard Staff" })).personId))!;
  const record = (actorId: number | null, action: string, subject?: string) => recordAuditEvent({ ctx, input: { actorId, action, subject, detail: { n: 1 } } });
  for (let i = 0; i < 5; i++) await record(admin.personId, "campaign.update", "campaign:medicare-for-all");
  await record(other.personId, "campaign.activate", "campaign:hearings");
  await record(other.personId, "members.export", "group:3");
  await record(null, "cosponsors.import", "bill:119-hr3069");
  await record(admin.personId, "campaign_x.odd");
});
afterAll(() => testDb.close());

describe("listAuditEvents", () => {
  it("shows who did what, newest first, a page at a time", async () => {
    const first = await listAuditEvents({ ctx, input: { actor: admin, limit: 4 } });
    expect(first.events.map((e) => e.action)).toEqual(["campaign_x.odd", "cosponsors.import", "members.export", "campaign.activate"]);
    expect(first.events[1]).toMatchObject({ actor: null, subject: "bill:119-hr3069", detail: { n: 1 } });
    expect(first.events[2]).toMatchObject({ actor: { name: "Bayard Staff", email: other.email }, subject: "group:3" });
    expect(first.events[0]!.at).toBeInstanceOf(Date);
    const second = await listAuditEvents({ ctx, input: { actor: admin, limit: 4, before: String(first.olderThan) } });
    expect(second.events).toHaveLength(4);
    const third = await listAuditEvents({ ctx, input: { actor: admin, limit: 4, before: second.olderThan! } });
    expect(third.events).toHaveLength(1);
    expect(third.olderThan).toBeNull();
  });

  it("filters by action prefix (literally: _ and % are not wildcards) and by the actor's e-mail", async () => {
    const campaign = await listAuditEvents({ ctx, input: { actor: admin, action: "campaign." } });
    expect(campaign.events.map((e) => e.action)).toEqual(["campaign.activate", ...Array(5).fill("campaign.update")]);
    expect((await listAuditEvents({ ctx, input: { actor: admin, action: "campaign_" } })).events.map((e) => e.action)).toEqual(["campaign_x.odd"]);
    expect((await listAuditEvents({ ctx, input: { actor: admin, action: "%" } })).events).toEqual([]);
    const byOther = await listAuditEvents({ ctx, input: { actor: admin, actorEmail: ` ${other.email.toUpperCase()} ` } });
    expect(byOther.events.map((e) => e.action)).toEqual(["members.export", "campaign.activate"]);
  });

  it("refuses bad page markers and non-admins", async () => {
    await expect(listAuditEvents({ ctx, input: { actor: admin, before: "abc" } })).rejects.toMatchObject({ code: "invalid" });
    await expect(listAuditEvents({ ctx, input: { actor: { ...admin, isAdmin: false, organizerOf: new Set([1]) } } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listAuditEvents({ ctx, input: { actor: undefined } })).rejects.toMatchObject({ code: "forbidden" });
  });
});
