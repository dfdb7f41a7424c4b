import type { Logger } from "pino";
import type { MailCtx } from "../domain/context.js";
import { sendDueReminders } from "../domain/events/send-due-reminders.js";

/** How often every app process looks for reminders due (the windows are hours wide; this only sets the lateness). */
export const REMINDER_SWEEP_SECONDS = 300;

/**
 * Run the reminder sweep now and every few minutes in this process. Several processes may run
 * it at once: each reminder is claimed by a row in the database, so it goes out once
 * (docs/decisions/0017). Returns a stop function.
 */
export function startReminderSweep(ctx: MailCtx, logger: Logger, intervalSeconds = REMINDER_SWEEP_SECONDS): () => Promise<void> {
  let running: Promise<void> | undefined;
  const sweep = () => {
    if (running) return;
    running = sendDueReminders({ ctx })
      .then(({ queued }) => {
        if (queued > 0) logger.info({ queued }, "event reminders queued");
      })
      .catch((error: unknown) => logger.error({ err: error }, "event reminder sweep failed; next sweep retries"))
      .finally(() => {
        running = undefined;
      });
  };
  const first = setTimeout(sweep, 5_000);
  const timer = setInterval(sweep, intervalSeconds * 1000);
  first.unref();
  timer.unref();
  return async () => {
    clearTimeout(first);
    clearInterval(timer);
    await running;
  };
}
