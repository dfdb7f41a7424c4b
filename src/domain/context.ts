import type { Db } from "../db/client.js";
import type { ReadCache } from "../db/read-cache.js";

/** What every domain action may use. Built once per process (or per test) and passed in. */
export interface Ctx {
  db: Db;
  cache: ReadCache;
  now: () => Date;
}

/** Run `fn` in a transaction, reusing the caller's when `ctx.db` already is one. */
export async function withTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => fn({ ...ctx, db: tx as unknown as Db }));
}
