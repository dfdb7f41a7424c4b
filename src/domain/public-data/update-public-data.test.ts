import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asc, count, eq, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../tests/support/test-database.js";
import { cacheTags } from "../../db/read-cache.js";
import {
  billCosponsors,
  bills,
  datasets,
  districtShapes,
  groups,
  memberOffices,
  members,
  states,
  zipCentroids,
  zipCities,
  zipDistricts,
} from "../../db/schema/index.js";
import { FakeDownloader } from "../../integrations/fake-downloader.js";
import type { Ctx } from "../context.js";
import { DomainError } from "../errors.js";
import type { ProgressEvent } from "./progress.js";
import { createFixtureDataDir, fixtureFiles } from "./test-fixtures.js";
import { updatePublicData, type UpdatePublicDataInput } from "./update-public-data.js";

const NOW = new Date("2026-11-01T12:00:00Z");
let testDb: TestDatabase;
let ctx: Ctx;
let data: ReturnType<typeof createFixtureDataDir>;
let sourcesDir: string;

beforeAll(async () => {
  testDb = await createTestDatabase("empty");
  ctx = { ...testDb.ctx, now: () => NOW };
  sourcesDir = mkdtempSync(join(tmpdir(), "everybody-in-sources-"));
});
afterAll(async () => {
  await testDb.close();
  rmSync(sourcesDir, { recursive: true, force: true });
});
beforeEach(async () => {
  data?.remove();
  data = createFixtureDataDir();
  for (const table of [datasets, bills, groups, memberOffices, members, states, zipDistricts, zipCentroids, zipCities, districtShapes]) await ctx.db.delete(table);
});

/** DATA_DIR imports must never reach for the network: the downloader refuses every request. */
const offline = new FakeDownloader();
const run = (input: Partial<UpdatePublicDataInput> = {}) =>
  updatePublicData({ ctx, input: { dataDir: data.dir, sourcesDir, downloader: offline, ...input } });
const rowsOf = async (table: PgTable) =>
  (await ctx.db.select({ n: count() }).from(table))[0]!.n;
const outcomes = (report: Awaited<ReturnType<typeof run>>) => Object.fromEntries(report.datasets.map((d) => [d.key, d.outcome]));
const datasetRow = async (key: string) => (await ctx.db.select().from(datasets).where(eq(datasets.key, key)))[0];

