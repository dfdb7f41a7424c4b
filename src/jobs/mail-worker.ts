import type { Logger } from "pino";
import { sendQueuedMail, type SenderCtx } from "../domain/mail/send-queued-mail.js";
import { queues } from "./queue.js";

/**
 * Take mail jobs off the queue and send them, a few at a time. An unexpected error (the
 * database went away) fails the whole batch so pg-boss retries it; messages that did go out are
 * "sent" by then and are not sent again.
 */
export async function startMailWorker(ctx: SenderCtx, logger: Logger, options: { batchSize?: number; concurrency?: number } = {}) {
  const concurrency = options.concurrency ?? 4;
  await ctx.jobs.work<{ messageId: number }>(
    queues.sendMail,
    { batchSize: options.batchSize ?? 100, pollingIntervalSeconds: 0.5 },
    async (jobs) => {
      let next = 0;
      const lane = async () => {
        while (next < jobs.length) {
          const job = jobs[next++]!;
          const outcome = await sendQueuedMail({ ctx, input: { messageId: job.data.messageId } });
          if (outcome === "failed") logger.warn({ messageId: job.data.messageId }, "mail delivery failed for good");
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, lane));
    },
  );
}
