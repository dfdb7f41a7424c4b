import { and, eq } from "drizzle-orm";
import { mailMessages, people, subscriptions } from "../../db/schema/index.js";
import type { MailTransport } from "../../integrations/mail/transport.js";
import { MailDeliveryError } from "../../integrations/mail/transport.js";
import { queues } from "../../jobs/queue.js";
import type { RateGate } from "../../jobs/rate-gate.js";
import { audienceCondition, parseAudience } from "../broadcasts/audience.js";
import { broadcastFrom, narrowestListFirst, recipientColumns, renderBroadcastFor, type Recipient, type RenderCache } from "../broadcasts/render-broadcast-mail.js";
import { withTransaction, type MailCtx } from "../context.js";
import { type MailAttachment } from "./enqueue-mail.js";

export interface SenderCtx extends MailCtx {
  transport: MailTransport;
  gate: RateGate;
  /**
   * Seconds to wait before attempt `attempts + 1` after a temporary failure. Defaults to
   * exponential backoff from 30 s to an hour; tests pass something shorter.
   */
  retryDelaySeconds?: (attempts: number) => number;
}

/** After this many failed attempts a message is marked failed and never retried. */
export const MAX_ATTEMPTS = 6;
export const defaultRetryDelaySeconds = (attempts: number) => Math.min(3600, 30 * 2 ** (attempts - 1));

export type SendOutcome = "sent" | "skipped" | "retry" | "failed" | "not-queued";

/**
 * Deliver one outbox message. A message that is no longer "queued" (already sent by an earlier
 * run of this job, skipped, failed) is left alone, so running the job twice sends once.
 * Broadcast messages are rendered now, for this recipient, and only if they still want it.
 * `cache` lets the messages of one worker batch share their broadcast's row.
 */
export async function sendQueuedMail({ ctx, input }: { ctx: SenderCtx; input: { messageId: number; cache?: RenderCache } }): Promise<SendOutcome> {
  const { message, recipient } = await readMessage(ctx, input.messageId, input.cache);
  if (!message || message.status !== "queued") return "not-queued";

  let mail: {
    from: string;
    replyTo: string | undefined;
    subject: string;
    text: string;
    html: string;
    headers: Record<string, string>;
    attachments?: MailAttachment[];
  };
  if (message.broadcastId !== null) {
    const rendered =
      message.personId === null
        ? undefined
        : await renderBroadcastFor(ctx, {
            broadcastId: message.broadcastId,
            personId: message.personId,
            ...(input.cache ? { cache: input.cache } : {}),
            ...(recipient !== undefined ? { recipient } : {}),
          });
    if (!rendered) {
      await ctx.db
        .update(mailMessages)
        .set({ status: "skipped", lastError: "recipient unsubscribed before sending" })
        .where(and(eq(mailMessages.id, message.id), eq(mailMessages.status, "queued")));
      return "skipped";
    }
    mail = {
      ...rendered,
      from: broadcastFrom(rendered.broadcast.senderName, ctx.mail.from),
      replyTo: rendered.broadcast.replyTo ?? ctx.mail.replyTo,
    };
  } else {
    // A relayed message (contact the organizers) carries its own Reply-To: the person who wrote it.
    const { "Reply-To": ownReplyTo, ...headers } = message.headers ?? {};
    mail = {
      from: ctx.mail.from,
      replyTo: ownReplyTo ?? ctx.mail.replyTo,
      subject: message.subject ?? "",
      text: message.textBody ?? "",
      html: message.htmlBody ?? "",
      headers,
      ...(message.attachments && message.attachments.length > 0 ? { attachments: message.attachments } : {}),
    };
  }

  await ctx.gate.take();
  const domain = /@([^>\s]+)>?\s*$/.exec(ctx.mail.from)?.[1] ?? "localhost";
  try {
    const result = await ctx.transport.send({
      from: mail.from,
      replyTo: mail.replyTo,
      to: { address: message.toAddress, name: message.toName },
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: mail.headers,
      ...(mail.attachments ? { attachments: mail.attachments } : {}),
      // Deterministic, so a receiver can drop the copy a crash after sending made us send again.
      messageId: `<${message.idempotencyKey.replace(/[^A-Za-z0-9.-]/g, ".")}@${domain}>`,
    });
    await ctx.db
      .update(mailMessages)
      .set({ status: "sent", sentAt: ctx.now(), attempts: message.attempts + 1, transportMessageId: result.messageId, lastError: null })
      .where(and(eq(mailMessages.id, message.id), eq(mailMessages.status, "queued")));
    return "sent";
  } catch (error) {
    const attempts = message.attempts + 1;
    const permanent = error instanceof MailDeliveryError && error.permanent;
    const giveUp = permanent || attempts >= MAX_ATTEMPTS;
    await withTransaction(ctx, async (tx) => {
      await tx.db
        .update(mailMessages)
        .set({ attempts, lastError: (error as Error).message.slice(0, 1000), ...(giveUp ? { status: "failed" as const } : {}) })
        .where(eq(mailMessages.id, message.id));
      if (!giveUp) {
        const delay = (ctx.retryDelaySeconds ?? defaultRetryDelaySeconds)(attempts);
        await tx.jobs.send(queues.sendMail, { messageId: message.id }, { db: tx.db, startAfterSeconds: delay });
      }
    });
    return giveUp ? "failed" : "retry";
  }
}

/**
 * The message as it is now. For a broadcast message of a worker batch, the recipient's
 * standing (still subscribed? which list?) comes in the same query: one round trip fewer per
 * message, and still read just before sending.
 */
async function readMessage(ctx: SenderCtx, messageId: number, cache: RenderCache | undefined) {
  const broadcastId = cache && (await cache.broadcastIdOf(ctx, messageId));
  const broadcast = broadcastId ? await cache.broadcast(ctx, broadcastId) : undefined;
  const audience = broadcast && parseAudience(broadcast.audience);
  if (!audience) {
    const [message] = await ctx.db.select().from(mailMessages).where(eq(mailMessages.id, messageId));
    return { message, recipient: undefined };
  }
  const [row] = await ctx.db
    .select({ message: mailMessages, ...recipientColumns })
    .from(mailMessages)
    .leftJoin(people, eq(people.id, mailMessages.personId))
    .leftJoin(subscriptions, and(eq(subscriptions.personId, people.id), audienceCondition(audience)))
    .where(eq(mailMessages.id, messageId))
    .orderBy(narrowestListFirst)
    .limit(1);
  if (!row) return { message: undefined, recipient: undefined };
  const { message, list, state, locale, linkVersion } = row;
  const recipient: Recipient | null = list === null || locale === null || linkVersion === null ? null : { list, state, locale, linkVersion };
  return { message, recipient };
}