describe("updatePublicData from DATA_DIR", () => {
  it("imports every dataset and records where it came from", async () => {
    const report = await run();
    expect(report.datasets.map((d) => [d.key, d.outcome, d.rowCount, d.source])).toEqual([
      ["states", "imported", 5, "data-dir"],
      ["legislators", "imported", 4, "data-dir"],
      ["zip-districts", "imported", 8, "data-dir"],
      ["zip-centroids", "imported", 6, "data-dir"],
      ["zip-cities", "imported", 3, "data-dir"],
      ["groups", "imported", 2, "data-dir"],
      ["bills", "imported", 4, "data-dir"],
      ["district-shapes", "imported", 5, "data-dir"],
    ]);
    expect(offline.requests).toEqual([]);

    const sanders = (await ctx.db.select().from(members).where(eq(members.bioguideId, "S000033")))[0];
    expect(sanders).toMatchObject({ chamber: "senate", state: "VT", district: null, senateClass: 1, stateRank: "senior", twitter: "SenSanders", termStart: "2025-01-03" });
    expect((await ctx.db.select().from(members).where(eq(members.bioguideId, "B001318")))[0]).toMatchObject({ district: 0, facebook: "123456789012345678" });
    // The office of someone not in legislators-current is skipped, and the report says so.
    expect((await ctx.db.select({ id: memberOffices.id }).from(memberOffices).orderBy(asc(memberOffices.id))).map((r) => r.id)).toEqual([
      "B001318-burlington",
      "S000033-burlington",
    ]);
    expect(report.datasets[1]!.warnings).toEqual([
      "congress-legislators/legislators-district-offices.yaml line 13: office B001318-burlington has impossible coordinates (441.4779, -73.2129); they were left out",
      "congress-legislators/legislators-district-offices.yaml: 1 office(s) of people not in congress-legislators/legislators-current.yaml were skipped",
    ]);

    const zips = await ctx.db.select().from(zipDistricts).where(eq(zipDistricts.zcta, "89439")).orderBy(asc(zipDistricts.state));
    expect(zips).toEqual([
      { zcta: "89439", state: "CA", district: 3 },
      { zcta: "89439", state: "NV", district: 2 },
    ]);
    expect((await ctx.db.select().from(zipDistricts).where(eq(zipDistricts.zcta, "96910")))[0]).toEqual({ zcta: "96910", state: "GU", district: 0 });
    expect((await ctx.db.select().from(zipCentroids).where(eq(zipCentroids.zcta, "89439")))[0]?.states).toBe("CA|NV");
    expect((await ctx.db.select().from(zipCities).where(eq(zipCities.zip, "20001")))[0]?.city).toBe('Washington, "the District"');

    const hr676 = (await ctx.db.select().from(bills))[0];
    expect(hr676).toMatchObject({ id: "115-hr676", sponsorBioguideId: "E000288", rollComplete: false, officialCosponsorCount: 124 });
    const boyle = (await ctx.db.select().from(billCosponsors).where(eq(billCosponsors.bioguideId, "B001296")))[0];
    expect(boyle).toMatchObject({ billId: "115-hr676", role: "cosponsor", sponsoredOn: null, isOriginal: null, withdrawnOn: null });
    expect((await ctx.db.select().from(groups).where(eq(groups.slug, "vermont-workers-center")))[0]).toMatchObject({
      status: "active",
      sourceUrl: "https://www.workerscenter.org",
      sourceAsOf: "2011-05",
    });
  });

  it("stores each district's outline keyed like the ZIP table, and says which seats have no shape", async () => {
    const report = await run({ only: ["district-shapes"] });
    const rows = await ctx.db.select().from(districtShapes).orderBy(asc(districtShapes.state), asc(districtShapes.district));
    expect(rows.map((r) => [r.state, r.district, r.geoid])).toEqual([
      ["CA", 37, "0637"],
      ["DC", 0, "1198"],
      ["GU", 0, "6698"],
      ["NV", 2, "3202"],
      ["VT", 0, "5000"],
    ]);
    expect(rows.find((r) => r.state === "VT")!.polygons).toEqual([[[-73.4, 42.7, -71.5, 42.7, -71.5, 45, -73.4, 45, -73.4, 42.7]]]);
    expect(report.datasets[0]!.warnings).toEqual([
      "district-shapes/us-congress-districts-119.topo.json: CA has no shape for 51 of its seat(s): CA-1, CA-2, CA-3, CA-4, CA-5, …",
      "district-shapes/us-congress-districts-119.topo.json: NV has no shape for 3 of its seat(s): NV-1, NV-3, NV-4",
    ]);
  });

  it("refuses district shapes of a state that is not in states.csv, keeping the previous ones", async () => {
    await run({ only: ["district-shapes"] });
    const broken = createFixtureDataDir({
      "district-shapes/us-congress-districts-119.topo.json": fixtureFiles["district-shapes/us-congress-districts-119.topo.json"]!.replace('"STATEFP":"32"', '"STATEFP":"48"'),
    });
    try {
      const report = await updatePublicData({ ctx, input: { dataDir: broken.dir, sourcesDir: broken.dir, downloader: offline, only: ["district-shapes"] } });
      expect(report.datasets[0]).toMatchObject({
        outcome: "failed",
        error: 'district-shapes/us-congress-districts-119.topo.json: cb_2024_us_cd119_500k feature 4: state FIPS "48" is not in states.csv',
      });
      expect(await ctx.db.select().from(districtShapes)).toHaveLength(5);
    } finally {
      broken.remove();
    }
  });

  it("writes a datasets row with source, licence, version, as-of date, row count and checksum", async () => {
    await run();
    const rows = await ctx.db.select().from(datasets).orderBy(asc(datasets.key));
    expect(rows.map((r) => r.key)).toEqual(["bills", "district-shapes", "groups", "legislators", "states", "zip-centroids", "zip-cities", "zip-districts"]);
    for (const row of rows) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.importedAt.toISOString()).toBe(NOW.toISOString());
      expect(row.sourceUrl).toMatch(/^https:\/\//);
    }
    expect(await datasetRow("legislators")).toMatchObject({
      title: "Members of Congress, their offices and official social media",
      sourceUrl: "https://github.com/unitedstates/congress-legislators",
      licence: "CC0 1.0",
      licenceUrl: "https://creativecommons.org/publicdomain/zero/1.0/",
      version: "newest term start 2026-06-10",
      asOf: "2026-06-10",
      rowCount: 4,
    });
    expect(await datasetRow("zip-cities")).toMatchObject({ licence: "CC BY 4.0", attribution: expect.stringContaining("Ready APIs"), rowCount: 3 });
    expect(await datasetRow("bills")).toMatchObject({ version: "H.R.676 2/124", rowCount: 4 });
    expect(await datasetRow("groups")).toMatchObject({ version: "2 groups", asOf: "2011-05" });
    // A file nobody has checked gets a short checksum as its version, and no invented date.
    expect(await datasetRow("zip-districts")).toMatchObject({ version: expect.stringMatching(/^sha256 [0-9a-f]{12}$/), asOf: null });
  });

  it("reports progress: start, rows up to the total, done", async () => {
    const events: ProgressEvent[] = [];
    await run({ onProgress: (event) => events.push(event) });
    const forDistricts = events.filter((e) => "key" in e && e.key === "zip-districts");
    expect(forDistricts[0]).toEqual({ kind: "dataset-start", key: "zip-districts", title: expect.any(String) });
    expect(forDistricts.at(-2)).toEqual({ kind: "rows", key: "zip-districts", done: 8, total: 8 });
    expect(forDistricts.at(-1)).toEqual({ kind: "dataset-done", key: "zip-districts", outcome: "imported", rowCount: 8, error: undefined });
    expect(events.filter((e) => e.kind === "dataset-done")).toHaveLength(8);
  });

  it("skips files that have not changed, unless forced", async () => {
    await run();
    const before = await datasetRow("zip-districts");
    const later = new Date(NOW.getTime() + 3_600_000);
    const again = await updatePublicData({ ctx: { ...ctx, now: () => later }, input: { dataDir: data.dir, sourcesDir, downloader: offline } });
    expect(new Set(Object.values(outcomes(again)))).toEqual(new Set(["unchanged"]));
    expect(again.datasets.find((d) => d.key === "zip-districts")?.rowCount).toBe(8);
    expect((await datasetRow("zip-districts"))?.importedAt).toEqual(before?.importedAt);

    const forced = await updatePublicData({ ctx: { ...ctx, now: () => later }, input: { dataDir: data.dir, sourcesDir, downloader: offline, force: true } });
    expect(new Set(Object.values(outcomes(forced)))).toEqual(new Set(["imported"]));
    expect((await datasetRow("zip-districts"))?.importedAt).toEqual(later);
    expect(await rowsOf(zipDistricts)).toBe(8);
  });

  it("re-imports a changed file, replacing the dataset's rows", async () => {
    await run();
    data.write("zip-districts/zccd.csv", fixtureFiles["zip-districts/zccd.csv"]!.replace("06,CA,90001,43\n", ""));
    const report = await run();
    expect(outcomes(report)).toMatchObject({ "zip-districts": "imported", states: "unchanged", "zip-centroids": "unchanged" });
    expect(await rowsOf(zipDistricts)).toBe(7);
    expect(await ctx.db.select().from(zipDistricts).where(eq(zipDistricts.zcta, "90001"))).toEqual([{ zcta: "90001", state: "CA", district: 37 }]);
  });

  it("imports only the datasets asked for, and refuses unknown ones", async () => {
    const report = await run({ only: ["states", "bills"] });
    expect(report.datasets.map((d) => d.key)).toEqual(["states", "bills"]);
    expect(await rowsOf(members)).toBe(0);
    await expect(run({ only: ["states", "zips" as never] })).rejects.toThrow(DomainError);
    await expect(run({ only: ["zips" as never] })).rejects.toThrow("Unknown dataset(s): zips");
  });
});

