import type { JobQueue, QueueName } from "./queue.js";

/**
 * An inspectable stand-in for pg-boss: records what was queued and runs nothing. Tests that
 * need delivery call the job's action themselves (or use the real queue).
 */
export interface FakeJobQueue extends JobQueue {
  readonly sent: { queue: QueueName; data: object; startAfterSeconds?: number }[];
}

export function fakeJobQueue(): FakeJobQueue {
  const sent: FakeJobQueue["sent"] = [];
  return {
    sent,
    recovered: 0,
    async send(queue, data, options = {}) {
      sent.push({ queue, data, ...(options.startAfterSeconds ? { startAfterSeconds: options.startAfterSeconds } : {}) });
    },
    async insert(queue, items) {
      for (const data of items) sent.push({ queue, data });
    },
    async work() {},
    async waiting(queue) {
      return sent.filter((job) => job.queue === queue).length;
    },
    async unfinished(queue) {
      return sent.filter((job) => job.queue === queue).length;
    },
    async stop() {},
  };
}
