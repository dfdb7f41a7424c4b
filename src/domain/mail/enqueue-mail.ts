import { mailMessages } from "../../db/schema/index.js";
import { queues } from "../../jobs/queue.js";
import { withTransaction, type MailCtx } from "../context.js";

export interface EnqueueMailInput {
  /** Same key, same message: enqueueing it again does nothing. */
  idempotencyKey: string;
  personId?: number | null;
  to: { address: string; name?: string | null };
  template: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  /** Where replies go, when not to us: the sender of a relayed message. */
  replyTo?: string;
  /** Small files sent with the message (an event's .ics). */
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  filename: string;
  /** "text/calendar; charset=utf-8; method=PUBLISH" */
  contentType: string;
  content: string;
}

function storedHeaders(input: EnqueueMailInput): Record<string, string> | null {
  const headers: Record<string, string> = { ...input.headers, ...(input.replyTo ? { "Reply-To": input.replyTo } : {}) };
  return Object.keys(headers).length > 0 ? headers : null;
}

/**
 * Put one message in the outbox and queue the job that sends it, in the same transaction as
 * whatever caused it: if the caller rolls back, no mail goes out; if it commits, the mail will.
 */
export async function enqueueMail({ ctx, input }: { ctx: MailCtx; input: EnqueueMailInput }): Promise<{ messageId: number | null }> {
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(mailMessages)
      .values({
        idempotencyKey: input.idempotencyKey,
        personId: input.personId ?? null,
        toAddress: input.to.address,
        toName: input.to.name ?? null,
        template: input.template,
        subject: input.subject,
        textBody: input.text,
        htmlBody: input.html,
        headers: storedHeaders(input),
        attachments: input.attachments && input.attachments.length > 0 ? input.attachments : null,
        status: "queued",
        createdAt: tx.now(),
      })
      .onConflictDoNothing({ target: mailMessages.idempotencyKey })
      .returning({ id: mailMessages.id });
    if (!row) return { messageId: null };
    await tx.jobs.send(queues.sendMail, { messageId: row.id }, { db: tx.db });
    return { messageId: row.id };
  });
}

/** RFC 2369 / RFC 8058 headers: lets mail apps show an "Unsubscribe" button that works in one click. */
export function listUnsubscribeHeaders(unsubscribeUrl: string, mailto: string | undefined): Record<string, string> {
  const targets = [`<${unsubscribeUrl}>`, ...(mailto ? [`<mailto:${mailto}?subject=unsubscribe>`] : [])];
  return { "List-Unsubscribe": targets.join(", "), "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}
