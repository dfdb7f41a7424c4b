import { and, eq, sql } from "drizzle-orm";
import { emailTokens, subscriptions } from "../../db/schema/index.js";
import { messagesFor, isLocale, type Locale } from "../../i18n/index.js";
import { renderMail } from "../../mail/templates.js";
import { withTransaction, type MailCtx } from "../context.js";
import { invalid, type FieldErrors } from "../errors.js";
import { enqueueMail } from "../mail/enqueue-mail.js";
import { findOrCreatePerson } from "../people/find-or-create-person.js";
import { lookupZip, normalizeZip } from "../places/lookup-zip.js";
import { mailLinks, newConfirmToken } from "./links.js";
import { listLabels, type ListKey } from "./lists.js";
import { validateEmail } from "./validate-email.js";

export const CONFIRM_LINK_DAYS = 7;
/** A second sign-up within this window does not send a second confirmation (a double click, a bot). */
const RESEND_WINDOW_SECONDS = 120;

export interface SignUpForUpdatesInput {
  name: string;
  email: string;
  zip: string;
  /** "national": every update. "state": only updates about the person's state. */
  scope: string;
  locale: string;
  sourcePage?: string;
  sourceCampaign?: string;
  referralCode?: string;
}

export type SignUpOutcome = { personId: number; sent: "confirmation" | "nothing" };

/**
 * Sign someone up for activism updates with double opt-in: the subscription stays pending, and
 * nothing but the confirmation is sent, until they click the link. Signing up again re-sends the
 * confirmation (at most once per two minutes) and never creates a second person or subscription.
 * Someone who unsubscribed must confirm again: anyone can type anyone's address into a form.
 */
export async function signUpForUpdates({ ctx, input }: { ctx: MailCtx; input: SignUpForUpdatesInput }): Promise<SignUpOutcome> {
  const fieldErrors: FieldErrors = {};
  const name = input.name.trim();
  if (!name) fieldErrors.name = "required";
  else if (name.length > 100) fieldErrors.name = "too_long";
  const emailProblem = validateEmail(input.email);
  if (emailProblem) fieldErrors.email = emailProblem;
  const zip = normalizeZip(input.zip);
  if (!input.zip.trim()) fieldErrors.zip = "required";
  else if (!zip) fieldErrors.zip = "invalid_zip";
  const scope = input.scope === "state" ? "state" : input.scope === "national" ? "national" : undefined;
  if (!scope) fieldErrors.scope = "invalid_choice";
  const place = zip ? await lookupZip({ ctx, input: { zip } }) : undefined;
  // ZIP areas miss PO-box-only ZIP codes, so an unknown ZIP is fine for national updates;
  // state updates need to know the state.
  if (zip && scope === "state" && !place) fieldErrors.zip = "unknown_zip";
  if (Object.keys(fieldErrors).length > 0) throw invalid("Please correct the marked fields.", fieldErrors);

  const locale: Locale = isLocale(input.locale) ? input.locale : "en";
  const list: ListKey = scope!;
  return withTransaction(ctx, async (tx) => {
    const person = await findOrCreatePerson({
      ctx: tx,
      input: {
        email: input.email,
        name,
        zip,
        state: place?.states[0],
        locale,
        sourcePage: input.sourcePage,
        sourceCampaign: input.sourceCampaign,
        referralCode: input.referralCode,
      },
    });
    const [subscription] = await tx.db
      .insert(subscriptions)
      .values({ personId: person.id, list, status: "pending", sourcePage: input.sourcePage ?? null, createdAt: tx.now() })
      .onConflictDoUpdate({
        target: [subscriptions.personId, subscriptions.list],
        // An unsubscribed person signing up again goes back to pending, not straight to active.
        set: { status: sql`case when ${subscriptions.status} = 'active' then 'active' else 'pending' end` },
      })
      .returning({ status: subscriptions.status });
    if (subscription?.status === "active") return { personId: person.id, sent: "nothing" } as const;

    const { token, hash } = newConfirmToken();
    const now = tx.now();
    await tx.db.insert(emailTokens).values({
      tokenHash: hash,
      personId: person.id,
      purpose: "confirm",
      createdAt: now,
      expiresAt: new Date(now.getTime() + CONFIRM_LINK_DAYS * 86_400_000),
    });
    const t = messagesFor(locale);
    const labels = await listLabels(tx, t, [list], person.state);
    const mail = renderMail(t, {
      template: "confirm",
      name: person.name,
      listLabel: labels.get(list)!,
      confirmUrl: mailLinks(tx.mail).confirm(token),
      expiresInDays: CONFIRM_LINK_DAYS,
    });
    const window = Math.floor(now.getTime() / 1000 / RESEND_WINDOW_SECONDS);
    const { messageId } = await enqueueMail({
      ctx: tx,
      input: {
        idempotencyKey: `confirm:${person.id}:${window}`,
        personId: person.id,
        to: { address: person.email, name: person.name },
        template: "confirm",
        ...mail,
      },
    });
    if (!messageId) {
      // Already sent one in this window: the new token was never mailed, so do not keep it.
      await tx.db.delete(emailTokens).where(and(eq(emailTokens.tokenHash, hash)));
      return { personId: person.id, sent: "nothing" } as const;
    }
    return { personId: person.id, sent: "confirmation" } as const;
  });
}
