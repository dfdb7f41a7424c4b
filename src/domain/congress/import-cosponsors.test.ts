import { readFileSync } from "node:fs";
import { join } from "node:path";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../tests/support/test-database.js";
import { cacheTags } from "../../db/read-cache.js";
import { billCosponsors, bills } from "../../db/schema/index.js";
import type { Ctx } from "../context.js";
import { DomainError } from "../errors.js";
import { importCosponsors, type ImportCosponsorsInput } from "./import-cosponsors.js";
import { billStatusUrl } from "./parsers/billstatus-xml.js";
import { cosponsorsApiUrl, parseCongressGovCosponsorsJson } from "./parsers/congress-gov-cosponsors-json.js";
import { parseBillStatusXml } from "./parsers/billstatus-xml.js";

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "fixtures", name), "utf8");
const xmlRoll = parseBillStatusXml(fixture("billstatus-hr3069.xml"), "billstatus-hr3069.xml", "119-hr3069");
const jsonRoll = parseCongressGovCosponsorsJson(fixture("congress-gov-cosponsors-hr3069.json"), "cosponsors.json", "119-hr3069");

let testDb: TestDatabase;
let ctx: Ctx;
beforeAll(async () => {
  testDb = await createTestDatabase("loaded");
  ctx = testDb.ctx;
});
afterAll(() => testDb.close());

const billRow = async (id: string) => (await ctx.db.select().from(bills).where(eq(bills.id, id)))[0]!;
const rollOf = async (id: string) =>
  ctx.db
    .select({ id: billCosponsors.bioguideId, role: billCosponsors.role, withdrawnOn: billCosponsors.withdrawnOn })
    .from(billCosponsors)
    .where(eq(billCosponsors.billId, id))
    .orderBy(asc(billCosponsors.role), asc(billCosponsors.bioguideId));
const refusal = async (input: ImportCosponsorsInput) => {
  try {
    await importCosponsors({ ctx, input });
  } catch (error) {
    if (error instanceof DomainError) return `${error.code}: ${error.message}`;
    throw error;
  }
  throw new Error("imported without complaint");
};
const fromXml: ImportCosponsorsInput = {
  billId: "119-hr3069",
  roll: xmlRoll.cosponsors,
  asOf: xmlRoll.asOf!,
  officialCount: xmlRoll.officialCount,
  sourceUrl: billStatusUrl("119-hr3069"),
};

