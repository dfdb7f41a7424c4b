import cluster from "node:cluster";
import { ConfigError, parseConfig, type Config } from "./config.js";
import { DirectoryLockedError } from "./db/directory-lock.js";
import { openMigratedDatabase } from "./db/open-migrated-database.js";
import { createLogger } from "./logger.js";

// Only what opening the database needs is imported up front; the app, the job queue and mail
// load while PGlite compiles, which keeps a restart on an existing database quick.
const loadApp = () => Promise.all([import("./boot.js"), import("./server.js"), import("./jobs/deferred-queue.js")]);

/**
 * `npm start`. One process by default. With PostgreSQL and WEB_CONCURRENCY > 1 the primary
 * migrates and imports once, then forks that many workers that share the port.
 */
async function main() {
  let config: Config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example for every setting and its format.\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = createLogger(config);

  if (cluster.isPrimary && config.webConcurrency > 1) return runPrimary(config, logger);
  const isWorker = !cluster.isPrimary;

  const [database, [boot, { listen }, { deferredJobQueue }]] = await Promise.all([
    openMigratedDatabase(config).catch((error: unknown) => {
      if (error instanceof DirectoryLockedError) {
        process.stderr.write(`${error.message}\n`);
        process.exit(75);
      }
      throw error;
    }),
    loadApp(),
  ]);
  const ctx = await boot.createContext(database);
  if (!isWorker) {
    await boot.importPublicDataIfMissing(ctx, config, logger);
    await boot.seedNewsIfNew(ctx, logger);
  }

  // The server listens while the job queue starts; mail queued meanwhile waits for it.
  const starting = boot.startBackgroundWork(config, database, ctx, logger);
  const jobs = deferredJobQueue(starting.then((background) => background.ctx.jobs));
  const server = await listen(config, database, { ...ctx, jobs, mail: boot.mailSettings(config) }, logger);

  // Handlers go in before waiting for the job queue: the server already answers, and a SIGTERM
  // in between (a fresh PostgreSQL database takes seconds) would otherwise kill the process mid-start.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: finishing in-flight requests");
    await server.close();
    await (await starting).stop();
    await ctx.cache.close();
    await database.close();
    logger.info("stopped cleanly");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  await starting;
  if (!stopping) logger.info({ url: server.url, database: database.kind }, `Everybody In is listening on ${server.url}`);
}

async function runPrimary(config: Config, logger: ReturnType<typeof createLogger>) {
  const [database, [boot]] = await Promise.all([openMigratedDatabase(config), loadApp()]);
  const ctx = await boot.createContext(database);
  await boot.importPublicDataIfMissing(ctx, config, logger);
  await boot.seedNewsIfNew(ctx, logger);
  await ctx.cache.close();
  await database.close();

  let stopping = false;
  for (let i = 0; i < config.webConcurrency; i++) cluster.fork();
  cluster.on("exit", (worker, code) => {
    if (stopping) return;
    logger.error({ worker: worker.process.pid, code }, "worker exited; starting a new one");
    cluster.fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    logger.info({ signal }, "stopping workers");
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    let remaining = Object.keys(cluster.workers ?? {}).length;
    if (remaining === 0) process.exit(0);
    cluster.on("exit", () => {
      remaining -= 1;
      if (remaining === 0) process.exit(0);
    });
  };
  process.on("SIGINT", () => stop("SIGTERM"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  process.stderr.write(`Everybody In could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
