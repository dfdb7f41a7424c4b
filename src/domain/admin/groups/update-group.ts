import { eq } from "drizzle-orm";
import { groups } from "../../../db/schema/index.js";
import { cacheTags } from "../../../db/read-cache.js";
import type { Actor } from "../../accounts/actor.js";
import { authorize } from "../../access/policy.js";
import { recordAuditEvent } from "../../audit/record-audit-event.js";
import { withTransaction, type Ctx } from "../../context.js";
import { invalid } from "../../errors.js";
import { locateGroups } from "../../groups/locate-groups.js";
import { groupFieldStrings, groupFields, groupRowChanges, validateGroupFields, type GroupField } from "./group-fields.js";
import { loadStateCodes, lockGroup, slugOwner, SLUG_TAKEN } from "./group-lookups.js";

/**
 * Staff edit any field of a group, including its kind, state and web address name (unique in
 * its state). Fields not given are left as they are. Moving a group to another city or state
 * without new coordinates places it again from its city.
 */
export async function updateGroup({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { actor: Actor | undefined; groupId: number; fields: Partial<Record<GroupField, string>> };
}): Promise<{ changed: GroupField[] }> {
  authorize(input.actor, { to: "administer" });
  const actor = input.actor;
  const { values, errors } = validateGroupFields(input.fields, { stateCodes: await loadStateCodes(ctx), creating: false });
  const result = await withTransaction(ctx, async (tx) => {
    const row = await lockGroup(tx, input.groupId);
    const state = values.state ?? row.state;
    const slug = values.slug ?? row.slug;
    if (Object.keys(errors).length === 0 && (await slugOwner(tx, state, slug, row.id)) !== undefined) errors.slug = SLUG_TAKEN;
    if (Object.keys(errors).length > 0) throw invalid("Please correct the marked fields.", errors);
    const before = groupFieldStrings(row);
    const changes = groupRowChanges(values, row.socialLinks);
    const moved = (values.state !== undefined && values.state !== row.state) || (values.city !== undefined && values.city !== row.city);
    const sameCoordinates = (values.latitude ?? row.latitude) === row.latitude && (values.longitude ?? row.longitude) === row.longitude;
    const relocate = moved && sameCoordinates;
    const now = tx.now();
    const [updated] = await tx.db
      .update(groups)
      .set({ ...changes, ...(relocate ? { latitude: null, longitude: null } : {}), updatedAt: now })
      .where(eq(groups.id, row.id))
      .returning();
    if (relocate) await locateGroups(tx.db);
    const after = groupFieldStrings(updated!);
    const changed = groupFields.filter((f) => before[f] !== after[f]);
    if (changed.length > 0) {
      await recordAuditEvent({
        ctx: tx,
        input: {
          actorId: actor.personId,
          action: "group.update",
          subject: `group:${row.id}`,
          detail: { changed, ...Object.fromEntries(changed.filter((f) => after[f].length <= 200).map((f) => [f, { from: before[f], to: after[f] }])) },
        },
      });
    }
    return { changed };
  });
  await ctx.cache.invalidate(cacheTags.groups);
  return result;
}
