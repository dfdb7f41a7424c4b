import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../tests/support/test-database.js";
import { datasets, districtShapes, zipCentroids, zipCities } from "../../db/schema/index.js";
import { FakeDownloader } from "../../integrations/fake-downloader.js";
import type { Ctx } from "../context.js";
import { datasetCatalogue } from "./catalogue.js";
import type { ProgressEvent } from "./progress.js";
import { fixtureDistrictShapefileZip, fixtureFiles, fixtureGazetteerTsv, fixtureUpstreamZipCitiesCsv, makeZip } from "./test-fixtures.js";
import { updatePublicData } from "./update-public-data.js";

const NOW = new Date("2026-11-01T12:00:00Z");
const urlOf = (path: string) => datasetCatalogue.flatMap((e) => e.files).find((f) => f.path === path)!.download!.url;
const GAZETTEER = urlOf("zip-geo/zcta-centroids.csv");
const ZCCD = urlOf("zip-districts/zccd.csv");
const CITIES = urlOf("zip-geo/zip-city-state.csv");
const LEGISLATORS = urlOf("congress-legislators/legislators-current.yaml");
const DISTRICT_SHAPES = urlOf("district-shapes/us-congress-districts-119.topo.json");

/** The internet as the real sources serve it: upstream layouts, not the trimmed shared copies. */
function internet() {
  return new FakeDownloader({
    [LEGISLATORS]: fixtureFiles["congress-legislators/legislators-current.yaml"]!,
    [urlOf("congress-legislators/legislators-social-media.yaml")]: fixtureFiles["congress-legislators/legislators-social-media.yaml"]!,
    [urlOf("congress-legislators/legislators-district-offices.yaml")]: fixtureFiles["congress-legislators/legislators-district-offices.yaml"]!,
    [ZCCD]: fixtureFiles["zip-districts/zccd.csv"]!,
    [GAZETTEER]: makeZip([{ name: "2022_Gaz_zcta_national.txt", data: Buffer.from(fixtureGazetteerTsv) }]),
    [CITIES]: fixtureUpstreamZipCitiesCsv,
    [DISTRICT_SHAPES]: fixtureDistrictShapefileZip(),
  });
}

let testDb: TestDatabase;
let ctx: Ctx;
let sourcesDir: string;

beforeAll(async () => {
  testDb = await createTestDatabase("empty");
  ctx = { ...testDb.ctx, now: () => NOW };
});
afterAll(() => testDb.close());
beforeEach(async () => {
  if (sourcesDir) rmSync(sourcesDir, { recursive: true, force: true });
  sourcesDir = mkdtempSync(join(tmpdir(), "everybody-in-sources-"));
  await ctx.db.delete(datasets);
});

