import PgBoss from "pg-boss";
import pg from "pg";
import { sqlExecutor, type Database, type Db } from "../db/client.js";

/**
 * The job queue (pg-boss 10) on the app's own database: on PostgreSQL through a small pool of
 * its own, on PGlite in-process. Jobs survive restarts; a job whose worker died is retried.
 */
export interface JobQueue {
  /** Queue a job. Pass `db` (a transaction) to commit the job together with the rows it is about. */
  send(queue: QueueName, data: object, options?: { db?: Db; singletonKey?: string; startAfterSeconds?: number }): Promise<void>;
  /** Queue many jobs in one statement (e.g. one per broadcast recipient). */
  insert(queue: QueueName, items: object[], options?: { db?: Db }): Promise<void>;
  work<T>(queue: QueueName, options: { batchSize: number; pollingIntervalSeconds?: number }, handler: (jobs: { id: string; data: T }[]) => Promise<void>): Promise<void>;
  /** Counts of jobs waiting (created or retry) in a queue. */
  waiting(queue: QueueName): Promise<number>;
  /** Jobs not finished yet: waiting, or being worked on right now. */
  unfinished(queue: QueueName): Promise<number>;
  /**
   * Jobs taken by a process that died before finishing them, put back in the queue when this
   * process started (see startJobQueue). 0 when another worker was alive and they were left to expire.
   */
  readonly recovered: number;
  stop(): Promise<void>;
}

export const queues = {
  /** Send one mail_messages row. */
  sendMail: "mail-send",
} as const;
export type QueueName = (typeof queues)[keyof typeof queues];

const queueSettings: Record<QueueName, PgBoss.Queue> = {
  [queues.sendMail]: {
    name: queues.sendMail,
    retryLimit: 8,
    retryDelay: 5,
    retryBackoff: true,
    // A worker killed mid-send leaves its job "active"; unless the next process to start is
    // the only worker (see recoverOrphanedJobs), it is retried after this.
    expireInSeconds: 120,
    retentionDays: 7,
  },
};

/** pg-boss's default schema; the recovery below writes to its job table directly. */
const BOSS_SCHEMA = "pgboss";

/**
 * Held (shared) by every process that works jobs, on PostgreSQL. Whoever can take it
 * exclusively knows no other worker is alive. Next to the migration lock id (7_314_159).
 */
const WORKER_PRESENCE_LOCK_ID = 7_314_160;

export async function startJobQueue(database: Database, options: { onError?: (error: Error) => void } = {}): Promise<JobQueue> {
  const onError = (error: Error) => options.onError?.(error);
  const boss = new PgBoss({
    ...database.jobsConnection,
    // Maintenance and scheduling poll the database; slow enough not to matter, fast enough to recover expired jobs.
    maintenanceIntervalSeconds: 30,
  } as PgBoss.ConstructorOptions);
  boss.on("error", onError);
  await boss.start();
  for (const settings of Object.values(queueSettings)) {
    await boss.createQueue(settings.name, settings);
  }

  let presence: WorkerPresence;
  try {
    presence = await announceWorker(database, onError);
  } catch (error) {
    await boss.stop({ graceful: false, close: true, wait: true });
    throw error;
  }
  let recovered = 0;
  try {
    if (presence.alone) recovered = await recoverOrphanedJobs(boss);
  } finally {
    await presence.settle();
  }

  return {
    recovered,
    async send(queue, data, opts = {}) {
      await boss.send(queue, data, {
        ...(opts.singletonKey ? { singletonKey: opts.singletonKey } : {}),
        ...(opts.startAfterSeconds ? { startAfter: opts.startAfterSeconds } : {}),
        ...(opts.db ? { db: sqlExecutor(opts.db) as PgBoss.Db } : {}),
      });
    },
    async insert(queue, items, opts = {}) {
      if (items.length === 0) return;
      await boss.insert(
        items.map((data) => ({ name: queue, data })),
        opts.db ? { db: sqlExecutor(opts.db) as PgBoss.Db } : {},
      );
    },
    async work(queue, workOptions, handler) {
      await boss.work(queue, { batchSize: workOptions.batchSize, pollingIntervalSeconds: workOptions.pollingIntervalSeconds ?? 1 }, (jobs) =>
        handler(jobs.map((job) => ({ id: job.id, data: job.data as never }))),
      );
    },
    async waiting(queue) {
      return boss.getQueueSize(queue);
    },
    async unfinished(queue) {
      return boss.getQueueSize(queue, { before: "completed" });
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000, wait: true, close: true });
      await presence.release();
    },
  };
}

/**
 * pg-boss only learns that a worker died when the jobs it held expire (expireInSeconds, then
 * the next maintenance run): minutes of a broadcast standing still after a crash. When this
 * process is provably the only worker, every "active" job is an orphan, and goes straight
 * back to the queue. Messages it had sent but not yet marked sent go out again: the mail
 * design (docs/decisions/0008) bounds and labels those resends.
 */
async function recoverOrphanedJobs(boss: PgBoss): Promise<number> {
  const { rows } = (await boss.getDb().executeSql(
    `with orphans as (
       update ${BOSS_SCHEMA}.job set state = 'retry', start_after = now()
       where name = any($1::text[]) and state = 'active'
       returning 1)
     select count(*)::int as n from orphans`,
    [Object.keys(queueSettings)],
  )) as { rows: { n: number }[] };
  return Number(rows[0]?.n ?? 0);
}

interface WorkerPresence {
  /** No other process can be working jobs on this database right now. */
  alone: boolean;
  /** Done recovering: from here on only announce presence, so others know we are alive. */
  settle(): Promise<void>;
  release(): Promise<void>;
}

async function announceWorker(database: Database, onError: (error: Error) => void): Promise<WorkerPresence> {
  // The directory lock already makes this process PGlite's only user.
  if (database.kind === "pglite" || !("connectionString" in database.jobsConnection)) {
    return { alone: true, settle: async () => {}, release: async () => {} };
  }
  const url = database.jobsConnection.connectionString;
  let client: pg.Client | undefined;
  let released = false;
  let retry: NodeJS.Timeout | undefined;

  // A connection of its own, held for the life of the process: if the process dies, the
  // connection closes and PostgreSQL drops the lock, which is exactly the signal we want.
  const connect = async () => {
    const c = new pg.Client({ connectionString: url, application_name: "everybody-in job worker" });
    c.on("error", (error) => {
      onError(new Error(`job worker presence connection lost (${error.message}); reconnecting`));
      if (client === c) client = undefined;
      reconnectSoon();
    });
    await c.connect();
    return c;
  };
  const reconnectSoon = () => {
    if (released || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void (async () => {
        try {
          const c = await connect();
          await c.query("select pg_advisory_lock_shared($1)", [WORKER_PRESENCE_LOCK_ID]);
          if (released) await c.end();
          else client = c;
        } catch {
          reconnectSoon();
        }
      })();
    }, 5_000);
    retry.unref();
  };

  client = await connect();
  const { rows } = await client.query<{ alone: boolean }>("select pg_try_advisory_lock($1) as alone", [WORKER_PRESENCE_LOCK_ID]);
  const alone = rows[0]?.alone === true;
  return {
    alone,
    async settle() {
      // Shared first, then drop the exclusive hold: there is no moment without our presence.
      await client!.query("select pg_advisory_lock_shared($1)", [WORKER_PRESENCE_LOCK_ID]);
      if (alone) await client!.query("select pg_advisory_unlock($1)", [WORKER_PRESENCE_LOCK_ID]);
    },
    async release() {
      released = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => {});
      client = undefined;
    },
  };
}
