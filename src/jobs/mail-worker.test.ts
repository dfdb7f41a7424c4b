import { eq, inArray, sql } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildSubscriber } from "../../tests/support/factories.js";
import { startSmtpSink, type SmtpSink } from "../../tests/support/smtp-sink.js";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database.js";
import { mailSettings } from "../boot.js";
import { parseConfig } from "../config.js";
import { mailMessages, subscriptions } from "../db/schema/index.js";
import { createBroadcast } from "../domain/broadcasts/create-broadcast.js";
import { getBroadcastProgress } from "../domain/broadcasts/get-broadcast-progress.js";
import { startBroadcast } from "../domain/broadcasts/start-broadcast.js";
import type { SenderCtx } from "../domain/mail/send-queued-mail.js";
import { smtpTransport } from "../integrations/mail/smtp-transport.js";
import type { MailTransport } from "../integrations/mail/transport.js";
import { batchSizeFor, startMailWorker, type MailWorker } from "./mail-worker.js";
import { queues, startJobQueue, type JobQueue } from "./queue.js";
import { createRateGate } from "./rate-gate.js";

/**
 * The mail path end to end with nothing faked: pg-boss on the test database (PGlite, or
 * PostgreSQL with TEST_DATABASE_URL), the worker, nodemailer, and a real SMTP server.
 */
const onPostgres = inject("testDatabase").kind === "postgres";
const config = parseConfig({ NODE_ENV: "test", PUBLIC_URL: "https://everybody.test", MAIL_FROM: "Everybody In <updates@everybody.test>" });
const logger = pino({ level: "silent" });

let testDb: TestDatabase;
let sink: SmtpSink;
let transport: MailTransport;
let jobs: JobQueue;
let worker: MailWorker;
let ctx: SenderCtx;

async function startSending() {
  jobs = await startJobQueue(testDb.database);
  // Retry a temporary failure at once: the default waits 30 s.
  ctx = { ...testDb.ctx, jobs, mail: mailSettings(config), transport, gate: createRateGate(0), retryDelaySeconds: () => 0 };
  worker = await startMailWorker(ctx, logger);
}

async function stopSending() {
  worker.drain();
  await jobs.stop();
}

beforeAll(async () => {
  testDb = await createTestDatabase("loaded");
  sink = await startSmtpSink();
  transport = smtpTransport(sink.url);
  await startSending();
});
afterAll(async () => {
  await stopSending();
  await transport.close();
  await sink.close();
  await testDb.close();
});

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const finished = (broadcastId: number) =>
  until(`broadcast ${broadcastId} to finish`, () => getBroadcastProgress({ ctx, input: { broadcastId } }), (p) => p.queued === 0);

async function broadcastTo(state: string, options: { senderName?: string; replyTo?: string } = {}) {
  const { id } = await createBroadcast({
    ctx,
    input: {
      subject: `News for ${state}`,
      bodyMarkdown: "Call your senator **today**.",
      audience: `state:${state}`,
      senderName: options.senderName ?? "Everybody In",
      ...(options.replyTo ? { replyTo: options.replyTo } : {}),
    },
  });
  await startBroadcast({ ctx, input: { broadcastId: id } });
  return id;
}

const receivedBy = (address: string) => sink.received.filter((mail) => mail.envelopeTo.includes(address));

