import type { JobQueue } from "./queue.js";

/**
 * A JobQueue usable before the real one has started: each call waits for it. Lets the server
 * listen while pg-boss is still checking its schema, so start-up is not held up by it.
 */
export function deferredJobQueue(ready: Promise<JobQueue>): JobQueue {
  return {
    send: async (...args) => (await ready).send(...args),
    insert: async (...args) => (await ready).insert(...args),
    work: async (...args) => (await ready).work(...args),
    waiting: async (...args) => (await ready).waiting(...args),
    unfinished: async (...args) => (await ready).unfinished(...args),
    // Only the started queue knows what it took back; start-up logs it from there.
    recovered: 0,
    stop: async () => (await ready).stop(),
  };
}
