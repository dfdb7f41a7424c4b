import type { Db } from "../db/client.js";
import type { ReadCache } from "../db/read-cache.js";
import type { JobQueue } from "../jobs/queue.js";

/** What every domain action may use. Built once per process (or per test) and passed in. */
export interface Ctx {
  db: Db;
  cache: ReadCache;
  now: () => Date;
}

/** Run `fn` in a transaction, reusing the caller's when `ctx.db` already is one. */
export async function withTransaction<C extends Ctx, T>(ctx: C, fn: (tx: C) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => fn({ ...ctx, db: tx as unknown as Db }));
}

/** What actions that send e-mail need on top of Ctx. */
export interface MailSettings {
  /** "Everybody In <updates@example.org>" */
  from: string;
  replyTo: string | undefined;
  /** Base of every link in a message, e.g. https://everybodyin.example (no trailing slash). */
  publicUrl: string;
  /** Signs unsubscribe and preference links. */
  secretKey: string;
  /** Mailbox named in List-Unsubscribe for mail apps that unsubscribe by e-mail. */
  unsubscribeMailbox: string | undefined;
}

export interface MailCtx extends Ctx {
  jobs: JobQueue;
  mail: MailSettings;
}