describe("importCosponsors", () => {
  it("replaces the roll from a BILLSTATUS file, keeps the sponsor, and says who joined, withdrew and was dropped", async () => {
    const before = await billRow("119-hr3069");
    expect(before).toMatchObject({ cosponsorsAsOf: "2026-09-15", officialCosponsorCount: 115 });
    let loads = 0;
    const readDirectory = () => ctx.cache.get(`${cacheTags.publicData}:import-test`, async () => ++loads);
    await readDirectory();

    const changes = await importCosponsors({ ctx, input: fromXml });

    expect(changes).toMatchObject({
      billNumber: "H.R.3069",
      added: ["Suzan K. DelBene"],
      withdrawn: ["Mark Pocan"],
      unchanged: 1,
      keptAsSponsor: [],
      officialCount: 2,
      asOf: "2026-11-20",
      previousAsOf: "2026-09-15",
      previousOfficialCount: 115,
    });
    // Everyone else from the seed roll is not on this (cut-down) official list.
    expect(changes.removed).toHaveLength(113);
    expect(changes.removed).toContain("Rashida Tlaib");
    expect(await billRow("119-hr3069")).toMatchObject({
      officialCosponsorCount: 2,
      cosponsorsAsOf: "2026-11-20",
      rollComplete: true,
      sourceUrl: "https://www.govinfo.gov/bulkdata/BILLSTATUS/119/hr/BILLSTATUS-119hr3069.xml",
    });
    expect(await rollOf("119-hr3069")).toEqual([
      { id: "D000617", role: "cosponsor", withdrawnOn: null },
      { id: "O000173", role: "cosponsor", withdrawnOn: null },
      { id: "P000607", role: "cosponsor", withdrawnOn: "2026-10-15" },
      { id: "J000298", role: "sponsor", withdrawnOn: null },
    ]);
    const delBene = (await ctx.db.select().from(billCosponsors).where(eq(billCosponsors.bioguideId, "D000617")))[0];
    expect(delBene).toMatchObject({ name: "Suzan K. DelBene", party: "D", state: "WA", district: 1, sponsoredOn: "2026-10-01", isOriginal: false });
    // Running app processes reload the congress directory.
    await readDirectory();
    expect(loads).toBe(2);
  });

  it("then reports only what a newer congress.gov list changes", async () => {
    const changes = await importCosponsors({
      ctx,
      input: { billId: "119-hr3069", roll: jsonRoll.cosponsors, asOf: "2026-11-21", officialCount: jsonRoll.officialCount, sourceUrl: cosponsorsApiUrl("119-hr3069") },
    });
    expect(changes).toMatchObject({ added: ["Rashida Tlaib"], withdrawn: [], removed: [], unchanged: 3, officialCount: 3, previousAsOf: "2026-11-20" });
    expect(await billRow("119-hr3069")).toMatchObject({ officialCosponsorCount: 3, cosponsorsAsOf: "2026-11-21", sourceUrl: "https://api.congress.gov/v3/bill/119/hr/3069/cosponsors" });
  });

  it("refuses an older roll than the stored one unless asked, and changes nothing", async () => {
    expect(await refusal(fromXml)).toBe(
      "conflict: H.R.3069 already has the roll as of 2026-11-21, newer than this one (2026-11-20); importing it would undo later changes",
    );
    expect(await billRow("119-hr3069")).toMatchObject({ officialCosponsorCount: 3, cosponsorsAsOf: "2026-11-21" });
    expect(await rollOf("119-hr3069")).toHaveLength(5);

    const changes = await importCosponsors({ ctx, input: { ...fromXml, allowOlder: true } });
    expect(changes).toMatchObject({ added: [], withdrawn: [], removed: ["Rashida Tlaib"], unchanged: 3 });
    expect(await billRow("119-hr3069")).toMatchObject({ cosponsorsAsOf: "2026-11-20" });
  });

  it("refuses an unknown bill and a roll that disagrees with its count or its date, changing nothing", async () => {
    const before = { bill: await billRow("119-hr3069"), roll: await rollOf("119-hr3069") };
    expect(await refusal({ ...fromXml, billId: "119-hr9999" })).toBe(
      "not_found: no bill 119-hr9999 in the database; run `npm run data:update` first if the public data is missing",
    );
    expect(await refusal({ ...fromXml, asOf: "2026-12-01", officialCount: 5 })).toBe(
      "invalid: the official count is 5 but 2 current cosponsors are listed; the roll is incomplete",
    );
    expect(await refusal({ ...fromXml, asOf: "2026-10-02" })).toBe("invalid: the roll is dated 2026-10-02 but lists a change on 2026-10-15");
    expect(await refusal({ ...fromXml, asOf: "2026-12-01", roll: [...fromXml.roll, fromXml.roll[0]!], officialCount: 3 })).toBe(
      "invalid: O000173 (Ilhan Omar) is listed twice",
    );
    expect(await refusal({ ...fromXml, asOf: "20 Nov 2026" })).toBe("invalid: cosponsor import: expected a date YYYY-MM-DD");
    expect({ bill: await billRow("119-hr3069"), roll: await rollOf("119-hr3069") }).toEqual(before);
  });

  it("keeps a member who is already the bill's sponsor as the sponsor", async () => {
    const sanders = { ...xmlRoll.cosponsors[0]!, bioguideId: "S000033", name: "Bernard Sanders", party: "I", state: "VT", district: null };
    const changes = await importCosponsors({
      ctx,
      input: { billId: "119-s1506", roll: [sanders], asOf: "2026-11-20", officialCount: 1, sourceUrl: billStatusUrl("119-s1506") },
    });
    expect(changes).toMatchObject({ keptAsSponsor: ["Bernard Sanders"], added: [], unchanged: 0, officialCount: 1 });
    expect(changes.removed).toHaveLength(18);
    expect(await rollOf("119-s1506")).toEqual([{ id: "S000033", role: "sponsor", withdrawnOn: null }]);
  });
});
