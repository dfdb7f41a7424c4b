import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { openDatabase, type Database } from "../../src/db/client.js";
import { ReadCache } from "../../src/db/read-cache.js";
import type { Ctx } from "../../src/domain/context.js";
import { withDatabase } from "../setup/global-setup.js";

export type Template = "empty" | "loaded";

export interface TestDatabase {
  database: Database;
  ctx: Ctx;
  /** Connection URL when running on PostgreSQL (for tests that start a second process). */
  url: string | undefined;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database of its own for one test file: "empty" has the schema only,
 * "loaded" also holds the real public data. Nothing another test wrote is ever visible.
 */
export async function createTestDatabase(template: Template = "empty"): Promise<TestDatabase> {
  const target = inject("testDatabase");
  if (target.kind === "pglite") {
    const dump = readFileSync(target.templates[template]);
    const database = await openDatabase({ kind: "pglite-memory", loadDataDir: new Blob([dump]) });
    return finish(database, undefined, async () => {});
  }
  const name = `${target.runId}_${randomBytes(4).toString("hex")}`;
  await adminQuery(target.url, `CREATE DATABASE ${name} TEMPLATE ${target.templates[template]}`);
  const url = withDatabase(target.url, name);
  const database = await openDatabase({ kind: "postgres", url, poolSize: 4 });
  return finish(database, url, () => adminQuery(target.url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

async function finish(database: Database, url: string | undefined, drop: () => Promise<void>): Promise<TestDatabase> {
  const cache = await ReadCache.connect(database);
  const ctx: Ctx = { db: database.db, cache, now: () => new Date() };
  return {
    database,
    ctx,
    url,
    async close() {
      await cache.close();
      await database.close();
      await drop();
    },
  };
}

async function adminQuery(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Several test files create databases from one template at once; PostgreSQL refuses
    // a copy while another copy of the same template is in progress, so retry briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(text);
        return;
      } catch (error) {
        if (attempt >= 20 || !String((error as Error).message).includes("is being accessed by other users")) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await client.end();
  }
}
