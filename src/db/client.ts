import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema/index.js";
import { acquireDirectoryLock, type DirectoryLock } from "./directory-lock.js";

export type Schema = typeof schema;
/** The one Drizzle type the rest of the app sees, whichever engine is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type NotificationHandler = (payload: string) => void;

export interface Database {
  readonly kind: "pglite" | "postgres";
  readonly db: Db;
  /** Resolve when the database answers a trivial query within `timeoutMs`; reject otherwise. */
  ping(timeoutMs?: number): Promise<void>;
  /** Subscribe to a PostgreSQL NOTIFY channel. Returns an unsubscribe function. */
  listen(channel: string, handler: NotificationHandler): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
  /** Run `fn` while holding a cluster-wide mutex (a PostgreSQL advisory lock; trivial on PGlite). */
  withAdvisoryLock<T>(lockId: number, fn: () => Promise<T>): Promise<T>;
  /** How pg-boss should reach this database: its own pool on PostgreSQL, this very instance on PGlite. */
  readonly jobsConnection: { connectionString: string; max: number } | { db: SqlExecutor };
  /** PGlite only: the whole data directory as a tarball (tests copy migrated templates this way). */
  dumpDataDir?: () => Promise<Blob>;
  close(): Promise<void>;
}

export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * Raw parameterised SQL on whatever `db` is, including an open transaction, so that work
 * queued with pg-boss commits or rolls back together with the rows that caused it.
 * Drizzle keeps the driver client (a pg Pool/PoolClient, or a PGlite instance/transaction) on
 * its session; both answer `query(text, values)` with `{ rows }`.
 */
export function sqlExecutor(db: Db): SqlExecutor {
  const client = (db as unknown as { session: { client: { query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> } } })
    .session.client;
  return { executeSql: (text, values) => client.query(text, values ?? []) };
}

export type DatabaseTarget =
  | { kind: "pglite"; dir: string }
  | { kind: "pglite-memory"; loadDataDir?: Blob }
  | { kind: "postgres"; url: string; poolSize?: number };

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === "postgres") {
    // Loaded only when used: the embedded default should not pay for the pg driver at start-up.
    const { openPostgres } = await import("./postgres.js");
    return openPostgres(target.url, target.poolSize ?? 10);
  }
  if (target.kind === "pglite-memory") {
    const client = await PGlite.create(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {});
    return wrapPglite(client, undefined);
  }
  mkdirSync(target.dir, { recursive: true });
  // PGlite has no server to arbitrate: two processes on one directory silently lose writes.
  const lock = acquireDirectoryLock(target.dir);
  try {
    const client = await PGlite.create({ dataDir: target.dir });
    return wrapPglite(client, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

function wrapPglite(client: PGlite, lock: DirectoryLock | undefined): Database {
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  let closed = false;
  return {
    kind: "pglite",
    db,
    jobsConnection: {
      db: {
        // pg-boss sends its schema migrations as one parameterless multi-statement string,
        // which only PGlite's exec() accepts.
        async executeSql(text, values) {
          if (values && values.length > 0) return client.query(text, values);
          const results = await client.exec(text);
          return { rows: results.at(-1)?.rows ?? [] };
        },
      },
    },
    async ping(timeoutMs = 2000) {
      if (closed) throw new Error("database is closed");
      await withTimeout(client.query("select 1"), timeoutMs);
    },
    async listen(channel, handler) {
      const unlisten = await client.listen(channel, handler);
      return async () => {
        if (!closed) await unlisten();
      };
    },
    async notify(channel, payload) {
      await client.query("select pg_notify($1, $2)", [channel, payload]);
    },
    // One process owns a PGlite directory, so there is nobody to exclude.
    withAdvisoryLock: (_lockId, fn) => fn(),
    dumpDataDir: async () => {
      // PGlite commits without waiting for the write-ahead log, so the last transactions may not
      // be in the files yet; a checkpoint writes them out before the files are copied.
      await client.exec("checkpoint");
      return (await client.dumpDataDir("none")) as Blob;
    },
    async close() {
      if (closed) return;
      closed = true;
      await client.close();
      lock?.release();
    },
  };
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** Raw `sql` counts are numbers on PGlite and strings on node-postgres: read them through this. */
export function toCount(value: unknown): number {
  const n = typeof value === "bigint" ? Number(value) : Number(value ?? 0);
  if (!Number.isFinite(n)) throw new Error(`not a count: ${String(value)}`);
  return n;
}
