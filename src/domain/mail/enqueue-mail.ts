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

/**
 * Attachments ride in the outbox row's `headers` column under keys no real header can have (a
 * header name never contains ":"), so the outbox needs no column of its own for them;
 * `splitStoredHeaders` takes them out again before sending.
 */
const ATTACHMENT_KEY_PREFIX = ":attachment:";

function storedHeaders(input: EnqueueMailInput): Record<string, string> | null {
  const headers: Record<string, string> = { ...input.headers, ...(input.replyTo ? { "Reply-To": input.replyTo } : {}) };
  for (const [index, attachment] of (input.attachments ?? []).entries()) {
    headers[`${ATTACHMENT_KEY_PREFIX}${index}`] = JSON.stringify(attachment);
  }
  return Object.keys(headers).length > 0 ? headers : null;
}

/** The real headers of a stored message, and its attachments. */
export function splitStoredHeaders(stored: Record<string, string> | null): { headers: Record<string, string>; attachments: MailAttachment[] } {
  const headers: Record<string, string> = {};
  const attachments: MailAttachment[] = [];
  for (const [name, value] of Object.entries(stored ?? {})) {
    if (name.startsWith(ATTACHMENT_KEY_PREFIX)) attachments.push(JSON.parse(value) as MailAttachment);
    else headers[name] = value;
  }
  return { headers, attachments };
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
