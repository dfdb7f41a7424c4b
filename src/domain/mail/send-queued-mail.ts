import { and, eq, sql } from "drizzle-orm";
import { broadcasts, mailMessages, people, subscriptions } from "../../db/schema/index.js";
import { isLocale, messagesFor } from "../../i18n/index.js";
import type { MailTransport } from "../../integrations/mail/transport.js";
import { MailDeliveryError } from "../../integrations/mail/transport.js";
import { queues } from "../../jobs/queue.js";
import type { RateGate } from "../../jobs/rate-gate.js";
import { renderBroadcastMail } from "../../mail/templates.js";
import { audienceCondition, listsFor, parseAudience } from "../broadcasts/audience.js";
import { withTransaction, type MailCtx } from "../context.js";
import { mailLinks } from "../updates/links.js";
import { listLabels } from "../updates/lists.js";
import { listUnsubscribeHeaders } from "./enqueue-mail.js";

export interface SenderCtx extends MailCtx {
  transport: MailTransport;
  gate: RateGate;
}

/** After this many failed attempts a message is marked failed and never retried. */
export const MAX_ATTEMPTS = 6;
const backoffSeconds = (attempt: number) => Math.min(3600, 30 * 2 ** (attempt - 1));

export type SendOutcome = "sent" | "skipped" | "retry" | "failed" | "not-queued";

/**
 * Deliver one outbox message. A message that is no longer "queued" (already sent by an earlier
 * run of this job, skipped, failed) is left alone, so running the job twice sends once.
 * Broadcast messages are rendered now, for this recipient, and only if they still want it.
 */
export async function sendQueuedMail({ ctx, input }: { ctx: SenderCtx; input: { messageId: number } }): Promise<SendOutcome> {
  const [message] = await ctx.db.select().from(mailMessages).where(eq(mailMessages.id, input.messageId));
  if (!message || message.status !== "queued") return "not-queued";

  let mail: { subject: string; text: string; html: string; headers: Record<string, string> };
  if (message.broadcastId !== null) {
    const rendered = await renderBroadcastFor(ctx, message.broadcastId, message.personId);
    if (!rendered) {
      await ctx.db
        .update(mailMessages)
        .set({ status: "skipped", lastError: "recipient unsubscribed before sending" })
        .where(and(eq(mailMessages.id, message.id), eq(mailMessages.status, "queued")));
      return "skipped";
    }
    mail = rendered;
  } else {
    mail = { subject: message.subject ?? "", text: message.textBody ?? "", html: message.htmlBody ?? "", headers: message.headers ?? {} };
  }

  await ctx.gate.take();
  const domain = /@([^>\s]+)>?\s*$/.exec(ctx.mail.from)?.[1] ?? "localhost";
  try {
    const result = await ctx.transport.send({
      from: ctx.mail.from,
      replyTo: ctx.mail.replyTo,
      to: { address: message.toAddress, name: message.toName },
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: mail.headers,
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
        await tx.jobs.send(queues.sendMail, { messageId: message.id }, { db: tx.db, startAfterSeconds: backoffSeconds(attempts) });
      }
    });
    return giveUp ? "failed" : "retry";
  }
}

async function renderBroadcastFor(ctx: SenderCtx, broadcastId: number, personId: number | null) {
  if (personId === null) return undefined;
  const [broadcast] = await ctx.db.select().from(broadcasts).where(eq(broadcasts.id, broadcastId));
  const audience = broadcast && parseAudience(broadcast.audience);
  if (!broadcast || !audience || broadcast.status === "cancelled") return undefined;
  const rows = await ctx.db
    .select({ list: subscriptions.list, name: people.name, state: people.state, locale: people.locale, linkVersion: people.linkVersion })
    .from(people)
    .innerJoin(subscriptions, eq(subscriptions.personId, people.id))
    .where(and(eq(people.id, personId), audienceCondition(audience)))
    .orderBy(sql`case ${subscriptions.list} when 'national' then 1 else 0 end`);
  const recipient = rows[0];
  if (!recipient) return undefined;
  // Unsubscribe from the narrowest list that brought them this message.
  const list = listsFor(audience).includes(recipient.list) ? recipient.list : "national";
  const t = messagesFor(isLocale(recipient.locale) ? recipient.locale : "en");
  const links = mailLinks(ctx.mail);
  const labels = await listLabels(ctx, t, [list], recipient.state);
  const unsubscribeUrl = links.unsubscribe(personId, recipient.linkVersion, list);
  const rendered = renderBroadcastMail(
    t,
    { subject: broadcast.subject, bodyMarkdown: broadcast.bodyMarkdown },
    { listLabel: labels.get(list)!, unsubscribeUrl, preferencesUrl: links.preferences(personId, recipient.linkVersion) },
  );
  return { ...rendered, headers: listUnsubscribeHeaders(unsubscribeUrl, ctx.mail.unsubscribeMailbox) };
}
