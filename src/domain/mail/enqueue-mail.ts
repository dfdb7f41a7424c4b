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
        headers: input.replyTo ? { ...input.headers, "Reply-To": input.replyTo } : (input.headers ?? null),
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
