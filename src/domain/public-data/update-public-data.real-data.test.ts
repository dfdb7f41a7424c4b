import { and, asc, count, countDistinct, eq, isNull, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../tests/support/test-database.js";
import { toCount } from "../../db/client.js";
import { billCosponsors, bills, datasets, groups, memberOffices, members, states, zipCentroids, zipCities, zipDistricts } from "../../db/schema/index.js";
import { FakeDownloader } from "../../integrations/fake-downloader.js";
import { cosponsorStatus } from "../congress/cosponsor-status.js";
import { updatePublicData } from "./update-public-data.js";

/** The "loaded" template holds the real shared data, imported by the test global setup through updatePublicData. */
let loaded: TestDatabase;
beforeAll(async () => {
  loaded = await createTestDatabase("loaded");
});
afterAll(() => loaded.close());

const n = async (query: Promise<{ n: number }[]>) => (await query)[0]!.n;

describe("the real public data", () => {
  it("has every dataset with the expected row counts", async () => {
    const { db } = loaded.ctx;
    const rows = await db.select({ key: datasets.key, rowCount: datasets.rowCount }).from(datasets).orderBy(asc(datasets.key));
    expect(rows).toEqual([
      { key: "bills", rowCount: 156 },
      { key: "district-shapes", rowCount: 441 },
      { key: "groups", rowCount: 79 },
      { key: "legislators", rowCount: 537 },
      { key: "states", rowCount: 56 },
      { key: "zip-centroids", rowCount: 33_791 },
      { key: "zip-cities", rowCount: 33_100 },
      { key: "zip-districts", rowCount: 42_050 },
    ]);
    expect(await n(db.select({ n: count() }).from(members))).toBe(537);
    expect(await n(db.select({ n: count() }).from(members).where(eq(members.chamber, "senate")))).toBe(100);
    expect(await n(db.select({ n: count() }).from(states))).toBe(56);
    expect(await n(db.select({ n: count() }).from(zipDistricts))).toBe(42_033 + 17);
    expect(await n(db.select({ n: countDistinct(zipDistricts.zcta) }).from(zipDistricts))).toBe(33_791);
    expect(await n(db.select({ n: count() }).from(zipCentroids).where(like(zipCentroids.states, "%|%")))).toBe(109);
    expect(await n(db.select({ n: count() }).from(zipCities))).toBe(33_100);
    expect(await n(db.select({ n: count() }).from(groups))).toBe(79);
    expect(await n(db.select({ n: count() }).from(billCosponsors))).toBe(156);
    expect(await n(db.select({ n: count() }).from(memberOffices))).toBeGreaterThan(1_300);
  });

  it("records the known versions and as-of dates", async () => {
    const rows = await loaded.ctx.db.select({ key: datasets.key, version: datasets.version, asOf: datasets.asOf }).from(datasets);
    const byKey = Object.fromEntries(rows.map((r) => [r.key, r]));
    expect(byKey.legislators).toMatchObject({ version: "congress-legislators dfa9622 (2026-06-15)", asOf: "2026-06-10" });
    expect(byKey["zip-districts"]).toMatchObject({ version: expect.stringContaining("1335b61"), asOf: "2024-11-12" });
    expect(byKey["zip-cities"]).toMatchObject({ asOf: "2026-05-20" });
    expect(byKey.bills).toMatchObject({ version: "H.R.3069 115/115, S.1506 18/18, S.1804 16/16, H.R.676 2/124", asOf: "2026-09-26" });
  });

  it("maps every sitting House member's seat to at least one ZIP", async () => {
    const unmapped = (await loaded.ctx.db.execute(sql`
      select count(*) as n from ${members} m
      where m.chamber = 'house'
        and not exists (select 1 from ${zipDistricts} z where z.state = m.state and z.district = m.district)`)) as unknown as {
      rows: { n: unknown }[];
    };
    expect(toCount(unmapped.rows[0]?.n)).toBe(0);
  });

  it("answers cosponsor status from the imported rolls", async () => {
    const { db } = loaded.ctx;
    const roll = async (id: string) => ({
      bill: (await db.select().from(bills).where(eq(bills.id, id)))[0]!,
      roll: await db.select().from(billCosponsors).where(eq(billCosponsors.billId, id)),
    });
    const hr3069 = await roll("119-hr3069");
    const hr676 = await roll("115-hr676");
    expect(cosponsorStatus({ ...hr3069, bioguideId: "J000298" })).toBe("sponsor");
    expect(cosponsorStatus({ ...hr3069, bioguideId: "A000370" })).toBe("cosponsor");
    // A sitting Republican is on neither roll: the complete roll says no, the incomplete one cannot.
    const [republican] = await db.select().from(members).where(and(eq(members.chamber, "house"), eq(members.party, "Republican"))).limit(1);
    expect(cosponsorStatus({ ...hr3069, bioguideId: republican!.bioguideId })).toBe("not-cosponsor");
    expect(cosponsorStatus({ ...hr676, bioguideId: republican!.bioguideId })).toBe("unknown");
    expect(await n(db.select({ n: count() }).from(billCosponsors).where(and(eq(billCosponsors.billId, "119-hr3069"), isNull(billCosponsors.isOriginal))))).toBe(1);
  });

  it("finds nothing to do when run again on the same files", async () => {
    const report = await updatePublicData({
      ctx: loaded.ctx,
      input: { dataDir: inject("dataDir"), sourcesDir: inject("dataDir"), downloader: new FakeDownloader() },
    });
    expect(report.datasets.map((d) => d.outcome)).toEqual(Array(8).fill("unchanged"));
  });
});

describe("seed/ versus the shared data", () => {
  let fresh: TestDatabase;
  beforeAll(async () => {
    fresh = await createTestDatabase("empty");
  });
  afterAll(() => fresh.close());

  it("gives the same groups and bills whether imported from seed/ or from DATA_DIR", async () => {
    const report = await updatePublicData({
      ctx: fresh.ctx,
      input: { sourcesDir: inject("dataDir"), only: ["groups", "bills"], downloader: new FakeDownloader() },
    });
    expect(report.datasets.map((d) => [d.key, d.outcome, d.source])).toEqual([
      ["groups", "imported", "seed"],
      ["bills", "imported", "seed"],
    ]);
    const snapshot = async (db: TestDatabase["ctx"]["db"]) => ({
      // Locations come from the ZIP datasets, which this fresh database does not have.
      groups: (await db.select().from(groups).orderBy(asc(groups.slug))).map(
        ({ id: _id, createdAt: _c, updatedAt: _u, latitude: _lat, longitude: _lng, ...g }) => g,
      ),
      bills: await db.select().from(bills).orderBy(asc(bills.id)),
      roll: await db.select().from(billCosponsors).orderBy(asc(billCosponsors.billId), asc(billCosponsors.bioguideId)),
    });
    expect(await snapshot(fresh.ctx.db)).toEqual(await snapshot(loaded.ctx.db));
  });
});