describe("updatePublicData with bad input", () => {
  it("fails a dataset with a malformed row, naming file and line, keeps its previous rows and imports the others", async () => {
    await run();
    const checksum = (await datasetRow("zip-districts"))?.checksum;
    data.write("zip-districts/zccd.csv", fixtureFiles["zip-districts/zccd.csv"]!.replace("11,DC,20001,0", "11,DC,20001,x"));
    data.write("states.csv", fixtureFiles["states.csv"]!.replace("Guam,GU,66,0,1,0,territory\n", ""));
    const report = await run();
    const failed = report.datasets.find((d) => d.key === "zip-districts")!;
    expect(failed).toMatchObject({ outcome: "failed", error: 'zip-districts/zccd.csv line 4: cd "x" is not a whole number' });
    expect(await rowsOf(zipDistricts)).toBe(8);
    expect((await datasetRow("zip-districts"))?.checksum).toBe(checksum);
    // The dataset after it still ran, and so did the changed one before it.
    expect(outcomes(report)).toMatchObject({ states: "imported", "zip-centroids": "unchanged", bills: "unchanged" });
    expect(await rowsOf(states)).toBe(4);
  });

  it("refuses a file in the wrong format with a clear message", async () => {
    data.write("congress-legislators/legislators-current.yaml", "legislators:\n  count: 537\n");
    data.write("zip-geo/zip-city-state.csv", fixtureFiles["states.csv"]!);
    data.write("cosponsors/medicare-for-all-cosponsors.csv", "\u0000\u00ff\u00fe binary");
    const report = await run();
    const errors = Object.fromEntries(report.datasets.map((d) => [d.key, d.error]));
    expect(errors.legislators).toBe(
      'congress-legislators/legislators-current.yaml: expected a YAML list of entries (lines starting with "- ") at the top level',
    );
    expect(errors["zip-cities"]).toMatch(/^zip-geo\/zip-city-state\.csv line 1: this is not a ZIP city\/state file .*lacks column\(s\) zip_code, city/);
    expect(errors.bills).toMatch(/^cosponsors\/medicare-for-all-cosponsors\.csv line 1: this is not the Medicare for All cosponsor list/);
    expect(await rowsOf(members)).toBe(0);
    expect(outcomes(report)).toMatchObject({ states: "imported", "zip-districts": "imported", groups: "imported" });
  });

  it("rolls a dataset back when the database refuses a row mid-import", async () => {
    await run();
    const before = await ctx.db.select().from(zipDistricts).orderBy(asc(zipDistricts.zcta), asc(zipDistricts.district));
    const checksum = (await datasetRow("zip-districts"))?.checksum;
    // A stand-in for any failure during the write (disk full, constraint, connection lost).
    await ctx.db.execute(sql.raw(`
      create function refuse_99999() returns trigger language plpgsql as $$
      begin if new.zcta = '99999' then raise exception 'test refuses ZCTA 99999'; end if; return new; end $$`));
    await ctx.db.execute(sql.raw("create trigger refuse_99999 before insert on zip_districts for each row execute function refuse_99999()"));
    try {
      data.write("zip-districts/zccd.csv", `${fixtureFiles["zip-districts/zccd.csv"]!}06,CA,99999,1\n`);
      const report = await run({ only: ["zip-districts"] });
      expect(report.datasets[0]).toMatchObject({ outcome: "failed" });
      expect(report.datasets[0]!.error).toMatch(/^the database refused the import, so the previous data was kept: .*test refuses ZCTA 99999/);
      // The delete that ran first in the transaction was rolled back with it.
      expect(await ctx.db.select().from(zipDistricts).orderBy(asc(zipDistricts.zcta), asc(zipDistricts.district))).toEqual(before);
      expect((await datasetRow("zip-districts"))?.checksum).toBe(checksum);
    } finally {
      await ctx.db.execute(sql.raw("drop trigger refuse_99999 on zip_districts"));
      await ctx.db.execute(sql.raw("drop function refuse_99999()"));
    }
  });

  it("says which file is missing from DATA_DIR and falls back to seed/ for the project's own files", async () => {
    data.write("zip-geo/zip-city-state.csv", null);
    data.write("zip-districts/zccd-island-areas.csv", null);
    data.write("groups/single-payer-groups.csv", null);
    const report = await run();
    const byKey = Object.fromEntries(report.datasets.map((d) => [d.key, d]));
    expect(byKey["zip-cities"]?.error).toBe(
      `zip-geo/zip-city-state.csv is not in DATA_DIR (${data.dir}). Put the file there, or unset DATA_DIR to download it from https://raw.githubusercontent.com/ReadyAPIs-com/curated-us-zips/main/data/us-zips.csv`,
    );
    expect(byKey["zip-districts"]).toMatchObject({ outcome: "imported", source: "data-dir+seed", rowCount: 7 + 17 });
    expect(byKey.groups).toMatchObject({ outcome: "imported", source: "seed", rowCount: 79 });
  });
});

