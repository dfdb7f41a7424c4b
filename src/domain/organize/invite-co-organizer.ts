import { eq } from "drizzle-orm";
import { groupOrganizers, groups, people } from "../../db/schema/index.js";
import { isLocale } from "../../i18n/index.js";
import { renderMail } from "../../mail/templates.js";
import type { Actor } from "../accounts/actor.js";
import { INVITE_LINK_MINUTES, mailSignInLink } from "../accounts/request-sign-in-link.js";
import { authorize } from "../access/policy.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { withTransaction, type MailCtx } from "../context.js";
import { invalid, notFound, type FieldErrors } from "../errors.js";
import { emailKey, findOrCreatePerson } from "../people/find-or-create-person.js";
import { requireText } from "../people/validate-person-fields.js";
import { validateEmail } from "../updates/validate-email.js";

export interface InviteCoOrganizerInput {
  actor: Actor | undefined;
  groupId: number;
  name: string;
  email: string;
  /** Language of the invitation for someone new to us; people we know keep their own. */
  locale: string;
}

/**
 * Make someone an organizer of a group and e-mail them a sign-in link that lasts a few days.
 * Someone we already know keeps their name and language; inviting an organizer again just
 * sends a fresh link. Recorded in the audit log with the change.
 */
export async function inviteCoOrganizer({ ctx, input }: { ctx: MailCtx; input: InviteCoOrganizerInput }): Promise<{ personId: number; alreadyOrganizer: boolean }> {
  const { actor, groupId } = input;
  authorize(actor, { to: "manage-group", groupId });
  const errors: FieldErrors = {};
  const name = requireText(input.name, "name", 100, errors);
  const emailProblem = validateEmail(input.email);
  if (emailProblem) errors.email = emailProblem;
  if (Object.keys(errors).length > 0) throw invalid("Please correct the marked fields.", errors);
  const [group] = await ctx.db.select({ id: groups.id, name: groups.name }).from(groups).where(eq(groups.id, groupId));
  if (!group) throw notFound(`There is no group ${groupId}.`);

  return withTransaction(ctx, async (tx) => {
    const [known] = await tx.db
      .select({ id: people.id, name: people.name, email: people.email, locale: people.locale })
      .from(people)
      .where(eq(people.emailKey, emailKey(input.email)));
    const person =
      known ??
      (await findOrCreatePerson({ ctx: tx, input: { email: input.email, name, locale: isLocale(input.locale) ? input.locale : "en", sourcePage: "/organize" } }));
    const added = await tx.db
      .insert(groupOrganizers)
      .values({ groupId, personId: person.id, isFounder: false, createdAt: tx.now() })
      .onConflictDoNothing()
      .returning({ personId: groupOrganizers.personId });
    await mailSignInLink(tx, { personId: person.id, name: person.name, email: person.email, locale: person.locale }, INVITE_LINK_MINUTES, (t, url) =>
      renderMail(t, { template: "organizer-invite", name: person.name, groupName: group.name, inviterName: actor.name, signInUrl: url, expiresInMinutes: INVITE_LINK_MINUTES }),
    );
    await recordAuditEvent({
      ctx: tx,
      input: { actorId: actor.personId, action: "organizer.invite", subject: `group:${groupId}`, detail: { personId: person.id, alreadyOrganizer: added.length === 0 } },
    });
    return { personId: person.id, alreadyOrganizer: added.length === 0 };
  });
}
