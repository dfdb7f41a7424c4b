import { readFileSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAs } from "../../../../tests/support/sign-in.js";
import { createTestDatabase, type TestDatabase } from "../../../../tests/support/test-database.js";
import { auditEvents, billCosponsors, bills } from "../../../db/schema/index.js";
import { loadActor, type Actor } from "../../accounts/actor.js";
import { loadCongressDirectory } from "../../congress/congress-directory.js";
import type { Ctx } from "../../context.js";
import { DomainError } from "../../errors.js";
import { listCosponsorBills } from "./list-cosponsor-bills.js";
import { uploadCosponsorFile, type UploadCosponsorFileInput } from "./upload-cosponsor-file.js";

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "../../congress/fixtures", name), "utf8");

let testDb: TestDatabase;
let ctx: Ctx;
let admin: Actor;
beforeAll(async () => {
  testDb = await createTestDatabase("loaded");
  ctx = { ...testDb.ctx, now: () => new Date("2026-11-25T12:00:00Z") };
  admin = (await loadActor(ctx, (await signInAs(ctx, { admin: true })).personId))!;
});
afterAll(() => testDb.close());

const snapshot = async () => ({
  bill: (await ctx.db.select().from(bills).where(eq(bills.id, "119-hr3069")))[0],
  roll: await ctx.db.select().from(billCosponsors).where(eq(billCosponsors.billId, "119-hr3069")),
  audit: (await ctx.db.select().from(auditEvents).where(eq(auditEvents.action, "cosponsors.import"))).length,
});
const upload = (input: Partial<UploadCosponsorFileInput>) =>
  uploadCosponsorFile({ ctx, input: { actor: admin, billId: "119-hr3069", text: "", fileName: "roll.xml", ...input } });
const refusal = async (input: Partial<UploadCosponsorFileInput>) => {
  try {
    await upload(input);
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, message: error.message, fields: error.fieldErrors };
    throw error;
  }
  throw new Error("imported without complaint");
};

describe("uploadCosponsorFile", () => {
  it("refuses bad files with the parser's message and changes nothing", async () => {
    const before = await snapshot();
    expect(await refusal({ text: fixture("billstatus-truncated.xml"), fileName: "truncated.xml" })).toMatchObject({ code: "invalid", fields: { file: "invalid_choice" }, message: expect.stringContaining("truncated.xml") });
    expect(await refusal({ text: fixture("billstatus-other-bill.xml"), fileName: "other.xml" })).toMatchObject({ fields: { file: "invalid_choice" } });
    expect(await refusal({ text: "hello", fileName: "notes.txt" })).toMatchObject({ message: expect.stringContaining("neither XML nor JSON") });
    expect(await refusal({ text: " " })).toMatchObject({ fields: { file: "required" } });
    expect(await refusal({ billId: "119-hr1", text: fixture("billstatus-hr3069.xml") })).toMatchObject({ fields: { billId: "invalid_choice" } });
    expect(await refusal({ text: fixture("billstatus-hr3069.xml"), asOf: "2026-11-21" })).toMatchObject({ fields: { asOf: "invalid_choice" }, message: expect.stringContaining("2026-11-20") });
    expect(await refusal({ text: fixture("congress-gov-cosponsors-hr3069.json"), asOf: "21/11/2026" })).toMatchObject({ fields: { asOf: "invalid_choice" } });
    expect(await snapshot()).toEqual(before);
  });

  it("imports a BILLSTATUS file like the command line, reports the changes and audits them", async () => {
    const admins = await listCosponsorBills({ ctx, input: { actor: admin } });
    expect(admins.find((b) => b.id === "119-hr3069")).toMatchObject({ asOf: "2026-09-15", path: "/cosponsors/hr3069-119" });
    await loadCongressDirectory(ctx);

    const result = await upload({ text: fixture("billstatus-hr3069.xml"), fileName: "BILLSTATUS-119hr3069.xml" });
    expect(result).toMatchObject({ format: "billstatus-xml", billNumber: "H.R.3069", asOf: "2026-11-20", previousAsOf: "2026-09-15" });
    expect(result.added.length + result.withdrawn.length + result.removed.length).toBeGreaterThan(0);

    const listed = (await listCosponsorBills({ ctx, input: { actor: admin } })).find((b) => b.id === "119-hr3069")!;
    expect(listed).toMatchObject({ asOf: "2026-11-20", complete: true, officialCount: result.officialCount, cosponsors: result.officialCount });
    const [event] = await ctx.db.select().from(auditEvents).where(eq(auditEvents.action, "cosponsors.import"));
    expect(event).toMatchObject({ actorId: admin.personId, subject: "bill:119-hr3069", detail: { file: "BILLSTATUS-119hr3069.xml", asOf: "2026-11-20", added: result.added } });
  });

  it("asks before replacing a newer roll, and takes the date of a JSON file from the form", async () => {
    const json = fixture("congress-gov-cosponsors-hr3069.json");
    expect(await refusal({ text: json, fileName: "cosponsors.json", asOf: "2026-11-10" })).toMatchObject({ fields: { allowOlder: "required" }, message: expect.stringContaining("newer") });
    const result = await upload({ text: json, fileName: "cosponsors.json", asOf: "2026-11-10", allowOlder: true });
    expect(result).toMatchObject({ format: "congress-gov-json", asOf: "2026-11-10", previousAsOf: "2026-11-20" });
    const today = await upload({ text: json, fileName: "cosponsors.json" });
    expect(today.asOf).toBe("2026-11-25");
  });

  it("is for admins only", async () => {
    const organizer = { ...admin, isAdmin: false, organizerOf: new Set([1]) };
    await expect(uploadCosponsorFile({ ctx, input: { actor: organizer, billId: "119-hr3069", text: "{}", fileName: "x" } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listCosponsorBills({ ctx, input: { actor: undefined } })).rejects.toMatchObject({ code: "forbidden" });
  });
});
