import PgBoss from "pg-boss";
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
    // A worker killed mid-send leaves its job "active"; after this it is retried.
    expireInSeconds: 120,
    retentionDays: 7,
  },
};

export async function startJobQueue(database: Database, options: { onError?: (error: Error) => void } = {}): Promise<JobQueue> {
  const boss = new PgBoss({
    ...database.jobsConnection,
    // Maintenance and scheduling poll the database; slow enough not to matter, fast enough to recover expired jobs.
    maintenanceIntervalSeconds: 30,
  } as PgBoss.ConstructorOptions);
  boss.on("error", (error) => options.onError?.(error));
  await boss.start();
  for (const settings of Object.values(queueSettings)) {
    await boss.createQueue(settings.name, settings);
  }

  return {
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
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000, wait: true, close: true });
    },
  };
}
