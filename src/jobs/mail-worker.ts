import type { Logger } from "pino";
import { createRenderCache } from "../domain/broadcasts/render-broadcast-mail.js";
import { sendQueuedMail, type SenderCtx } from "../domain/mail/send-queued-mail.js";
import { queues } from "./queue.js";

export interface MailWorkerOptions {
  /** Jobs taken off the queue per fetch. */
  batchSize?: number;
  /** Messages of a batch in flight at once (SMTP connections are pooled to the same number). */
  concurrency?: number;
  /** How often an idle worker looks for new jobs (pg-boss allows 0.5 s at the least). */
  pollingIntervalSeconds?: number;
}

export interface MailWorker {
  /**
   * Stop starting messages: the ones in flight finish, the rest of the batch goes back to the
   * queue for the next process. Call before stopping the queue, so the stop is prompt even
   * when the rate gate spreads a batch over minutes.
   */
  drain(): void;
}

/** What a batch may hold in flight: with pooled SMTP, one message per connection. */
export const DEFAULT_MAIL_CONCURRENCY = 4;

/**
 * A batch must finish well inside the queue's expireInSeconds (120 s): pg-boss gives up on a
 * slower one and hands its jobs to another run while this one is still sending them. With the
 * rate gate, a batch of n takes about n / ratePerSecond seconds; aim for 30.
 */
export function batchSizeFor(ratePerSecond: number): number {
  return Math.max(1, Math.min(100, Math.floor(ratePerSecond * 30)));
}

/**
 * Take mail jobs off the queue and send them, a few at a time. An unexpected error (the
 * database went away) fails the whole batch so pg-boss retries it; messages that did go out are
 * "sent" by then and are not sent again.
 */
export async function startMailWorker(ctx: SenderCtx, logger: Logger, options: MailWorkerOptions = {}): Promise<MailWorker> {
  const concurrency = options.concurrency ?? DEFAULT_MAIL_CONCURRENCY;
  let draining = false;
  await ctx.jobs.work<{ messageId: number }>(
    queues.sendMail,
    { batchSize: options.batchSize ?? 100, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 0.5 },
    async (jobs) => {
      // One broadcast row and one set of list labels serve the whole batch rather than each message.
      const cache = createRenderCache(jobs.map((job) => job.data.messageId));
      let next = 0;
      const lane = async () => {
        while (next < jobs.length && !draining) {
          const job = jobs[next++]!;
          const outcome = await sendQueuedMail({ ctx, input: { messageId: job.data.messageId, cache } });
          if (outcome === "failed") logger.warn({ messageId: job.data.messageId }, "mail delivery failed for good");
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, lane));
      // Failing the batch puts every job of it back; those already sent are skipped next time.
      if (next < jobs.length) throw new Error(`mail worker stopping: ${jobs.length - next} message(s) left for the next run`);
    },
  );
  return {
    drain() {
      draining = true;
    },
  };
}
