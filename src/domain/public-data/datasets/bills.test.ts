import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../tests/support/test-database.js";
import { billCosponsors, bills } from "../../../db/schema/index.js";
import { FakeDownloader } from "../../../integrations/fake-downloader.js";
import type { Ctx } from "../../context.js";
import { createFixtureDataDir } from "../test-fixtures.js";
import { updatePublicData } from "../update-public-data.js";

let testDb: TestDatabase;
let ctx: Ctx;
let data: ReturnType<typeof createFixtureDataDir>;
let sourcesDir: string;

beforeAll(async () => {
  testDb = await createTestDatabase("empty");
  ctx = testDb.ctx;
  data = createFixtureDataDir();
  sourcesDir = mkdtempSync(join(tmpdir(), "everybody-in-sources-"));
});
afterAll(async () => {
  await testDb.close();
  data.remove();
  rmSync(sourcesDir, { recursive: true, force: true });
});

const importBills = () =>
  updatePublicData({ ctx, input: { dataDir: data.dir, sourcesDir, downloader: new FakeDownloader(), only: ["bills"], force: true } });
const billRow = async (id: string) => (await ctx.db.select().from(bills).where(eq(bills.id, id)))[0];
const rollOf = async (id: string) =>
  (await ctx.db.select().from(billCosponsors).where(eq(billCosponsors.billId, id)).orderBy(asc(billCosponsors.bioguideId))).map((row) => row.bioguideId);
const cosponsorRow = (billId: string, bioguideId: string) => ({
  billId,
  bioguideId,
  role: "cosponsor" as const,
  name: `Member ${bioguideId}`,
  party: "D",
  state: "WA",
  district: 1,
  sponsoredOn: "2017-10-01",
  isOriginal: false,
  withdrawnOn: null,
  sourceUrl: "https://www.govinfo.gov/bulkdata/BILLSTATUS/115/hr/BILLSTATUS-115hr676.xml",
});

describe("the bills import and rolls read since (npm run data:cosponsors)", () => {
  // The fixture cosponsor list holds one bill, H.R.676 (115th), read as of 2019-01-03.
  it("keeps a bill whose stored roll is newer than the seed's", async () => {
    await importBills();
    expect(await billRow("115-hr676")).toMatchObject({ cosponsorsAsOf: "2019-01-03" });
    const seedRoll = await rollOf("115-hr676");
    // What importCosponsors leaves behind: a later, complete official roll.
    await ctx.db
      .update(bills)
      .set({ cosponsorsAsOf: "2026-11-20", officialCosponsorCount: 3, rollComplete: true })
      .where(eq(bills.id, "115-hr676"));
    await ctx.db.insert(billCosponsors).values(cosponsorRow("115-hr676", "Z000001"));

    const report = await importBills();

    expect(report.datasets[0]).toMatchObject({ key: "bills", outcome: "imported" });
    expect(report.datasets[0]!.detail).toBe("0 bills, 0 sponsor and cosponsor rows; kept the newer imported roll of H.R.676 (2026-11-20)");
    expect(await billRow("115-hr676")).toMatchObject({ cosponsorsAsOf: "2026-11-20", officialCosponsorCount: 3, rollComplete: true });
    expect(await rollOf("115-hr676")).toEqual([...seedRoll, "Z000001"].sort());
  });

  it("replaces a stored roll that is not newer than the seed's", async () => {
    await ctx.db.update(bills).set({ cosponsorsAsOf: "2019-01-03" }).where(eq(bills.id, "115-hr676"));
    const report = await importBills();
    expect(report.datasets[0]!.detail).toBe("1 bills, 4 sponsor and cosponsor rows");
    expect(await billRow("115-hr676")).toMatchObject({ cosponsorsAsOf: "2019-01-03", officialCosponsorCount: 124, rollComplete: false });
    expect(await rollOf("115-hr676")).not.toContain("Z000001");
  });
});
