import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSubscriber, uniqueEmail } from "../../../tests/support/factories.js";
import { createMailTestContext, type MailTestContext } from "../../../tests/support/mail-context.js";
import { signInAs } from "../../../tests/support/sign-in.js";
import { auditEvents, groupMemberships, groupOrganizers, groups, subscriptions } from "../../db/schema/index.js";
import { parseCsv } from "../public-data/formats/csv.js";
import { loadActor, type Actor } from "../accounts/actor.js";
import { DomainError } from "../errors.js";
import { getGroup } from "../groups/get-group.js";
import { applyGroupsImport } from "./groups/apply-groups-import.js";
import { createGroup } from "./groups/create-group.js";
import { exportGroupsCsv } from "./groups/export-groups-csv.js";
import { getGroupForAdmin } from "./groups/get-group-for-admin.js";
import { inviteOrganizer } from "./groups/invite-organizer.js";
import { listGroupsForAdmin } from "./groups/list-groups-for-admin.js";
import { mergeGroups } from "./groups/merge-groups.js";
import { previewGroupsImport } from "./groups/preview-groups-import.js";
import { deactivateGroup, reactivateGroup } from "./groups/set-group-status.js";
import { updateGroup } from "./groups/update-group.js";

let m: MailTestContext;
let admin: Actor;
let organizer: Actor;
beforeAll(async () => {
  m = await createMailTestContext("loaded");
  admin = (await loadActor(m.ctx, (await signInAs(m.ctx, { admin: true, name: "Ella Baker" })).personId))!;
  const [someGroup] = await m.ctx.db.select({ id: groups.id }).from(groups).limit(1);
  organizer = (await loadActor(m.ctx, (await signInAs(m.ctx, { organizerOf: [someGroup!.id] })).personId))!;
});
afterAll(async () => {
  await m.close();
});

const failure = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, fields: error.fieldErrors };
    throw error;
  }
  return { code: "ok", fields: {} };
};
const newGroup = (fields: Record<string, string>) =>
  createGroup({ ctx: m.ctx, input: { actor: admin, fields: { name: "Test Group", state: "MN", kind: "local group", city: "Duluth", ...fields } } });
const audit = async (action: string) => m.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, action));

