import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { count } from "drizzle-orm";
import pg from "pg";
import { afterEach, describe, expect, inject, it } from "vitest";
import { openMigratedDatabase } from "../../src/boot.js";
import { parseConfig } from "../../src/config.js";
import type { Database } from "../../src/db/client.js";
import { ReadCache } from "../../src/db/read-cache.js";
import { broadcasts, people } from "../../src/db/schema/index.js";
import { getBroadcastProgress } from "../../src/domain/broadcasts/get-broadcast-progress.js";
import { DEFAULT_MAIL_CONCURRENCY } from "../../src/jobs/mail-worker.js";
import { withDatabase } from "../setup/global-setup.js";
import { startSmtpSink, type ReceivedMail, type SmtpSink } from "../support/smtp-sink.js";
import { removeScratch, scratchDir, within } from "./app-process.js";

/**
 * `npm run broadcast` as a real process, killed with SIGKILL part-way through a broadcast and
 * resumed with `--resume`. SMTP cannot be exactly-once across a crash: a kill after the mail
 * server's "250 OK" and before our "sent" commits sends that message again on resume. What
 * must hold: everyone gets it, each person's copies share one Message-ID (so their mail
 * server can drop the extra), the database counts each once, and the resends are no more than
 * the messages in flight at the moment of the kill.
 */
const target = inject("testDatabase");
const repoRoot = resolve(import.meta.dirname, "../..");
const mailFrom = "Everybody In <updates@everybody.test>";

