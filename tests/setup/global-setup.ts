import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase, type Database } from "../../src/db/client.js";
import { migrateDatabase } from "../../src/db/migrate.js";
import { loadPublicDataForTests } from "./load-public-data.js";

/**
 * Runs once per `vitest run`: builds two migrated template databases, "empty" and "loaded"
 * (with the real public data from DATA_DIR), so each test file can start from a fresh copy in
 * well under a second instead of migrating and importing on its own.
 *
 * With TEST_DATABASE_URL the templates are real PostgreSQL databases (copied with
 * CREATE DATABASE … TEMPLATE); without it they are PGlite data-directory dumps.
 */
export default async function setup(project: TestProject) {
  const dataDir = resolve(process.env.DATA_DIR ?? "../shared/data");
  if (!existsSync(join(dataDir, "congress-legislators"))) {
    throw new Error(`Tests need the public data: set DATA_DIR to the shared data folder (tried ${dataDir}).`);
  }
  project.provide("dataDir", dataDir);
  const url = process.env.TEST_DATABASE_URL;
  return url ? setupPostgres(project, url, dataDir) : setupPglite(project, dataDir);
}

async function setupPglite(project: TestProject, dataDir: string) {
  const dir = mkdtempSync(join(tmpdir(), "everybody-in-test-"));
  const empty = await openDatabase({ kind: "pglite-memory" });
  await migrateDatabase(empty);
  const emptyFile = join(dir, "empty.tar");
  await dump(empty, emptyFile);
  await loadPublicDataForTests(empty, dataDir);
  const loadedFile = join(dir, "loaded.tar");
  await dump(empty, loadedFile);
  await empty.close();

  project.provide("testDatabase", { kind: "pglite", templates: { empty: emptyFile, loaded: loadedFile } });
  return () => rmSync(dir, { recursive: true, force: true });
}

async function dump(database: Database, file: string) {
  const blob = await database.dumpDataDir!();
  writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
}

async function setupPostgres(project: TestProject, url: string, dataDir: string) {
  const runId = `ei_t${process.pid}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await dropAbandonedDatabases(admin);
  const names = { empty: `${runId}_empty`, loaded: `${runId}_loaded` };

  await admin.query(`CREATE DATABASE ${names.empty}`);
  const empty = await openDatabase({ kind: "postgres", url: withDatabase(url, names.empty), poolSize: 2 });
  await migrateDatabase(empty);
  await empty.close();

  await admin.query(`CREATE DATABASE ${names.loaded} TEMPLATE ${names.empty}`);
  const loaded = await openDatabase({ kind: "postgres", url: withDatabase(url, names.loaded), poolSize: 2 });
  await loadPublicDataForTests(loaded, dataDir);
  await loaded.close();

  project.provide("testDatabase", { kind: "postgres", url, runId, templates: names });
  return async () => {
    const { rows } = await admin.query<{ datname: string }>("select datname from pg_database where datname like $1", [`${runId}%`]);
    for (const row of rows) await admin.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
    await admin.end();
  };
}

/** Databases left by a run that was killed before its teardown: their pid is gone. */
async function dropAbandonedDatabases(admin: pg.Client) {
  const { rows } = await admin.query<{ datname: string }>("select datname from pg_database where datname ~ '^ei_t[0-9]+_'");
  for (const { datname } of rows) {
    const pid = Number(/^ei_t(\d+)_/.exec(datname)?.[1]);
    if (!isAlive(pid)) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`).catch(() => {});
  }
}

/** Whether a process with this pid is running on this machine. */
export function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function withDatabase(url: string, name: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

declare module "vitest" {
  export interface ProvidedContext {
    dataDir: string;
    testDatabase:
      | { kind: "pglite"; templates: { empty: string; loaded: string } }
      | { kind: "postgres"; url: string; runId: string; templates: { empty: string; loaded: string } };
  }
}
