import { and, eq, inArray } from "drizzle-orm";
import { groupMemberships, groups, type people } from "../../db/schema/index.js";
import { isLocale, messagesFor } from "../../i18n/index.js";
import { renderMail } from "../../mail/templates.js";
import type { MailCtx } from "../context.js";
import { enqueueMail } from "../mail/enqueue-mail.js";
import { groupOrganizerAddresses } from "./group-organizer-addresses.js";
import { groupPath } from "./group-directory.js";

/**
 * A person just confirmed their address: their pending group memberships become active and
 * each group's organizers are told about the new member (name and ZIP only). Returns the groups
 * joined. Runs inside the confirmation's transaction.
 */
export async function activateMemberships(ctx: MailCtx, person: typeof people.$inferSelect): Promise<{ name: string; path: string }[]> {
  const now = ctx.now();
  const activated = await ctx.db
    .update(groupMemberships)
    .set({ status: "active", confirmedAt: now })
    .where(and(eq(groupMemberships.personId, person.id), eq(groupMemberships.status, "pending")))
    .returning({ groupId: groupMemberships.groupId });
  if (activated.length === 0) return [];
  const joined = await ctx.db
    .select({ id: groups.id, name: groups.name, state: groups.state, slug: groups.slug })
    .from(groups)
    .where(inArray(groups.id, activated.map((a) => a.groupId)));
  for (const group of joined) {
    for (const organizer of await groupOrganizerAddresses(ctx.db, group.id)) {
      if (organizer.personId === person.id) continue;
      const t = messagesFor(isLocale(organizer.locale) ? organizer.locale : "en");
      await enqueueMail({
        ctx,
        input: {
          idempotencyKey: `new-member:${group.id}:${person.id}:${organizer.personId}`,
          personId: organizer.personId,
          to: { address: organizer.email, name: organizer.name },
          template: "new-member",
          ...renderMail(t, {
            template: "new-member",
            organizerName: organizer.name,
            groupName: group.name,
            memberName: person.name,
            memberZip: person.zip ?? "",
            membersUrl: `${ctx.mail.publicUrl}/organize`,
          }),
        },
      });
    }
  }
  return joined.map((g) => ({ name: g.name, path: groupPath(g.state, g.slug) }));
}
