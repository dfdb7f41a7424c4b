import { eq } from "drizzle-orm";
import { emailTokens } from "../../db/schema/index.js";
import { isLocale, messagesFor, type Messages } from "../../i18n/index.js";
import type { RenderedMail } from "../../mail/templates.js";
import type { MailCtx } from "../context.js";
import { enqueueMail } from "../mail/enqueue-mail.js";
import type { PersonRecord } from "../people/find-or-create-person.js";
import { issueEmailToken } from "../people/issue-email-token.js";
import { mailLinks } from "./links.js";

export const CONFIRM_LINK_DAYS = 7;
/** A second request within this window does not send a second confirmation (a double click, a bot). */
const RESEND_WINDOW_SECONDS = 120;

/**
 * Queue a double-opt-in confirmation: a fresh single-use link (7 days) in a message rendered by
 * `render`. Whatever is pending for the person (subscriptions, group memberships) becomes active
 * when they follow it. At most one per person and `purpose` every two minutes; returns whether
 * one was queued. Call inside the transaction that created the pending rows.
 */
export async function sendConfirmation(
  ctx: MailCtx,
  person: PersonRecord,
  purpose: string,
  render: (t: Messages, confirmUrl: string) => RenderedMail,
): Promise<boolean> {
  const now = ctx.now();
  const { token, hash } = await issueEmailToken(ctx, { personId: person.id, purpose: "confirm", lifetimeMs: CONFIRM_LINK_DAYS * 86_400_000 });
  const t = messagesFor(isLocale(person.locale) ? person.locale : "en");
  const mail = render(t, mailLinks(ctx.mail).confirm(token));
  const window = Math.floor(now.getTime() / 1000 / RESEND_WINDOW_SECONDS);
  const { messageId } = await enqueueMail({
    ctx,
    input: {
      idempotencyKey: `confirm:${purpose}:${person.id}:${window}`,
      personId: person.id,
      to: { address: person.email, name: person.name },
      template: "confirm",
      ...mail,
    },
  });
  if (!messageId) {
    // One was sent moments ago: this token was never mailed, so do not keep it.
    await ctx.db.delete(emailTokens).where(eq(emailTokens.tokenHash, hash));
    return false;
  }
  return true;
}
