/**
 * `npm run bench:broadcast`: a 100,000-recipient broadcast end to end — recipient snapshot and
 * job enqueue, then the real pg-boss queue and mail worker sending over SMTP to a counting
 * SMTP server in a child process — with the rate limit off. Prints a Markdown table row for
 * BENCHMARKS.md.
 *
 *   npm run bench:broadcast                                   # PGlite in a scratch directory
 *   npm run bench:broadcast -- --postgres postgres://postgres@127.0.0.1:5432/test
 *   npm run bench:broadcast -- --recipients 20000 --batch-size 200 --concurrency 8
 *
 * With --postgres the bench creates its own database (ei_b<pid>_broadcast) next to the one
 * named in the URL and drops it afterwards. Entry script: it may read process.env.
 */
import { fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import pg from "pg";
import pino from "pino";
import { SMTPServer } from "smtp-server";
import { createContext, openMigratedDatabase, startBackgroundWork } from "../src/boot.js";
import { parseConfig } from "../src/config.js";
import { createBroadcast } from "../src/domain/broadcasts/create-broadcast.js";
import { getBroadcastProgress } from "../src/domain/broadcasts/get-broadcast-progress.js";
import { startBroadcast } from "../src/domain/broadcasts/start-broadcast.js";
import { startJobQueue } from "../src/jobs/queue.js";

const { values: args } = parseArgs({
  options: {
    postgres: { type: "string" },
    recipients: { type: "string", default: "100000" },
    "batch-size": { type: "string" },
    concurrency: { type: "string" },
    "sink-child": { type: "boolean" },
    "seed-child": { type: "boolean" },
  },
  strict: true,
});

/** The SMTP server, in a process of its own so it does not compete with the sender's event loop. */
async function runSink() {
  let received = 0;
  const messageIds = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      let head = "";
      stream.on("data", (chunk: Buffer) => {
        if (head.length < 8192) head += chunk.toString("latin1");
      });
      stream.on("end", () => {
        received += 1;
        const id = /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1];
        if (id) messageIds.add(id);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.send!({ port: (server.server.address() as { port: number }).port });
  process.on("message", (message: { type: string }) => {
    if (message.type === "count") process.send!({ received, distinct: messageIds.size });
  });
  process.on("disconnect", () => process.exit(0));
}

interface Sink {
  url: string;
  count(): Promise<{ received: number; distinct: number }>;
  stop(): void;
}

async function startSinkProcess(): Promise<Sink> {
  const child = fork(import.meta.filename, ["--sink-child"], { execArgv: ["--import", "tsx"], stdio: "inherit" });
  const { port } = await new Promise<{ port: number }>((resolve, reject) => {
    child.once("message", (message) => resolve(message as { port: number }));
    child.once("exit", (code) => reject(new Error(`the SMTP sink exited (${code}) before listening`)));
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    count: () =>
      new Promise((resolve) => {
        child.once("message", (message) => resolve(message as { received: number; distinct: number }));
        child.send({ type: "count" });
      }),
    stop: () => child.kill(),
  };
}

/**
 * Create, migrate and fill the database in a process of its own: PGlite's first start (initdb)
 * leaves some 900 MB resident that a process opening an existing database never has, and
 * that would swamp the figure this bench is after.
 */
async function seed() {
  const config = parseConfig(JSON.parse(process.env.BENCH_DATABASE_ENV!) as Record<string, string>);
  const database = await openMigratedDatabase(config);
  const started = performance.now();
  await database.db.execute(sql`
    insert into people (email, email_key, name, zip, state, locale, email_confirmed_at, created_at, updated_at)
    select 'bench.' || i || '@example.org', 'bench.' || i || '@example.org', 'Supporter ' || i, '55401', 'MN', 'en', now(), now(), now()
    from generate_series(1, ${Number(args.recipients)}::int) as i`);
  await database.db.execute(sql`
    insert into subscriptions (person_id, list, status, created_at, confirmed_at)
    select id, 'national', 'active', now(), now() from people`);
  const insertMs = performance.now() - started;
  // pg-boss creates its schema on first start; that belongs to setting up, too.
  const jobs = await startJobQueue(database);
  await jobs.stop();
  await database.close();
  process.send!({ insertMs });
}

async function seedInChild(databaseEnv: Record<string, string>): Promise<number> {
  const child = fork(import.meta.filename, ["--seed-child", "--recipients", args.recipients!], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, BENCH_DATABASE_ENV: JSON.stringify(databaseEnv) },
    stdio: "inherit",
  });
  return new Promise((resolve, reject) => {
    let insertMs: number | undefined;
    child.on("message", (message) => (insertMs = (message as { insertMs: number }).insertMs));
    child.on("exit", (code) => (code === 0 && insertMs !== undefined ? resolve(insertMs) : reject(new Error(`seeding failed (exit ${code})`))));
  });
}

async function bench() {
  const recipients = Number(args.recipients);
  const scratch = mkdtempSync(join(os.tmpdir(), "everybody-in-bench-broadcast-"));
  let dropDatabase = async () => {};
  let databaseEnv: Record<string, string>;
  if (args.postgres) {
    const name = `ei_b${process.pid}_broadcast`;
    const admin = new pg.Client({ connectionString: args.postgres });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(args.postgres);
    url.pathname = `/${name}`;
    databaseEnv = { DATABASE_URL: url.toString() };
    dropDatabase = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  } else {
    databaseEnv = { DB_DIR: join(scratch, "db") };
  }

  const sink = await startSinkProcess();
  const log = (text: string) => process.stderr.write(`${text} (RSS ${Math.round(process.memoryUsage.rss() / 1e6)} MB)\n`);
  try {
    const config = parseConfig({
      ...databaseEnv,
      NODE_ENV: "production",
      SECRET_KEY: "bench-secret-key-bench-secret-key-0123456789",
      PUBLIC_URL: "https://everybody.bench",
      MAIL_FROM: "Everybody In <updates@everybody.bench>",
      SMTP_URL: sink.url,
      // The rate limit off: the most the configuration allows.
      MAIL_RATE_PER_SECOND: "10000",
      LOG_LEVEL: "warn",
    });
    log(`${args.postgres ? "postgres" : "pglite"}: creating the database and ${recipients.toLocaleString("en-US")} confirmed subscribers…`);
    const insertMs = await seedInChild(databaseEnv);
    const database = await openMigratedDatabase(config);
    const ctx = await createContext(database);
    const logger = pino({ level: "warn" }, pino.destination(2));

    const worker = {
      ...(args["batch-size"] ? { batchSize: Number(args["batch-size"]) } : {}),
      ...(args.concurrency ? { concurrency: Number(args.concurrency) } : {}),
    };
    const background = await startBackgroundWork(config, database, ctx, logger, { worker });

    log(`${database.kind}: snapshot and enqueue…`);
    const t = performance.now();
    const { id } = await createBroadcast({
      ctx,
      input: { subject: "Call day is Tuesday", bodyMarkdown: "Call your senator **today**: [script](https://everybody.bench/act)", audience: "all", senderName: "Everybody In" },
    });
    const started = await startBroadcast({ ctx: background.ctx, input: { broadcastId: id } });
    const snapshotMs = performance.now() - t;
    if (started.recipients !== recipients) throw new Error(`snapshot has ${started.recipients} recipients, expected ${recipients}`);

    log(`${database.kind}: sending…`);
    const sendStart = performance.now();
    const samples: { ms: number; done: number }[] = [];
    let peakRss = process.memoryUsage.rss();
    for (;;) {
      const p = await getBroadcastProgress({ ctx, input: { broadcastId: id } });
      const done = p.sent + p.failed + p.skipped;
      samples.push({ ms: performance.now() - sendStart, done });
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
      if (samples.length % 5 === 0) log(`  ${done.toLocaleString("en-US")} / ${recipients.toLocaleString("en-US")}`);
      if (p.queued === 0) {
        if (p.sent !== recipients) throw new Error(`finished with ${p.sent} sent, ${p.failed} failed, ${p.skipped} skipped`);
        break;
      }
      // As often as the CLI's progress display reads it.
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const sendMs = performance.now() - sendStart;
    await background.stop();
    await ctx.cache.close();
    await database.close();

    const smtp = await sink.count();
    if (smtp.received !== recipients || smtp.distinct !== recipients) {
      throw new Error(`the SMTP server got ${smtp.received} messages with ${smtp.distinct} distinct Message-IDs, expected ${recipients}`);
    }
    // Sustained: between 10 % and 90 % done, leaving out start-up and the last stragglers.
    const at = (fraction: number) => samples.find((s) => s.done >= recipients * fraction)!;
    const sustained = ((at(0.9).done - at(0.1).done) * 1000) / (at(0.9).ms - at(0.1).ms);
    const peakRssMb = Math.max(peakRss / 1e6, (process.resourceUsage().maxRSS * 1024) / 1e6);

    const row = {
      database: database.kind === "pglite" ? "PGlite" : "PostgreSQL 15",
      recipients,
      insertS: insertMs / 1000,
      snapshotS: snapshotMs / 1000,
      sustained,
      sendS: sendMs / 1000,
      totalS: (snapshotMs + sendMs) / 1000,
      peakRssMb,
    };
    const f = (x: number, digits = 1) => x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
    process.stdout.write(
      [
        "",
        `| Database | Recipients | Snapshot + enqueue | Sending | Sustained | Total | Peak RSS (bench process) |`,
        `|---|---:|---:|---:|---:|---:|---:|`,
        `| ${row.database} | ${row.recipients.toLocaleString("en-US")} | ${f(row.snapshotS)} s | ${f(row.sendS)} s | ${f(row.sustained, 0)} msg/s | ${f(row.totalS)} s | ${f(row.peakRssMb, 0)} MB |`,
        "",
        `(${f(row.insertS)} s to insert the subscribers, not counted; every message reached the SMTP server once, ${smtp.distinct.toLocaleString("en-US")} distinct Message-IDs.)`,
        "",
      ].join("\n"),
    );
  } finally {
    sink.stop();
    await dropDatabase();
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (args["sink-child"]) {
  await runSink();
} else if (args["seed-child"]) {
  await seed();
  process.exit(0);
} else {
  await bench();
  process.exit(0);
}