interface Cli {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running = new Set<Cli>();

function runCli(args: string[], env: Record<string, string>): Cli {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/broadcast.ts", ...args], {
    cwd: repoRoot,
    // From scratch, so nothing from the shell running the tests (DATABASE_URL, …) leaks in.
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: process.env.HOME ?? tmpdir(), TMPDIR: tmpdir(), NODE_ENV: "test", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const cli: Cli = {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited: new Promise((resolveExit) => child.on("exit", (code, signal) => resolveExit({ code, signal }))),
  };
  running.add(cli);
  void cli.exited.then(() => running.delete(cli));
  return cli;
}

async function until(what: string, test: () => boolean | Promise<boolean>, timeoutMs: number, cli?: Cli) {
  const deadline = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms${cli ? `\nstdout:\n${cli.stdout()}\nstderr:\n${cli.stderr()}` : ""}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A fresh, migrated database holding `subscribers` confirmed people on the national list. */
interface Prepared {
  env: Record<string, string>;
  open(): Promise<Database>;
  drop(): Promise<void>;
}

async function prepareDatabase(kind: "pglite" | "postgres", subscribers: number): Promise<Prepared> {
  const insertSubscribers = [
    `insert into people (email, email_key, name, zip, state, locale, email_confirmed_at, created_at, updated_at)
     select 'crash.' || i || '@example.org', 'crash.' || i || '@example.org', 'Supporter ' || i, '55401', 'MN', 'en', now(), now(), now()
     from generate_series(1, ${Number(subscribers)}) as i`,
    `insert into subscriptions (person_id, list, status, created_at, confirmed_at)
     select id, 'national', 'active', now(), now() from people`,
  ];
  if (kind === "pglite") {
    if (target.kind !== "pglite") throw new Error("PGlite runs belong to the PGlite pass");
    const dir = scratchDir("ei-broadcast-");
    const env = { DB_DIR: join(dir, "db") };
    // Unpack the migrated template instead of running initdb and the migrations again.
    const client = await PGlite.create({ dataDir: env.DB_DIR, loadDataDir: new Blob([readFileSync(target.templates.empty)]) });
    try {
      for (const statement of insertSubscribers) await client.exec(statement);
    } finally {
      await client.close();
    }
    return { env, open: () => openMigratedDatabase(parseConfig(env)), drop: async () => removeScratch(dir) };
  }

  if (target.kind !== "postgres") throw new Error("PostgreSQL runs need TEST_DATABASE_URL");
  // Named after this run, so the global teardown drops it even if this file is killed.
  const name = `${target.runId}_bc_${randomBytes(3).toString("hex")}`;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  // Other test files copy the same template; PostgreSQL refuses two copies at once, so retry briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin(`CREATE DATABASE ${name} TEMPLATE ${target.templates.empty}`);
      break;
    } catch (error) {
      if (attempt >= 20 || !String((error as Error).message).includes("is being accessed by other users")) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  const env = { DATABASE_URL: withDatabase(target.url, name) };
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  try {
    for (const statement of insertSubscribers) await client.query(statement);
  } finally {
    await client.end();
  }
  return { env, open: () => openMigratedDatabase(parseConfig(env)), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function progressOf(prepared: Prepared, broadcastId: number) {
  const database = await prepared.open();
  const cache = await ReadCache.connect(database);
  try {
    return await getBroadcastProgress({ ctx: { db: database.db, cache, now: () => new Date() }, input: { broadcastId } });
  } finally {
    await cache.close();
    await database.close();
  }
}

const messageIdOf = (mail: ReceivedMail) => /^Message-ID:\s*(<[^>]+>)/im.exec(mail.raw)?.[1];

function writeBody(dir: string) {
  const file = join(dir, "update.md");
  writeFileSync(file, "Call your senator **today**: [script](https://everybody.test/act)\n");
  return file;
}

let sink: SmtpSink | undefined;
let prepared: Prepared | undefined;
let dir: string | undefined;
afterEach(async () => {
  const left = [...running];
  for (const cli of left) cli.child.kill("SIGKILL");
  await Promise.all(left.map((cli) => cli.exited));
  await sink?.close();
  await prepared?.drop();
  removeScratch(dir);
  sink = prepared = dir = undefined;
});

async function crashAndResume(kind: "pglite" | "postgres") {
  const recipients = 2_000;
  const t0 = Date.now();
  const phases: string[] = [];
  const phase = (name: string) => phases.push(`${name} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  prepared = await prepareDatabase(kind, recipients);
  phase("database ready");
  sink = await startSmtpSink({ parse: false });
  dir = scratchDir("ei-broadcast-body-");
  const env = { ...prepared.env, SMTP_URL: sink.url, MAIL_FROM: mailFrom, PUBLIC_URL: "https://everybody.test", MAIL_RATE_PER_SECOND: "10000", LOG_LEVEL: "warn" };
  const args = ["--subject", "Call day is Tuesday", "--body", writeBody(dir), "--audience", "all"];

  const first = runCli(args, env);
  await until("the broadcast to start", () => /Broadcast (\d+): sending/.test(first.stdout()), 40_000, first);
  const broadcastId = Number(/Broadcast (\d+): sending/.exec(first.stdout())![1]);
  phase("sending");
  const received = sink.received;
  await until("a third of the broadcast to arrive", () => received.length >= recipients / 3, 40_000, first);
  first.child.kill("SIGKILL");
  expect((await within(first.exited, 10_000, "the kill")).signal).toBe("SIGKILL");
  const atKill = received.length;
  phase("killed");
  expect(atKill, "killed part-way, not after the end").toBeLessThan(recipients);

  const second = runCli(["--resume", String(broadcastId)], env);
  const { code } = await within(second.exited, 60_000, "the resumed broadcast");
  expect(code, `stdout:\n${second.stdout()}\nstderr:\n${second.stderr()}`).toBe(0);
  expect(second.stdout()).toContain(`Broadcast ${broadcastId} finished`);
  phase("resumed and finished");

  // Everyone got it, and every copy a person got carries the same, deterministic Message-ID.
  const database = await prepared.open();
  const everyone = await database.db.select({ id: people.id, email: people.email }).from(people);
  await database.close();
  expect(everyone).toHaveLength(recipients);
  const idsByRecipient = new Map<string, Set<string>>();
  for (const mail of received) {
    for (const to of mail.envelopeTo) {
      const ids = idsByRecipient.get(to) ?? new Set<string>();
      ids.add(messageIdOf(mail) ?? "(none)");
      idsByRecipient.set(to, ids);
    }
  }
  for (const person of everyone) {
    expect([...(idsByRecipient.get(person.email) ?? [])], person.email).toEqual([`<broadcast.${broadcastId}.${person.id}@everybody.test>`]);
  }
  expect(idsByRecipient.size).toBe(recipients);

  // The database counts each person once.
  expect(await progressOf(prepared, broadcastId)).toMatchObject({ status: "sent", recipients, sent: recipients, queued: 0, failed: 0, skipped: 0 });

  const duplicates = received.length - recipients;
  console.log(
    `[broadcast-crash ${kind}] ${recipients} recipients; killed after ${atKill} had arrived; ` +
      `${received.length} deliveries in all: ${duplicates} raw duplicate(s), each with the original Message-ID. (${phases.join(", ")})`,
  );
  expect(duplicates).toBeGreaterThanOrEqual(0);
  expect(duplicates, "resends after one kill are at most the messages in flight").toBeLessThanOrEqual(DEFAULT_MAIL_CONCURRENCY);
}

describe("SIGKILL in the middle of a broadcast, then --resume", () => {
  it.runIf(target.kind === "pglite")("PGlite: everyone gets it once per Message-ID, the database counts it once", { timeout: 120_000 }, () =>
    crashAndResume("pglite"),
  );
  it.runIf(target.kind === "postgres")("PostgreSQL: everyone gets it once per Message-ID, the database counts it once", { timeout: 120_000 }, () =>
    crashAndResume("postgres"),
  );
});

describe.runIf(target.kind === "pglite")("npm run broadcast", () => {
  it("Ctrl-C stops after the messages in flight, says how to resume, and --resume finishes without resending", { timeout: 90_000 }, async () => {
    const recipients = 200;
    prepared = await prepareDatabase("pglite", recipients);
    sink = await startSmtpSink({ parse: false });
    dir = scratchDir("ei-broadcast-body-");
    // Slow enough that the interrupt lands mid-way.
    const env = { ...prepared.env, SMTP_URL: sink.url, MAIL_FROM: mailFrom, MAIL_RATE_PER_SECOND: "40", LOG_LEVEL: "warn" };
    const first = runCli(["--subject", "Town hall", "--body", writeBody(dir), "--audience", "all"], env);
    await until("some of the broadcast to arrive", () => sink!.received.length >= 20, 40_000, first);
    first.child.kill("SIGINT");
    const stopped = await within(first.exited, 20_000, "the interrupted broadcast to stop");
    expect(stopped.code, first.stderr()).toBe(130);
    expect(first.stderr()).toContain("--resume 1");
    expect(first.stderr()).toContain("npm start");
    const afterStop = sink.received.length;
    expect(afterStop).toBeLessThan(recipients);
    const progress = await progressOf(prepared, 1);
    expect(progress.sent).toBe(afterStop);
    expect(progress.sent + progress.queued).toBe(recipients);

    const second = runCli(["--resume", "1"], { ...env, MAIL_RATE_PER_SECOND: "10000" });
    expect((await within(second.exited, 60_000, "the resumed broadcast")).code, second.stderr()).toBe(0);
    // A clean stop leaves nothing half-sent: not one resend.
    expect(sink.received.length).toBe(recipients);
    expect(new Set(sink.received.map((mail) => mail.envelopeTo[0])).size).toBe(recipients);
  });

  it("--dry-run counts the audience and shows one copy, and neither sends nor keeps anything", { timeout: 60_000 }, async () => {
    prepared = await prepareDatabase("pglite", 3);
    sink = await startSmtpSink({ parse: false });
    dir = scratchDir("ei-broadcast-body-");
    const cli = runCli(
      ["--subject", "Call day", "--body", writeBody(dir), "--audience", "all", "--sender", "Twin Cities M4A", "--reply-to", "tc@example.org", "--dry-run"],
      { ...prepared.env, SMTP_URL: sink.url, MAIL_FROM: mailFrom, PUBLIC_URL: "https://everybody.test" },
    );
    expect((await within(cli.exited, 40_000, "the dry run")).code, cli.stderr()).toBe(0);
    expect(cli.stdout()).toContain("all — 3 recipients");
    expect(cli.stdout()).toContain('From:      "Twin Cities M4A" <updates@everybody.test>');
    expect(cli.stdout()).toContain("Reply-To:  tc@example.org");
    expect(cli.stdout()).toContain("Call your senator today: script (https://everybody.test/act)");
    expect(cli.stdout()).toMatch(/Unsubscribe: https:\/\/everybody\.test\/unsubscribe\/\S+\?list=national/);
    expect(sink.received).toHaveLength(0);
    const database = await prepared.open();
    const [saved] = await database.db.select({ n: count() }).from(broadcasts);
    await database.close();
    expect(saved?.n).toBe(0);
  });

  it("refuses bad flags (64), an unreadable body (66), an invalid broadcast (65, field by field) and a database in use (75)", { timeout: 60_000 }, async () => {
    prepared = await prepareDatabase("pglite", 1);
    dir = scratchDir("ei-broadcast-body-");
    const body = writeBody(dir);

    const badFlag = runCli(["--subject", "x", "--audience", "all", "--bogus"], prepared.env);
    expect((await within(badFlag.exited, 30_000, "bad flags")).code).toBe(64);
    expect(badFlag.stderr()).toContain("Unknown option '--bogus'");
    expect(badFlag.stderr()).toContain("Usage:");

    const missing = join(dir, "nope.md");
    const noBody = runCli(["--subject", "x", "--body", missing, "--audience", "all"], prepared.env);
    expect((await within(noBody.exited, 30_000, "missing body")).code).toBe(66);
    expect(noBody.stderr()).toContain(missing);

    const invalid = runCli(["--subject", " ", "--body", body, "--audience", "state:ZZ", "--reply-to", "not-an-address"], prepared.env);
    expect((await within(invalid.exited, 30_000, "invalid broadcast")).code, invalid.stderr()).toBe(65);
    expect(invalid.stderr()).toContain("--subject");
    expect(invalid.stderr()).toContain('--audience "state:ZZ" is not an audience we know');
    expect(invalid.stderr()).toContain('--reply-to "not-an-address" is not an e-mail address');

    // The running app holds the embedded database; this test process stands in for it.
    const held = await prepared.open();
    try {
      const locked = runCli(["--subject", "x", "--body", body, "--audience", "all"], prepared.env);
      expect((await within(locked.exited, 30_000, "locked database")).code).toBe(75);
      expect(locked.stderr()).toContain(`pid ${process.pid}`);
      expect(locked.stderr()).toContain("stop it, run this again");
    } finally {
      await held.close();
    }
  });
});