describe("updatePublicData and groups, bills and the cache", () => {
  it("adds new groups but never overwrites one organizers have edited", async () => {
    await run();
    await ctx.db.update(groups).set({ name: "Vermont Workers' Center (edited)", status: "inactive" }).where(eq(groups.slug, "vermont-workers-center"));
    const csv = fixtureFiles["groups/single-payer-groups.csv"]!;
    data.write(
      "groups/single-payer-groups.csv",
      `${csv.replace("Burlington,https://www.workerscenter.org", "Montpelier,https://www.workerscenter.org")}Health Care Is a Human Right Vermont,VT,,,,state campaign,https://example.org/hcihr,2025,\n`,
    );
    const report = await run({ only: ["groups"] });
    expect(report.datasets[0]).toMatchObject({ outcome: "imported", rowCount: 3, detail: "1 new group(s) added, 2 already present and left as they are" });
    const rows = await ctx.db.select().from(groups).orderBy(asc(groups.slug));
    expect(rows.map((g) => [g.slug, g.name, g.city, g.status])).toEqual([
      ["health-care-is-a-human-right-vermont", "Health Care Is a Human Right Vermont", null, "active"],
      ["healthcare-now", "Healthcare-NOW", null, "active"],
      ["vermont-workers-center", "Vermont Workers' Center (edited)", "Burlington", "inactive"],
    ]);
  });

  it("replaces a bill's roll as a whole", async () => {
    await run();
    expect(await rowsOf(billCosponsors)).toBe(4);
    const sponsorsOnly = fixtureFiles["cosponsors/medicare-for-all-cosponsors.csv"]!.split("\n").slice(0, 3).join("\n");
    data.write("cosponsors/medicare-for-all-cosponsors.csv", `${sponsorsOnly}\n`);
    await run({ only: ["bills"] });
    const rows = await ctx.db.select({ id: billCosponsors.bioguideId, role: billCosponsors.role }).from(billCosponsors).orderBy(asc(billCosponsors.bioguideId));
    expect(rows).toEqual([
      { id: "C000714", role: "sponsor" },
      { id: "E000288", role: "sponsor" },
    ]);
  });

  it("invalidates cached public data after an import, and cached groups only when groups were added", async () => {
    let publicLoads = 0;
    let groupLoads = 0;
    const readPublic = () => ctx.cache.get(`${cacheTags.publicData}:test`, async () => ++publicLoads);
    const readGroups = () => ctx.cache.get(`${cacheTags.groups}:test`, async () => ++groupLoads);
    await readPublic();
    await readGroups();

    await run();
    await readPublic();
    await readGroups();
    expect([publicLoads, groupLoads]).toEqual([2, 2]);

    await run(); // nothing changed: nothing to invalidate
    await readPublic();
    await readGroups();
    expect([publicLoads, groupLoads]).toEqual([2, 2]);

    await run({ force: true }); // re-imported, but every group already existed
    await readPublic();
    await readGroups();
    expect([publicLoads, groupLoads]).toEqual([3, 2]);
  });
});
