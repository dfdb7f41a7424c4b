import type { Logger } from "pino";
import type { Config } from "./config.js";
import type { Database } from "./db/client.js";
import { DirectoryLockedError } from "./db/directory-lock.js";
import { ReadCache, cacheTags } from "./db/read-cache.js";
import type { Ctx, MailCtx, MailSettings } from "./domain/context.js";
import { getPublicDataStatus } from "./domain/public-data/get-public-data-status.js";
import { updatePublicData } from "./domain/public-data/update-public-data.js";
import { seedNewsFromFile } from "./domain/news/seed-news.js";
import { createMailTransport } from "./integrations/mail/index.js";
import { startReminderSweep } from "./jobs/event-reminders.js";
import { batchSizeFor, startMailWorker, type MailWorkerOptions } from "./jobs/mail-worker.js";
import { startJobQueue } from "./jobs/queue.js";
import { createRateGate } from "./jobs/rate-gate.js";
import { consoleProgress } from "./lib/console-progress.js";
import { logProgress } from "./lib/log-progress.js";

export { DirectoryLockedError };

export { openMigratedDatabase } from "./db/open-migrated-database.js";

export async function createContext(database: Database): Promise<Ctx> {
  const cache = await ReadCache.connect(database);
  return { db: database.db, cache, now: () => new Date() };
}

/**
 * On a database with no public data yet, import it (from DATA_DIR, or by downloading).
 * A failure is logged with what to do and the app starts anyway: pages that need the
 * missing data say so.
 */
export async function importPublicDataIfMissing(ctx: Ctx, config: Config, logger: Logger) {
  if (!config.autoImport) return;
  const status = await getPublicDataStatus({ ctx });
  if (status.missing.length === 0) return;
  logger.info({ missing: status.missing }, "public data missing; importing it now");
  const report = await updatePublicData({
    ctx,
    input: {
      dataDir: config.dataDir,
      sourcesDir: config.sourcesDir,
      only: status.missing,
      onProgress: process.stderr.isTTY ? consoleProgress(process.stderr) : logProgress(logger),
    },
  });
  for (const dataset of report.datasets) {
    if (dataset.outcome === "failed") {
      logger.warn(
        { dataset: dataset.key, error: dataset.error },
        "public dataset could not be imported; the app runs without it. Run `npm run data:update` when online, or set DATA_DIR",
      );
    } else {
      logger.info({ dataset: dataset.key, outcome: dataset.outcome, rows: dataset.rowCount }, "public dataset ready");
    }
  }
  await ctx.cache.invalidate(cacheTags.publicData);
}

/**
 * Add the starter news links from seed/news.json that were never offered before (decision 0019).
 * A failure is logged and the app starts anyway: /news is then just shorter.
 */
export async function seedNewsIfNew(ctx: Ctx, logger: Logger) {
  try {
    const { added, offered } = await seedNewsFromFile(ctx);
    if (offered > 0) logger.info({ added, offered }, "starter news links added");
  } catch (error) {
    logger.warn({ err: error }, "starter news links could not be added; /news works without them");
  }
}

/**
 * Start the job queue and the mail sender in this process. Every app process runs them: jobs
 * are claimed in the database, so several processes share the work without sending twice.
 */
export async function startBackgroundWork(
  config: Config,
  database: Database,
  ctx: Ctx,
  logger: Logger,
  options: { worker?: MailWorkerOptions } = {},
) {
  const jobs = await startJobQueue(database, { onError: (error) => logger.error({ err: error }, "job queue error") });
  if (jobs.recovered > 0) {
    logger.warn({ jobs: jobs.recovered }, "requeued jobs a stopped process left unfinished; a message it sent just before dying may go out twice");
  }
  const transport = createMailTransport(config, logger);
  const mailCtx: MailCtx = { ...ctx, jobs, mail: mailSettings(config) };
  const worker = await startMailWorker({ ...mailCtx, transport, gate: createRateGate(config.mail.ratePerSecond) }, logger, {
    batchSize: batchSizeFor(config.mail.ratePerSecond),
    ...options.worker,
  });
  const stopReminders = startReminderSweep(mailCtx, logger);
  let stopping: Promise<void> | undefined;
  return {
    ctx: mailCtx,
    /** Jobs a crashed process had left "active" that this one took back at start. */
    recovered: jobs.recovered,
    stop() {
      stopping ??= (async () => {
        worker.drain();
        await stopReminders();
        await jobs.stop();
        await transport.close();
      })();
      return stopping;
    },
  };
}

export function mailSettings(config: Config): MailSettings {
  return {
    from: config.mail.from,
    replyTo: config.mail.replyTo,
    publicUrl: config.publicUrl,
    secretKey: config.secretKey,
    unsubscribeMailbox: config.mail.unsubscribeMailbox,
  };
}