describe("groups for staff", () => {
  it("creates a group (listed at once, placed from its city) and refuses bad fields one by one", async () => {
    const { groupId } = await newGroup({ name: "Duluth Single Payer Now", websiteUrl: "https://duluth.example.org" });
    const [row] = await m.ctx.db.select().from(groups).where(eq(groups.id, groupId));
    expect(row).toMatchObject({ slug: "duluth-single-payer-now", state: "MN", status: "active", websiteUrl: "https://duluth.example.org" });
    expect(row?.latitude).not.toBeNull();
    expect((await getGroup({ ctx: m.ctx, input: { state: "MN", slug: "duluth-single-payer-now" } })).name).toBe("Duluth Single Payer Now");
    expect((await audit("group.create")).some((e) => e.subject === `group:${groupId}`)).toBe(true);

    const bad = await failure(newGroup({ name: "", state: "ZZ", kind: "club", websiteUrl: "javascript:alert(1)", contact: "not an address", latitude: "91" }));
    expect(bad).toEqual({
      code: "invalid",
      fields: { name: "required", state: "invalid_choice", kind: "invalid_choice", websiteUrl: "invalid_url", contact: "invalid_email", latitude: "out_of_range" },
    });
    // The same web address name in the same state is taken.
    expect(await failure(newGroup({ name: "Duluth Single Payer Now!" }))).toEqual({ code: "invalid", fields: { slug: "invalid_choice" } });
    expect((await failure(newGroup({ name: "Duluth Single Payer Now", state: "WI" }))).code).toBe("ok");
    expect((await failure(createGroup({ ctx: m.ctx, input: { actor: organizer, fields: {} } }))).code).toBe("forbidden");
  });

  it("updates every editable field, keeps slugs unique in a state, and audits what changed", async () => {
    const { groupId } = await newGroup({ name: "Superior Health Care for All", city: "Duluth" });
    await newGroup({ name: "Taken Name" });
    expect(await failure(updateGroup({ ctx: m.ctx, input: { actor: admin, groupId, fields: { slug: "taken-name" } } }))).toEqual({ code: "invalid", fields: { slug: "invalid_choice" } });
    const { changed } = await updateGroup({
      ctx: m.ctx,
      input: { actor: admin, groupId, fields: { name: "Superior M4A", slug: "Superior M4A", kind: "state campaign", state: "WI", city: "Superior", facebook: "https://facebook.com/superiorm4a", notes: "moved" } },
    });
    expect(changed).toEqual(expect.arrayContaining(["name", "slug", "kind", "state", "city", "facebook", "notes"]));
    const detail = await getGroupForAdmin({ ctx: m.ctx, input: { actor: admin, groupId } });
    expect(detail.fields).toMatchObject({ name: "Superior M4A", slug: "superior-m4a", state: "WI", kind: "state campaign", facebook: "https://facebook.com/superiorm4a" });
    expect(detail.path).toBe("/groups/wi/superior-m4a");
    const [event] = (await audit("group.update")).filter((e) => e.subject === `group:${groupId}`);
    expect(event?.detail).toMatchObject({ changed: expect.arrayContaining(["name"]), name: { from: "Superior Health Care for All", to: "Superior M4A" } });
    expect((await failure(getGroupForAdmin({ ctx: m.ctx, input: { actor: admin, groupId: 987654 } }))).code).toBe("not_found");
  });

  it("deactivates and reactivates, and lists every status with filters and search", async () => {
    const { groupId } = await newGroup({ name: "Hibbing Healthcare Justice", city: "Hibbing" });
    await deactivateGroup({ ctx: m.ctx, input: { actor: admin, groupId } });
    expect((await failure(getGroup({ ctx: m.ctx, input: { state: "MN", slug: "hibbing-healthcare-justice" } }))).code).toBe("not_found");
    const inactive = await listGroupsForAdmin({ ctx: m.ctx, input: { actor: admin, state: "mn", status: "inactive", q: "hibbing" } });
    expect(inactive.groups.map((g) => g.id)).toEqual([groupId]);
    await reactivateGroup({ ctx: m.ctx, input: { actor: admin, groupId } });
    expect((await getGroup({ ctx: m.ctx, input: { state: "MN", slug: "hibbing-healthcare-justice" } })).id).toBe(groupId);
    const all = await listGroupsForAdmin({ ctx: m.ctx, input: { actor: admin } });
    expect(all.groups.length).toBeGreaterThan(70);
    expect((await listGroupsForAdmin({ ctx: m.ctx, input: { actor: admin, q: "100%_" } })).groups).toEqual([]);
    expect((await audit("group.deactivate")).some((e) => e.subject === `group:${groupId}`)).toBe(true);
  });

  it("merges a duplicate: members, organizers and list subscriptions move without duplicates; the duplicate is inactive with a note", async () => {
    const { groupId: keepId } = await newGroup({ name: "Moorhead M4A", city: "Moorhead" });
    const { groupId: dupId } = await newGroup({ name: "Moorhead Medicare for All", city: "Moorhead" });
    const both = await buildSubscriber(m.ctx, { lists: { [`group:${keepId}`]: "pending", [`group:${dupId}`]: "active" } });
    const onlyDup = await buildSubscriber(m.ctx, { lists: { [`group:${dupId}`]: "active" } });
    const now = new Date();
    await m.ctx.db.insert(groupMemberships).values([
      { groupId: keepId, personId: both.id, status: "pending", createdAt: now },
      { groupId: dupId, personId: both.id, status: "active", createdAt: now, confirmedAt: now },
      { groupId: dupId, personId: onlyDup.id, status: "active", createdAt: now, confirmedAt: now },
    ]);
    await m.ctx.db.insert(groupOrganizers).values([
      { groupId: keepId, personId: both.id, createdAt: now },
      { groupId: dupId, personId: both.id, isFounder: true, createdAt: now },
      { groupId: dupId, personId: onlyDup.id, createdAt: now },
    ]);
    expect((await failure(mergeGroups({ ctx: m.ctx, input: { actor: admin, keepId, duplicateId: keepId } }))).code).toBe("invalid");
    const result = await mergeGroups({ ctx: m.ctx, input: { actor: admin, keepId, duplicateId: dupId } });
    expect(result).toEqual({ membersMoved: 1, organizersMoved: 1 });
    const members = await m.ctx.db.select().from(groupMemberships).where(eq(groupMemberships.groupId, keepId));
    expect(Object.fromEntries(members.map((r) => [r.personId, r.status]))).toEqual({ [both.id]: "active", [onlyDup.id]: "active" });
    const organizers = await m.ctx.db.select().from(groupOrganizers).where(eq(groupOrganizers.groupId, keepId));
    expect(organizers.map((o) => [o.personId, o.isFounder]).sort()).toEqual([[both.id, true], [onlyDup.id, false]].sort());
    expect(await m.ctx.db.select().from(groupMemberships).where(eq(groupMemberships.groupId, dupId))).toEqual([]);
    const subs = await m.ctx.db.select().from(subscriptions).where(eq(subscriptions.list, `group:${keepId}`));
    expect(Object.fromEntries(subs.map((s) => [s.personId, s.status]))).toEqual({ [both.id]: "active", [onlyDup.id]: "active" });
    const [dup] = await m.ctx.db.select().from(groups).where(eq(groups.id, dupId));
    expect(dup?.status).toBe("inactive");
    expect(dup?.notes).toContain(`Merged into group ${keepId} (Moorhead M4A)`);
    expect((await audit("group.merge")).some((e) => e.subject === `group:${keepId}`)).toBe(true);
  });

  it("invites an organizer to any group with a long-lived sign-in link", async () => {
    const { groupId } = await newGroup({ name: "Winona Single Payer", city: "Winona" });
    const email = uniqueEmail("invitee");
    const bad = await failure(inviteOrganizer({ ctx: m.ctx, input: { actor: admin, groupId, email: "nope", name: "" } }));
    expect(bad).toEqual({ code: "invalid", fields: { name: "required", email: "invalid_email" } });
    const { personId, alreadyOrganizer } = await inviteOrganizer({ ctx: m.ctx, input: { actor: admin, groupId, email, name: "Dolores Huerta" } });
    expect(alreadyOrganizer).toBe(false);
    const actor = await loadActor(m.ctx, personId);
    expect(actor?.organizerOf.has(groupId)).toBe(true);
    await m.deliver();
    const mail = m.transport.sent.filter((x) => x.to.address === email).at(-1)!;
    expect(mail.subject).toBe("You are now an organizer of Winona Single Payer");
    expect(mail.text).toContain("Ella Baker added you");
    expect(m.transport.linkTo(email, "/sign-in/")).toMatch(/\/sign-in\/[A-Za-z0-9_-]{20,}/);
    expect((await inviteOrganizer({ ctx: m.ctx, input: { actor: admin, groupId, email: email.toUpperCase(), name: "D" } })).alreadyOrganizer).toBe(true);
    expect((await failure(inviteOrganizer({ ctx: m.ctx, input: { actor: organizer, groupId, email, name: "x" } }))).code).toBe("forbidden");
    expect((await failure(inviteOrganizer({ ctx: m.ctx, input: { actor: admin, groupId: 987654, email, name: "x" } }))).code).toBe("not_found");
  });
});

