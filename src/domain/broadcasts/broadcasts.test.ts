import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSubscriber } from "../../../tests/support/factories.js";
import { createMailTestContext, type MailTestContext } from "../../../tests/support/mail-context.js";
import { mailMessages } from "../../db/schema/index.js";
import { DomainError } from "../errors.js";
import { unsubscribe } from "../updates/manage-subscriptions.js";
import { manageToken } from "../updates/links.js";
import { createBroadcast } from "./create-broadcast.js";
import { getBroadcastProgress } from "./get-broadcast-progress.js";
import { startBroadcast } from "./start-broadcast.js";

let m: MailTestContext;
beforeAll(async () => {
  m = await createMailTestContext("loaded");
});
afterAll(async () => {
  await m.close();
});

const draft = (audience: string, subject = "Call day is Tuesday") =>
  createBroadcast({ ctx: m.ctx, input: { subject, bodyMarkdown: "Call **today**: [script](https://everybody.test/act)", audience, senderName: "Everybody In" } });

describe("broadcasts", () => {
  it("reach confirmed, subscribed people in the audience once each, with their own unsubscribe link", async () => {
    const vt1 = await buildSubscriber(m.ctx, { state: "VT", lists: { national: "active", state: "active" } });
    const vt2 = await buildSubscriber(m.ctx, { state: "VT", lists: { state: "active" } });
    const vtGone = await buildSubscriber(m.ctx, { state: "VT", lists: { national: "unsubscribed" } });
    const vtUnconfirmed = await buildSubscriber(m.ctx, { state: "VT", confirmed: false, lists: { national: "pending" } });
    const nh = await buildSubscriber(m.ctx, { state: "NH" });

    const { id } = await draft("state:VT");
    expect(await startBroadcast({ ctx: m.ctx, input: { broadcastId: id } })).toEqual({ recipients: 2 });
    await m.deliver();
    const to = (address: string) => m.transport.sent.filter((mail) => mail.to.address === address);
    expect(to(vt1.email)).toHaveLength(1);
    expect(to(vt2.email)).toHaveLength(1);
    expect(to(vtGone.email)).toHaveLength(0);
    expect(to(vtUnconfirmed.email)).toHaveLength(0);
    expect(to(nh.email)).toHaveLength(0);

    const mail = to(vt2.email)[0]!;
    expect(mail.subject).toBe("Call day is Tuesday");
    expect(mail.html).toContain("<strong>today</strong>");
    expect(mail.text).toContain(`https://everybody.test/unsubscribe/${manageToken(m.ctx.mail.secretKey, vt2.id, 1)}?list=state`);
    expect(mail.text).toContain("Medicare for All updates for Vermont");
    expect(mail.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail.messageId).toBe(`<broadcast.${id}.${vt2.id}@everybody.test>`);

    expect(await getBroadcastProgress({ ctx: m.ctx, input: { broadcastId: id } })).toMatchObject({
      status: "sent",
      recipients: 2,
      sent: 2,
      queued: 0,
      failed: 0,
    });
  });

  it("skip someone who unsubscribes after the snapshot and before their turn", async () => {
    const stays = await buildSubscriber(m.ctx, { state: "ME" });
    const leaves = await buildSubscriber(m.ctx, { state: "ME" });
    const { id } = await draft("state:ME");
    await startBroadcast({ ctx: m.ctx, input: { broadcastId: id } });
    await unsubscribe({ ctx: m.ctx, input: { token: manageToken(m.ctx.mail.secretKey, leaves.id, 1), settings: m.ctx.mail } });
    await m.deliver();
    expect(m.transport.sent.some((mail) => mail.to.address === leaves.email)).toBe(false);
    expect(m.transport.sent.some((mail) => mail.to.address === stays.email)).toBe(true);
    expect(await getBroadcastProgress({ ctx: m.ctx, input: { broadcastId: id } })).toMatchObject({ sent: 1, skipped: 1 });
  });

  it("send each message once even when its job runs twice (a crash between send and acknowledgement)", async () => {
    const person = await buildSubscriber(m.ctx, { state: "RI" });
    const { id } = await draft("state:RI");
    await startBroadcast({ ctx: m.ctx, input: { broadcastId: id } });
    const jobs = m.jobs.sent.slice(-1);
    await m.deliver();
    for (const job of jobs) m.jobs.sent.push(job);
    await m.deliver();
    expect(m.transport.sent.filter((mail) => mail.to.address === person.email)).toHaveLength(1);
  });

  it("cannot be started twice", async () => {
    const { id } = await draft("state:WY");
    await startBroadcast({ ctx: m.ctx, input: { broadcastId: id } });
    await expect(startBroadcast({ ctx: m.ctx, input: { broadcastId: id } })).rejects.toMatchObject({ code: "conflict" });
  });

  it("retry a temporary failure later, and give up on a permanent one", async () => {
    const temporary = await buildSubscriber(m.ctx, { state: "DE" });
    const { id } = await draft("state:DE");
    await startBroadcast({ ctx: m.ctx, input: { broadcastId: id } });
    m.transport.failNext(1);
    await m.deliver();
    const retry = m.jobs.sent.at(-1)!;
    expect(retry.startAfterSeconds).toBe(30);
    await m.deliver();
    expect(m.transport.sent.filter((mail) => mail.to.address === temporary.email)).toHaveLength(1);
    const [row] = await m.ctx.db.select().from(mailMessages).where(eq(mailMessages.toAddress, temporary.email));
    expect(row).toMatchObject({ status: "sent", attempts: 2 });

    const permanent = await buildSubscriber(m.ctx, { state: "SC" });
    const second = await draft("state:SC");
    await startBroadcast({ ctx: m.ctx, input: { broadcastId: second.id } });
    m.transport.failNext(1, { permanent: true });
    await m.deliver();
    const [failed] = await m.ctx.db.select().from(mailMessages).where(eq(mailMessages.toAddress, permanent.email));
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    expect(failed?.lastError).toContain("simulated failure");
  });

  it("refuse bad drafts field by field", async () => {
    const error = await createBroadcast({ ctx: m.ctx, input: { subject: "", bodyMarkdown: " ", audience: "state:XX", senderName: "" } }).catch(
      (e: DomainError) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).fieldErrors).toEqual({ subject: "required", bodyMarkdown: "required", senderName: "required", audience: "invalid_choice" });
    await expect(draft("group:999999")).rejects.toMatchObject({ fieldErrors: { audience: "invalid_choice" } });
    await expect(draft("everyone")).rejects.toMatchObject({ fieldErrors: { audience: "invalid_choice" } });
  });
});
