import { cpSync, existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { count, eq } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { afterEach, describe, expect, inject, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/client.js";
import * as schema from "../../src/db/schema/index.js";
import { datasetCatalogue, type DatasetKey } from "../../src/domain/public-data/catalogue.js";
import { createTestDatabase } from "../support/test-database.js";
import { killAll, removeScratch, scratchDir, startApp, within } from "./app-process.js";

/**
 * `kill -9` (or a power cut, or the OOM killer) in the middle of the first start's import.
 * Each dataset is imported in one transaction together with its `datasets` row, so after the
 * crash every dataset must be either complete or absent, and the next start must take over
 * the dead process's lock, import what is missing and end with the same data as a clean import.
 */
const onPglite = inject("testDatabase").kind === "pglite";

/** The table whose rows a dataset's `datasets.row_count` counts (see src/domain/public-data/datasets/). */
const countedTable: Record<DatasetKey, PgTable> = {
  states: schema.states,
  legislators: schema.members,
  "zip-districts": schema.zipDistricts,
  "zip-centroids": schema.zipCentroids,
  "zip-cities": schema.zipCities,
  groups: schema.groups,
  bills: schema.billCosponsors,
  "district-shapes": schema.districtShapes,
};
/** Every table the import writes, each compared with a clean import. */
const importTables = {
  states: schema.states,
  members: schema.members,
  member_offices: schema.memberOffices,
  zip_districts: schema.zipDistricts,
  zip_centroids: schema.zipCentroids,
  zip_cities: schema.zipCities,
  groups: schema.groups,
  bills: schema.bills,
  bill_cosponsors: schema.billCosponsors,
  district_shapes: schema.districtShapes,
};

interface DataState {
  /** datasets.row_count by dataset key, for the datasets that are recorded as imported. */
  recorded: Partial<Record<DatasetKey, number>>;
  /** Rows in each table the import writes. */
  tables: Record<keyof typeof importTables, number>;
  /** Rows in each dataset's counted table. */
  counted: Record<DatasetKey, number>;
}

async function dataState(database: Database): Promise<DataState> {
  const { db } = database;
  const rows = await db.select({ key: schema.datasets.key, rowCount: schema.datasets.rowCount }).from(schema.datasets);
  const recorded = Object.fromEntries(rows.map((row) => [row.key, row.rowCount])) as DataState["recorded"];
  const n = async (table: PgTable) => (await db.select({ n: count() }).from(table))[0]?.n ?? 0;
  const tables = {} as DataState["tables"];
  for (const [name, table] of Object.entries(importTables)) tables[name as keyof typeof importTables] = await n(table);
  const counted = {} as DataState["counted"];
  for (const [key, table] of Object.entries(countedTable)) counted[key as DatasetKey] = await n(table);
  return { recorded, tables, counted };
}

let dir: string | undefined;
afterEach(async () => {
  await killAll();
  removeScratch(dir);
  dir = undefined;
});

describe.runIf(onPglite)("SIGKILL during the first import", () => {
  it(
    "leaves each dataset complete or absent; the next start takes over the stale lock and completes the import",
    { timeout: 420_000 },
    async () => {
      // What a clean import of the same files holds (the "loaded" test template).
      const clean = await createTestDatabase("loaded");
      const expected = await dataState(clean.database);
      await clean.close();
      expect(Object.keys(expected.recorded).sort()).toEqual(datasetCatalogue.map((e) => e.key).sort());

      dir = scratchDir();
      const dbDir = join(dir, "db");
      const lockFile = join(dbDir, "everybody-in.lock");
      const env = { DB_DIR: dbDir, DATA_DIR: inject("dataDir") };

      // Crash right after the first batch of ZIP → district rows is written: that dataset's
      // transaction is open, the datasets before it are committed, the ones after not begun.
      // The app kills itself at that line (kill-on-log.cjs): a kill sent by this process on
      // reading the line would arrive late, with the import already further on.
      const crashPoint = { msg: "import batch written", dataset: "zip-districts" };
      const first = startApp(
        { ...env, LOG_LEVEL: "debug", EI_TEST_KILL_ON_LOG: JSON.stringify(crashPoint) },
        { require: [join(import.meta.dirname, "kill-on-log.cjs")] },
      );
      // If the import no longer reaches that line the app would start serving: fail, don't wait.
      const ended = await within(Promise.race([first.exited, first.listening.then(() => "listening")]), 180_000, "the crash");
      expect(ended).toEqual({ code: null, signal: "SIGKILL" });
      expect(first.logs.at(-1)).toMatchObject(crashPoint);
      expect(first.logs.some((line) => line.msg.includes("listening"))).toBe(false);
      // The dead process's lock is still there.
      expect(JSON.parse(readFileSync(lockFile, "utf8")).pid).toBe(first.pid);

      // Inspect what the crash left in a copy, so the restart below still meets the stale lock.
      const copy = join(dir, "after-crash");
      cpSync(dbDir, copy, { recursive: true });
      rmSync(join(copy, "everybody-in.lock"));
      const crashed = await openDatabase({ kind: "pglite", dir: copy });
      const afterCrash = await dataState(crashed);
      await crashed.close();
      const imported = Object.keys(afterCrash.recorded).sort();
      expect(imported).toEqual(["legislators", "states"]);
      for (const key of imported as DatasetKey[]) {
        expect(afterCrash.recorded[key], `${key}: recorded row count`).toBe(expected.recorded[key]);
        expect(afterCrash.counted[key], `${key}: rows in its table`).toBe(expected.recorded[key]);
      }
      // The transaction in flight left nothing behind.
      expect(afterCrash.counted["zip-districts"]).toBe(0);
      expect(afterCrash.tables.member_offices).toBe(expected.tables.member_offices);

      // Start again: the stale lock is taken over, the missing datasets (and only those) imported.
      const second = startApp(env);
      await within(second.listening, 180_000, "restart after the crash");
      expect(JSON.parse(readFileSync(lockFile, "utf8")).pid).toBe(second.pid);
      const missing = second.logs.find((line) => line.msg.includes("public data missing"))?.missing;
      expect(missing).toEqual(datasetCatalogue.map((e) => e.key).filter((key) => !imported.includes(key)));

      second.kill("SIGTERM");
      expect((await within(second.exited, 20_000, "stop")).code).toBe(0);
      expect(existsSync(lockFile)).toBe(false);

      const final = await openDatabase({ kind: "pglite", dir: dbDir });
      try {
        const state = await dataState(final);
        expect(state.recorded).toEqual(expected.recorded);
        for (const { key } of datasetCatalogue) expect(state.counted[key], `${key}: rows in its table`).toBe(state.recorded[key]);
        expect(state.tables).toEqual(expected.tables);
        const [member] = await final.db.select({ n: count() }).from(schema.members).where(eq(schema.members.chamber, "senate"));
        expect(member?.n).toBe(100);
      } finally {
        await final.close();
      }
    },
  );
});
