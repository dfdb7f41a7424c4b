import { and, eq } from "drizzle-orm";
import { groupMemberships, groupOrganizers, groups, subscriptions } from "../../../db/schema/index.js";
import { cacheTags } from "../../../db/read-cache.js";
import type { Actor } from "../../accounts/actor.js";
import { authorize } from "../../access/policy.js";
import { recordAuditEvent } from "../../audit/record-audit-event.js";
import { withTransaction, type Ctx } from "../../context.js";
import { invalid } from "../../errors.js";
import { groupList } from "../../updates/lists.js";
import { lockGroup } from "./group-lookups.js";

const membershipRank = { left: 0, pending: 1, active: 2 } as const;
const subscriptionRank = { unsubscribed: 0, pending: 1, active: 2 } as const;

/**
 * Fold a duplicate group into the one to keep: its members, organizers and group-list
 * subscriptions move over (someone in both keeps the stronger status: active over pending over
 * left; an organizer who founded either stays a founder), then the duplicate becomes inactive
 * with a note saying where it went. The duplicate row stays for the record and its old links.
 */
export async function mergeGroups({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { actor: Actor | undefined; keepId: number; duplicateId: number };
}): Promise<{ membersMoved: number; organizersMoved: number }> {
  authorize(input.actor, { to: "administer" });
  const actor = input.actor;
  if (input.keepId === input.duplicateId) throw invalid("A group cannot be merged into itself.", { keepId: "invalid_choice" });
  const result = await withTransaction(ctx, async (tx) => {
    // Lock in id order so two opposite merges cannot deadlock.
    const [first, second] = [input.keepId, input.duplicateId].sort((a, b) => a - b) as [number, number];
    const locked = new Map([[first, await lockGroup(tx, first)], [second, await lockGroup(tx, second)]]);
    const keep = locked.get(input.keepId)!;
    const duplicate = locked.get(input.duplicateId)!;
    const now = tx.now();

    let membersMoved = 0;
    const keptMembers = new Map(
      (await tx.db.select().from(groupMemberships).where(eq(groupMemberships.groupId, keep.id))).map((m) => [m.personId, m]),
    );
    for (const member of await tx.db.select().from(groupMemberships).where(eq(groupMemberships.groupId, duplicate.id))) {
      const kept = keptMembers.get(member.personId);
      if (!kept) {
        await tx.db.insert(groupMemberships).values({ ...member, groupId: keep.id });
        membersMoved++;
      } else if (membershipRank[member.status] > membershipRank[kept.status]) {
        await tx.db
          .update(groupMemberships)
          .set({ status: member.status, confirmedAt: member.confirmedAt ?? kept.confirmedAt })
          .where(and(eq(groupMemberships.groupId, keep.id), eq(groupMemberships.personId, member.personId)));
      }
    }
    await tx.db.delete(groupMemberships).where(eq(groupMemberships.groupId, duplicate.id));

    let organizersMoved = 0;
    const keptOrganizers = new Map(
      (await tx.db.select().from(groupOrganizers).where(eq(groupOrganizers.groupId, keep.id))).map((o) => [o.personId, o]),
    );
    for (const organizer of await tx.db.select().from(groupOrganizers).where(eq(groupOrganizers.groupId, duplicate.id))) {
      const kept = keptOrganizers.get(organizer.personId);
      if (!kept) {
        await tx.db.insert(groupOrganizers).values({ ...organizer, groupId: keep.id });
        organizersMoved++;
      } else if (organizer.isFounder && !kept.isFounder) {
        await tx.db
          .update(groupOrganizers)
          .set({ isFounder: true })
          .where(and(eq(groupOrganizers.groupId, keep.id), eq(groupOrganizers.personId, organizer.personId)));
      }
    }
    await tx.db.delete(groupOrganizers).where(eq(groupOrganizers.groupId, duplicate.id));

    // The duplicate's update list becomes the kept group's (same rule: the stronger status wins).
    const keepList = groupList(keep.id);
    const dupList = groupList(duplicate.id);
    const keptSubs = new Map((await tx.db.select().from(subscriptions).where(eq(subscriptions.list, keepList))).map((s) => [s.personId, s]));
    for (const sub of await tx.db.select().from(subscriptions).where(eq(subscriptions.list, dupList))) {
      const kept = keptSubs.get(sub.personId);
      if (!kept) await tx.db.insert(subscriptions).values({ ...sub, list: keepList });
      else if (subscriptionRank[sub.status] > subscriptionRank[kept.status]) {
        await tx.db
          .update(subscriptions)
          .set({ status: sub.status, confirmedAt: sub.confirmedAt, unsubscribedAt: sub.unsubscribedAt })
          .where(and(eq(subscriptions.list, keepList), eq(subscriptions.personId, sub.personId)));
      }
    }
    await tx.db.delete(subscriptions).where(eq(subscriptions.list, dupList));

    const note = `Merged into group ${keep.id} (${keep.name}) on ${now.toISOString().slice(0, 10)}.`;
    await tx.db
      .update(groups)
      .set({ status: "inactive", notes: duplicate.notes ? `${duplicate.notes}\n${note}` : note, updatedAt: now })
      .where(eq(groups.id, duplicate.id));
    await tx.db.update(groups).set({ updatedAt: now }).where(eq(groups.id, keep.id));
    await recordAuditEvent({
      ctx: tx,
      input: {
        actorId: actor.personId,
        action: "group.merge",
        subject: `group:${keep.id}`,
        detail: { duplicateId: duplicate.id, duplicateName: duplicate.name, membersMoved, organizersMoved },
      },
    });
    return { membersMoved, organizersMoved };
  });
  await ctx.cache.invalidate(cacheTags.groups);
  return result;
}
