import { and, eq } from "drizzle-orm";
import { emailTokens, people, subscriptions } from "../../db/schema/index.js";
import { cacheTags } from "../../db/read-cache.js";
import { isLocale, messagesFor } from "../../i18n/index.js";
import { renderMail } from "../../mail/templates.js";
import { withTransaction, type MailCtx } from "../context.js";
import { enqueueMail, listUnsubscribeHeaders } from "../mail/enqueue-mail.js";
import { activateMemberships } from "../groups/activate-memberships.js";
import { hashToken, mailLinks, manageToken } from "./links.js";
import { listLabels } from "./lists.js";

export type ConfirmOutcome =
  | { outcome: "confirmed"; personId: number; manageToken: string; joinedGroups: { name: string; path: string }[] }
  | { outcome: "already-confirmed"; personId: number }
  | { outcome: "expired" }
  | { outcome: "invalid" };

/**
 * Follow a confirmation link: the address is proven, pending subscriptions become active, and
 * the welcome message is queued (once per person, ever). The link works once and expires.
 */
export async function confirmEmail({ ctx, input }: { ctx: MailCtx; input: { token: string } }): Promise<ConfirmOutcome> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(input.token)) return { outcome: "invalid" };
  const result = await withTransaction(ctx, async (tx): Promise<ConfirmOutcome> => {
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
    const t = messagesFor(isLocale(person.locale) ? person.locale : "en");
    // Welcome them to the updates list (once ever); a group join alone gets the group's welcome instead.
    const updatesList = activated.map((a) => a.list).find((list) => list === "national" || list === "state");
    if (updatesList) {
      const labels = await listLabels(tx, t, [updatesList], person.state);
      const unsubscribeUrl = links.unsubscribe(person.id, person.linkVersion, updatesList);
      const mail = renderMail(
        t,
        { template: "welcome", name: person.name, groupsUrl: links.groups() },
        { listLabel: labels.get(updatesList)!, unsubscribeUrl, preferencesUrl: links.preferences(person.id, person.linkVersion) },
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
    }
    const joinedGroups = await activateMemberships(tx, person);
    return {
      outcome: "confirmed",
      personId: person.id,
      manageToken: manageToken(tx.mail.secretKey, person.id, person.linkVersion),
      joinedGroups,
    } as const;
  });
  if (result.outcome === "confirmed" && result.joinedGroups.length > 0) await ctx.cache.invalidate(cacheTags.groups);
  return result;
}