describe("groups CSV", () => {
  it("exports every group in the import's columns, safe for spreadsheets, and audits it", async () => {
    const { groupId } = await newGroup({ name: "=HYPERLINK(\"http://evil.example\")", notes: "@SUM(1+1)", city: "+Rochester", longitude: "-92.46", latitude: "44.02" });
    const { csv, count, filename } = await exportGroupsCsv({ ctx: m.ctx, input: { actor: admin } });
    expect(filename).toMatch(/^groups-\d{4}-\d{2}-\d{2}\.csv$/);
    const records = parseCsv(csv, "export");
    expect(records[0]?.fields.slice(0, 7)).toEqual(["id", "name", "slug", "state", "city", "kind", "status"]);
    expect(records.length - 1).toBe(count);
    const line = records.find((r) => r.fields[0] === String(groupId))!.fields;
    expect(line[1]).toBe("'=HYPERLINK(\"http://evil.example\")");
    expect(line[4]).toBe("'+Rochester");
    expect(line).toContain("'@SUM(1+1)");
    expect(line).toContain("-92.46");
    const cells = records.slice(1).flatMap((r) => r.fields);
    expect(cells.filter((c) => /^[=+@]/.test(c) || (/^-/.test(c) && !/^-?\d+(\.\d+)?$/.test(c)))).toEqual([]);
    expect((await audit("groups.export")).length).toBeGreaterThan(0);
    expect((await failure(exportGroupsCsv({ ctx: m.ctx, input: { actor: organizer } }))).code).toBe("forbidden");

    // An unedited export imports back as "unchanged", formula cells included.
    const preview = await previewGroupsImport({ ctx: m.ctx, input: { actor: admin, csv } });
    expect(preview.fileErrors).toEqual([]);
    expect(preview.counts).toEqual({ create: 0, update: 0, unchanged: count, invalid: 0 });
  });

  it("previews with per-row errors by line: missing name, bad state, bad URL, duplicate slug, and refuses to apply", async () => {
    const csv = [
      "name,state,kind,city,website_url,slug",
      "Good New Group,MN,local group,Mankato,https://mankato.example.org,",
      ",MN,local group,Mankato,,",
      "Bad State Group,ZZ,local group,,,",
      "Bad Url Group,MN,local group,,ftp://example.org,",
      "Second Good,MN,local group,,,good-new-group",
      "Wrong Kind,MN,club,,,",
      '"Too, Many",MN,local group,,,,extra',
    ].join("\r\n");
    const preview = await previewGroupsImport({ ctx: m.ctx, input: { actor: admin, csv } });
    expect(preview.fileErrors).toEqual([]);
    const byLine = Object.fromEntries(preview.rows.map((r) => [r.line, { action: r.action, errors: r.errors }]));
    expect(byLine).toEqual({
      2: { action: "create", errors: [] },
      3: { action: "invalid", errors: [{ column: "name", code: "required" }] },
      4: { action: "invalid", errors: [{ column: "state", code: "invalid_choice" }] },
      5: { action: "invalid", errors: [{ column: "website_url", code: "invalid_url" }] },
      6: { action: "invalid", errors: [{ column: "slug", code: "duplicate_in_file" }] },
      7: { action: "invalid", errors: [{ column: "kind", code: "invalid_choice" }] },
      8: { action: "invalid", errors: [{ column: null, code: "field_count" }] },
    });
    expect(preview.canApply).toBe(false);
    expect((await failure(applyGroupsImport({ ctx: m.ctx, input: { actor: admin, csv } }))).code).toBe("invalid");
    expect(await m.ctx.db.select().from(groups).where(eq(groups.name, "Good New Group"))).toEqual([]);
  });

  it("refuses files with unknown or missing columns, broken quoting, or nothing in them", async () => {
    const unknown = await previewGroupsImport({ ctx: m.ctx, input: { actor: admin, csv: "name,state,kind,favourite_color\nA,MN,local group,blue\n" } });
    expect(unknown.fileErrors).toEqual([{ code: "unknown_columns", line: 1, columns: ["favourite_color"] }]);
    expect(unknown.canApply).toBe(false);
    const missing = await previewGroupsImport({ ctx: m.ctx, input: { actor: admin, csv: "name,city\nA,Duluth\n" } });
    expect(missing.fileErrors).toEqual([{ code: "missing_columns", line: 1, columns: ["state", "kind"] }]);
    const broken = await previewGroupsImport({ ctx: m.ctx, input: { actor: admin, csv: 'name,state,kind\n"Unclosed,MN,local group\n' } });
    expect(broken.fileErrors[0]).toMatchObject({ code: "syntax", line: 2 });
    expect((await previewGroupsImport({ ctx: m.ctx, input: { actor: admin, csv: "" } })).fileErrors[0]?.code).toBe("empty");
    expect((await failure(previewGroupsImport({ ctx: m.ctx, input: { actor: organizer, csv: "" } }))).code).toBe("forbidden");
  });

  it("applies creates and updates (by id, or by state and slug) in one audited step", async () => {
    const { groupId } = await newGroup({ name: "Red Wing Health Care", city: "Red Wing" });
    const { groupId: otherId } = await newGroup({ name: "Northfield M4A", city: "Northfield" });
    const csv = [
      "id,name,state,kind,city,notes,slug",
      `${groupId},Red Wing Health Care,MN,local group,Red Wing,Meets monthly,`,
      `,Northfield M4A,MN,state campaign,Northfield,,`,
      `,Brand New From Import,MN,local group,Faribault,,`,
      `987654,Ghost,MN,local group,,,`,
    ].join("\n");
    const preview = await previewGroupsImport({ ctx: m.ctx, input: { actor: admin, csv } });
    expect(preview.rows.map((r) => [r.action, r.groupId, r.changed])).toEqual([
      ["update", groupId, ["notes"]],
      ["update", otherId, ["kind"]],
      ["create", null, []],
      ["invalid", null, []],
    ]);
    expect(preview.rows[3]?.errors).toEqual([{ column: "id", code: "unknown_id" }]);
    const fixed = csv.split("\n").slice(0, 4).join("\n");
    expect((await previewGroupsImport({ ctx: m.ctx, input: { actor: admin, csv: fixed } })).canApply).toBe(true);
    expect(await applyGroupsImport({ ctx: m.ctx, input: { actor: admin, csv: fixed } })).toEqual({ created: 1, updated: 2, unchanged: 0 });
    const [redWing] = await m.ctx.db.select().from(groups).where(eq(groups.id, groupId));
    expect(redWing?.notes).toBe("Meets monthly");
    const [created] = await m.ctx.db.select().from(groups).where(and(eq(groups.state, "MN"), eq(groups.slug, "brand-new-from-import")));
    expect(created).toMatchObject({ name: "Brand New From Import", status: "active", city: "Faribault" });
    expect((await getGroup({ ctx: m.ctx, input: { state: "MN", slug: "brand-new-from-import" } })).name).toBe("Brand New From Import");
    const [event] = await audit("groups.import");
    expect(event?.detail).toMatchObject({ created: 1, updated: 2 });
    // Applying the same file again changes nothing.
    expect(await applyGroupsImport({ ctx: m.ctx, input: { actor: admin, csv: fixed } })).toEqual({ created: 0, updated: 0, unchanged: 3 });
  });
});
