import { eq } from "drizzle-orm";
import { groupOrganizers, people } from "../../../db/schema/index.js";
import { renderMail } from "../../../mail/templates.js";
import type { Actor } from "../../accounts/actor.js";
import { INVITE_LINK_MINUTES, mailSignInLink } from "../../accounts/request-sign-in-link.js";
import { authorize } from "../../access/policy.js";
import { recordAuditEvent } from "../../audit/record-audit-event.js";
import { withTransaction, type MailCtx } from "../../context.js";
import { invalid, type FieldErrors } from "../../errors.js";
import { emailKey, findOrCreatePerson } from "../../people/find-or-create-person.js";
import { requireText } from "../../people/validate-person-fields.js";
import { validateEmail } from "../../updates/validate-email.js";
import { lockGroup } from "./group-lookups.js";

/**
 * Staff make someone an organizer of any group: the person is found by e-mail (or created),
 * added to the group's organizers and sent a sign-in link that lasts INVITE_LINK_MINUTES.
 * Someone who already organizes it just gets a fresh link.
 */
export async function inviteOrganizer({
  ctx,
  input,
}: {
  ctx: MailCtx;
  input: { actor: Actor | undefined; groupId: number; email: string; name: string };
}): Promise<{ personId: number; alreadyOrganizer: boolean }> {
  authorize(input.actor, { to: "administer" });
  const actor = input.actor;
  const errors: FieldErrors = {};
  const name = requireText(input.name, "name", 100, errors);
  const emailProblem = validateEmail(input.email);
  if (emailProblem) errors.email = emailProblem;
  if (Object.keys(errors).length > 0) throw invalid("Please correct the marked fields.", errors);
  const email = input.email.trim();
  return withTransaction(ctx, async (tx) => {
    const group = await lockGroup(tx, input.groupId);
    // Someone we know keeps the name they gave us; the name typed here is for newcomers.
    const [known] = await tx.db
      .select({ id: people.id, name: people.name, email: people.email, locale: people.locale })
      .from(people)
      .where(eq(people.emailKey, emailKey(email)));
    const person = known ?? (await findOrCreatePerson({ ctx: tx, input: { email, name, sourcePage: "/admin/groups" } }));
    const inserted = await tx.db
      .insert(groupOrganizers)
      .values({ groupId: group.id, personId: person.id, isFounder: false, createdAt: tx.now() })
      .onConflictDoNothing()
      .returning({ personId: groupOrganizers.personId });
    const alreadyOrganizer = inserted.length === 0;
    await mailSignInLink(tx, { personId: person.id, name: person.name, email: person.email, locale: person.locale }, INVITE_LINK_MINUTES, (t, url) =>
      renderMail(t, {
        template: "organizer-invite",
        name: person.name,
        groupName: group.name,
        inviterName: actor.name,
        signInUrl: url,
        expiresInMinutes: INVITE_LINK_MINUTES,
      }),
    );
    await recordAuditEvent({
      ctx: tx,
      input: { actorId: actor.personId, action: "group.invite_organizer", subject: `group:${group.id}`, detail: { personId: person.id, alreadyOrganizer } },
    });
    return { personId: person.id, alreadyOrganizer };
  });
}