describe("updatePublicData without DATA_DIR", () => {
  it("downloads each file once into SOURCES_DIR and reads the project's own files from seed/", async () => {
    const downloader = internet();
    const events: ProgressEvent[] = [];
    const report = await updatePublicData({ ctx, input: { sourcesDir, downloader, onProgress: (e) => events.push(e) } });

    expect(report.datasets.map((d) => [d.key, d.outcome, d.source])).toEqual([
      ["states", "imported", "seed"],
      ["legislators", "imported", "download"],
      ["zip-districts", "imported", "download+seed"],
      ["zip-centroids", "imported", "download+seed"],
      ["zip-cities", "imported", "download"],
      ["groups", "imported", "seed"],
      ["bills", "imported", "seed"],
      ["district-shapes", "imported", "download+seed"],
    ]);
    // zccd.csv feeds two datasets but is fetched once.
    expect(downloader.urls.filter((url) => url === ZCCD)).toHaveLength(1);
    expect(downloader.urls).toHaveLength(7);
    for (const saved of ["congress-legislators/legislators-current.yaml", "zip-districts/zccd.csv", "zip-geo/2022_Gaz_zcta_national.zip", "zip-geo/us-zips.csv"]) {
      expect(existsSync(join(sourcesDir, saved)), saved).toBe(true);
    }
    expect(events).toContainEqual({ kind: "download", file: "zip-geo/us-zips.csv", receivedBytes: fixtureUpstreamZipCitiesCsv.length, totalBytes: fixtureUpstreamZipCitiesCsv.length });
    // The real seed has all 17 island-area ZCTAs.
    expect(report.datasets.find((d) => d.key === "zip-districts")?.rowCount).toBe(7 + 17);
  });

  it("derives the Gazetteer's states from the ZIP → district files and skips ZCTAs without one", async () => {
    const report = await updatePublicData({ ctx, input: { sourcesDir, downloader: internet(), only: ["zip-districts", "zip-centroids"] } });
    const centroids = report.datasets.find((d) => d.key === "zip-centroids")!;
    expect(centroids).toMatchObject({ outcome: "imported", rowCount: 4 });
    expect(centroids.warnings).toEqual([
      "zip-geo/2022_Gaz_zcta_national.zip/2022_Gaz_zcta_national.txt: 1 ZCTA(s) are in no ZIP → district file, so their state is unknown; skipped: 99999",
    ]);
    const rows = await ctx.db.select().from(zipCentroids).orderBy(asc(zipCentroids.zcta));
    expect(rows).toEqual([
      { zcta: "05001", latitude: 43.6706, longitude: -72.38, states: "VT" },
      { zcta: "20001", latitude: 38.9101, longitude: -77.0179, states: "DC" },
      { zcta: "89439", latitude: 39.5222, longitude: -120.018, states: "CA|NV" },
      { zcta: "96910", latitude: 13.4745, longitude: 144.7489, states: "GU" },
    ]);
    const row = (await ctx.db.select().from(datasets).where(eq(datasets.key, "zip-centroids")))[0];
    expect(row).toMatchObject({ version: expect.stringContaining("Census 2022 Gazetteer"), asOf: "2022" });
  });

  it("reads the district outlines from the Census shapefile download, unsimplified", async () => {
    const report = await updatePublicData({ ctx, input: { sourcesDir, downloader: internet(), only: ["district-shapes"] } });
    expect(report.datasets[0]).toMatchObject({ outcome: "imported", rowCount: 5, source: "download+seed" });
    const rows = await ctx.db.select().from(districtShapes).orderBy(asc(districtShapes.state), asc(districtShapes.district));
    expect(rows.map((r) => `${r.state}-${r.district} ${r.geoid}`)).toEqual(["CA-37 0637", "DC-0 1198", "GU-0 6698", "NV-2 3202", "VT-0 5000"]);
    // Clockwise, as the shapefile stores outer rings.
    expect(rows.find((r) => r.state === "VT")!.polygons).toEqual([[[-73.4, 42.7, -73.4, 45, -71.5, 45, -71.5, 42.7, -73.4, 42.7]]]);
    const row = (await ctx.db.select().from(datasets).where(eq(datasets.key, "district-shapes")))[0];
    expect(row).toMatchObject({ version: "Census cb_2024_us_cd119_500k (119th Congress), unsimplified", asOf: "2026-11-01" });
  });

  it("reads the upstream ZIP city file by column name and dates unknown versions by the download", async () => {
    await updatePublicData({ ctx, input: { sourcesDir, downloader: internet(), only: ["zip-cities"] } });
    expect(await ctx.db.select().from(zipCities).orderBy(asc(zipCities.zip))).toEqual([
      { zip: "05001", city: "White River Junction", state: "VT", county: "Windsor" },
      { zip: "05401", city: "Burlington", state: "VT", county: "Chittenden" },
    ]);
    const row = (await ctx.db.select().from(datasets).where(eq(datasets.key, "zip-cities")))[0];
    expect(row).toMatchObject({ asOf: "2026-11-01", version: expect.stringMatching(/^sha256 /) });
  });

  it("says which file and URL failed when offline, and what to do, while seed datasets still import", async () => {
    const report = await updatePublicData({ ctx, input: { sourcesDir, downloader: new FakeDownloader() } });
    const byKey = Object.fromEntries(report.datasets.map((d) => [d.key, d]));
    expect(byKey.legislators?.error).toBe(
      `congress-legislators/legislators-current.yaml: could not download ${LEGISLATORS} (getaddrinfo ENOTFOUND (fake: no response configured)). ` +
        "This machine may be offline: retry `npm run data:update` when it is online, or set DATA_DIR to a folder that holds the public data files.",
    );
    expect(byKey["zip-centroids"]?.error).toContain(`zip-geo/2022_Gaz_zcta_national.zip: could not download ${GAZETTEER}`);
    expect(report.datasets.filter((d) => d.outcome === "failed").map((d) => d.key)).toEqual(["legislators", "zip-districts", "zip-centroids", "zip-cities", "district-shapes"]);
    expect(report.datasets.filter((d) => d.outcome === "imported").map((d) => d.key)).toEqual(["states", "groups", "bills"]);
    expect(existsSync(join(sourcesDir, "zip-districts/zccd.csv"))).toBe(false);
  });

  it("points at the catalogue when a URL answers with an HTTP error", async () => {
    const downloader = internet();
    downloader.set(CITIES, { status: 404 });
    const report = await updatePublicData({ ctx, input: { sourcesDir, downloader, only: ["zip-cities"] } });
    expect(report.datasets[0]?.error).toBe(
      `zip-geo/us-zips.csv: could not download ${CITIES} (the server answered HTTP 404). The file may have moved: check ` +
        "https://github.com/ReadyAPIs-com/curated-us-zips and update the URL in src/domain/public-data/catalogue.ts, or set DATA_DIR to a folder that holds the public data files.",
    );
  });

  it("refuses a Gazetteer download that is not a zip archive", async () => {
    const before = await ctx.db.select().from(zipCentroids);
    const downloader = internet();
    downloader.set(GAZETTEER, "<html>Service Unavailable</html>");
    const report = await updatePublicData({ ctx, input: { sourcesDir, downloader, only: ["zip-centroids"] } });
    expect(report.datasets[0]).toMatchObject({
      outcome: "failed",
      error: "zip-geo/2022_Gaz_zcta_national.zip: not a readable .zip archive (no end-of-archive record); delete it and download it again",
    });
    expect(await ctx.db.select().from(zipCentroids)).toEqual(before);
  });
});
