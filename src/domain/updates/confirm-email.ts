import { and, eq } from "drizzle-orm";
import { emailTokens, people, subscriptions } from "../../db/schema/index.js";
import { isLocale, messagesFor } from "../../i18n/index.js";
import { renderMail } from "../../mail/templates.js";
import { withTransaction, type MailCtx } from "../context.js";
import { enqueueMail, listUnsubscribeHeaders } from "../mail/enqueue-mail.js";
import { hashToken, mailLinks, manageToken } from "./links.js";
import { listLabels } from "./lists.js";

export type ConfirmOutcome =
  | { outcome: "confirmed"; personId: number; manageToken: string }
  | { outcome: "already-confirmed"; personId: number }
  | { outcome: "expired" }
  | { outcome: "invalid" };

/**
 * Follow a confirmation link: the address is proven, pending subscriptions become active, and
 * the welcome message is queued (once per person, ever). The link works once and expires.
 */
export async function confirmEmail({ ctx, input }: { ctx: MailCtx; input: { token: string } }): Promise<ConfirmOutcome> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(input.token)) return { outcome: "invalid" };
  return withTransaction(ctx, async (tx) => {
    const [token] = await tx.db.select().from(emailTokens).where(eq(emailTokens.tokenHash, hashToken(input.token))).for("update");
    if (!token || token.purpose !== "confirm") return { outcome: "invalid" } as const;
    if (token.usedAt) return { outcome: "already-confirmed", personId: token.personId } as const;
    const now = tx.now();
    if (token.expiresAt < now) return { outcome: "expired" } as const;

    await tx.db.update(emailTokens).set({ usedAt: now }).where(eq(emailTokens.tokenHash, token.tokenHash));
    const [person] = await tx.db
      .update(people)
      .set({ emailConfirmedAt: now, updatedAt: now })
      .where(eq(people.id, token.personId))
      .returning();
    if (!person) return { outcome: "invalid" } as const;
    const activated = await tx.db
      .update(subscriptions)
      .set({ status: "active", confirmedAt: now })
      .where(and(eq(subscriptions.personId, person.id), eq(subscriptions.status, "pending")))
      .returning({ list: subscriptions.list });

    const links = mailLinks(tx.mail);
    const firstList = activated[0]?.list ?? "national";
    const t = messagesFor(isLocale(person.locale) ? person.locale : "en");
    const labels = await listLabels(tx, t, [firstList], person.state);
    const unsubscribeUrl = links.unsubscribe(person.id, person.linkVersion, firstList);
    const mail = renderMail(
      t,
      { template: "welcome", name: person.name, groupsUrl: links.groups() },
      { listLabel: labels.get(firstList)!, unsubscribeUrl, preferencesUrl: links.preferences(person.id, person.linkVersion) },
    );
    await enqueueMail({
      ctx: tx,
      input: {
        idempotencyKey: `welcome:${person.id}`,
        personId: person.id,
        to: { address: person.email, name: person.name },
        template: "welcome",
        headers: listUnsubscribeHeaders(unsubscribeUrl, tx.mail.unsubscribeMailbox),
        ...mail,
      },
    });
    return { outcome: "confirmed", personId: person.id, manageToken: manageToken(tx.mail.secretKey, person.id, person.linkVersion) } as const;
  });
}