describe("mail worker on the real queue and a real SMTP server", () => {
  it("delivers a broadcast exactly once to each confirmed subscriber, and a job run again sends nothing", async () => {
    const people = [];
    for (let i = 0; i < 24; i++) people.push(await buildSubscriber(testDb.ctx, { state: "VT" }));
    const other = await buildSubscriber(testDb.ctx, { state: "NH" });

    const id = await broadcastTo("VT", { senderName: "Vermont Organizers", replyTo: "vt@everybody.test" });
    expect(await finished(id)).toMatchObject({ status: "sent", recipients: 24, sent: 24, failed: 0, skipped: 0 });

    for (const person of people) {
      const copies = receivedBy(person.email);
      expect(copies, person.email).toHaveLength(1);
      const mail = copies[0]!.parsed;
      expect(mail.messageId).toBe(`<broadcast.${id}.${person.id}@everybody.test>`);
      expect(mail.subject).toBe("News for VT");
      expect(mail.from?.value[0]).toEqual({ name: "Vermont Organizers", address: "updates@everybody.test" });
      expect(mail.replyTo?.value[0]?.address).toBe("vt@everybody.test");
    }
    expect(receivedBy(other.email)).toHaveLength(0);

    // A job run a second time (pg-boss retries a batch whose worker died) finds the message sent.
    const before = sink.received.length;
    const messages = await testDb.ctx.db.select({ id: mailMessages.id }).from(mailMessages).where(eq(mailMessages.broadcastId, id));
    await jobs.insert(queues.sendMail, messages.map((m) => ({ messageId: m.id })));
    await until("the repeated jobs to finish", () => jobs.unfinished(queues.sendMail), (n) => n === 0);
    expect(sink.received.length).toBe(before);
  });

  it("retries a temporary SMTP refusal (451) and delivers once", async () => {
    const person = await buildSubscriber(testDb.ctx, { state: "DE" });
    sink.rejectNext(1, 451);
    const id = await broadcastTo("DE");
    expect(await finished(id)).toMatchObject({ sent: 1, failed: 0 });
    expect(receivedBy(person.email)).toHaveLength(1);
    const [row] = await testDb.ctx.db.select().from(mailMessages).where(eq(mailMessages.broadcastId, id));
    expect(row).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });

  it("marks a permanent SMTP refusal (550) failed without retrying", async () => {
    const person = await buildSubscriber(testDb.ctx, { state: "SC" });
    sink.rejectNext(1, 550);
    const id = await broadcastTo("SC");
    expect(await finished(id)).toMatchObject({ sent: 0, failed: 1 });
    const [row] = await testDb.ctx.db.select().from(mailMessages).where(eq(mailMessages.broadcastId, id));
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(row?.lastError).toContain("550");
    // Nothing left to retry it.
    expect(await jobs.unfinished(queues.sendMail)).toBe(0);
    expect(receivedBy(person.email)).toHaveLength(0);
  });

  it("skips whoever unsubscribed after the snapshot, and offers each the narrowest list to leave", async () => {
    const both = await buildSubscriber(testDb.ctx, { state: "ME", lists: { national: "active", state: "active" } });
    const national = await buildSubscriber(testDb.ctx, { state: "ME" });
    const leaves = await buildSubscriber(testDb.ctx, { state: "ME" });
    await stopSending();
    jobs = await startJobQueue(testDb.database);
    ctx = { ...ctx, jobs };
    const id = await broadcastTo("ME");
    await testDb.ctx.db.update(subscriptions).set({ status: "unsubscribed" }).where(eq(subscriptions.personId, leaves.id));
    await jobs.stop();
    await startSending();

    expect(await finished(id)).toMatchObject({ recipients: 3, sent: 2, skipped: 1 });
    expect(receivedBy(leaves.email)).toHaveLength(0);
    const unsubscribeLink = (address: string) => /^List-Unsubscribe: <([^>]+)>/m.exec(receivedBy(address)[0]?.raw.replace(/\r?\n[ \t]+/g, " ") ?? "")?.[1];
    expect(unsubscribeLink(both.email)).toContain("?list=state");
    expect(unsubscribeLink(national.email)).toContain("?list=national");
  });

  it("takes back at start the jobs a dead worker held, instead of waiting for them to expire", async () => {
    const people = [];
    for (let i = 0; i < 5; i++) people.push(await buildSubscriber(testDb.ctx, { state: "RI" }));
    await stopSending();

    // A process that fetched the jobs and died: they stay "active" with nobody working them.
    jobs = await startJobQueue(testDb.database);
    ctx = { ...ctx, jobs };
    const id = await broadcastTo("RI");
    await testDb.ctx.db.execute(sql`update pgboss.job set state = 'active', started_on = now() where name = ${queues.sendMail} and state < 'active'`);
    await jobs.stop();

    await startSending();
    expect(jobs.recovered).toBe(5);
    expect(await finished(id)).toMatchObject({ sent: 5 });
    for (const person of people) expect(receivedBy(person.email)).toHaveLength(1);
  });

  it.runIf(onPostgres)("leaves another live worker's jobs alone (PostgreSQL: several processes share the queue)", async () => {
    const person = await buildSubscriber(testDb.ctx, { state: "CT" });
    await stopSending();
    // The live worker: it has taken the job and is, as far as anyone can tell, sending it.
    const live = await startJobQueue(testDb.database);
    ctx = { ...ctx, jobs: live };
    const id = await broadcastTo("CT");
    await testDb.ctx.db.execute(sql`update pgboss.job set state = 'active', started_on = now() where name = ${queues.sendMail} and state < 'active'`);

    await startSending();
    expect(jobs.recovered).toBe(0);
    const [row] = await testDb.ctx.db.select().from(mailMessages).where(inArray(mailMessages.broadcastId, [id]));
    expect(row?.status).toBe("queued");
    expect(receivedBy(person.email)).toHaveLength(0);
    await live.stop();
  });
});

describe("batch size", () => {
  it("keeps a rate-limited batch to about 30 seconds, far inside the 120 s after which pg-boss hands its jobs to someone else", () => {
    expect(batchSizeFor(20)).toBe(100);
    expect(batchSizeFor(10_000)).toBe(100);
    expect(batchSizeFor(1)).toBe(30);
    expect(batchSizeFor(0.5)).toBe(15);
    expect(batchSizeFor(0.01)).toBe(1);
  });
});
