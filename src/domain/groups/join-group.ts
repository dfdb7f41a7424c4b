import { sql } from "drizzle-orm";
import { groupMemberships } from "../../db/schema/index.js";
import { isLocale, type Locale } from "../../i18n/index.js";
import { renderMail } from "../../mail/templates.js";
import { withTransaction, type MailCtx } from "../context.js";
import { invalid, type FieldErrors } from "../errors.js";
import { findOrCreatePerson } from "../people/find-or-create-person.js";
import { validatePersonFields } from "../people/validate-person-fields.js";
import { lookupZip } from "../places/lookup-zip.js";
import { addPendingSubscription } from "../updates/add-pending-subscription.js";
import { groupList } from "../updates/lists.js";
import { CONFIRM_LINK_DAYS, sendConfirmation } from "../updates/send-confirmation.js";
import { getGroup } from "./get-group.js";

export interface JoinGroupInput {
  state: string;
  slug: string;
  name: string;
  email: string;
  zip: string;
  phone?: string;
  /** Also sign up for national updates (pending, like the membership, until confirmed). */
  nationalUpdates: boolean;
  locale: string;
  sourcePage?: string;
}

/**
 * Join a group, with double opt-in: the membership (and the group's updates, and national
 * updates when ticked) stay pending until the person follows the link in the confirmation
 * e-mail; then the organizers hear about the new member. Joining twice is one membership.
 */
export async function joinGroup({ ctx, input }: { ctx: MailCtx; input: JoinGroupInput }): Promise<{ personId: number; groupId: number }> {
  const group = await getGroup({ ctx, input: { state: input.state, slug: input.slug } });
  const errors: FieldErrors = {};
  const { name, zip, phone } = validatePersonFields(input, errors);
  if (Object.keys(errors).length > 0) throw invalid("Please correct the marked fields.", errors);
  const place = zip ? await lookupZip({ ctx, input: { zip } }) : undefined;
  const locale: Locale = isLocale(input.locale) ? input.locale : "en";

  return withTransaction(ctx, async (tx) => {
    const person = await findOrCreatePerson({
      ctx: tx,
      input: { email: input.email, name, zip, state: place?.states[0], phone, locale, sourcePage: input.sourcePage ?? group.path },
    });
    const [membership] = await tx.db
      .insert(groupMemberships)
      .values({ groupId: group.id, personId: person.id, status: "pending", createdAt: tx.now() })
      .onConflictDoUpdate({
        target: [groupMemberships.groupId, groupMemberships.personId],
        set: { status: sql`case when ${groupMemberships.status} = 'active' then 'active' else 'pending' end` },
      })
      .returning({ status: groupMemberships.status });
    await addPendingSubscription(tx, person.id, groupList(group.id), group.path);
    if (input.nationalUpdates) await addPendingSubscription(tx, person.id, "national", group.path);
    if (membership?.status !== "active") {
      await sendConfirmation(tx, person, `join:${group.id}`, (t, confirmUrl) =>
        renderMail(t, { template: "group-join-confirm", name: person.name, groupName: group.name, confirmUrl, expiresInDays: CONFIRM_LINK_DAYS }),
      );
    }
    return { personId: person.id, groupId: group.id };
  });
}
