import { parseConfig } from "../../src/config.js";
import { mailSettings } from "../../src/boot.js";
import type { SenderCtx } from "../../src/domain/mail/send-queued-mail.js";
import { sendQueuedMail } from "../../src/domain/mail/send-queued-mail.js";
import { memoryTransport, type MemoryTransport } from "../../src/integrations/mail/memory-transport.js";
import { fakeJobQueue, type FakeJobQueue } from "../../src/jobs/fake-queue.js";
import { queues } from "../../src/jobs/queue.js";
import { createTestDatabase, type Template, type TestDatabase } from "./test-database.js";

export interface MailTestContext extends TestDatabase {
  ctx: SenderCtx;
  jobs: FakeJobQueue;
  transport: MemoryTransport;
  /** Run every queued mail job once (as the worker would), in order; returns how many ran. */
  deliver(): Promise<number>;
  /** Move the clock: `now()` returns this date from here on. */
  setNow(date: Date): void;
}

/** A fresh database with a recording job queue and an in-memory mail transport. */
export async function createMailTestContext(template: Template = "loaded"): Promise<MailTestContext> {
  const testDb = await createTestDatabase(template);
  const jobs = fakeJobQueue();
  const transport = memoryTransport();
  let now: Date | undefined;
  const config = parseConfig({ NODE_ENV: "test", PUBLIC_URL: "https://everybody.test", MAIL_FROM: "Everybody In <updates@everybody.test>", MAIL_UNSUBSCRIBE_ADDRESS: "unsubscribe@everybody.test" });
  const ctx: SenderCtx = {
    ...testDb.ctx,
    now: () => now ?? new Date(),
    jobs,
    mail: mailSettings(config),
    transport,
    gate: { take: async () => {} },
  };
  let delivered = 0;
  return {
    ...testDb,
    ctx,
    jobs,
    transport,
    setNow(date) {
      now = date;
    },
    async deliver() {
      let ran = 0;
      while (delivered < jobs.sent.length) {
        const job = jobs.sent[delivered++]!;
        if (job.queue !== queues.sendMail) continue;
        await sendQueuedMail({ ctx, input: job.data as { messageId: number } });
        ran++;
      }
      return ran;
    },
  };
}
