import { groups } from "../../../db/schema/index.js";
import { cacheTags } from "../../../db/read-cache.js";
import type { Actor } from "../../accounts/actor.js";
import { authorize } from "../../access/policy.js";
import { recordAuditEvent } from "../../audit/record-audit-event.js";
import { withTransaction, type Ctx } from "../../context.js";
import { invalid } from "../../errors.js";
import { locateGroups } from "../../groups/locate-groups.js";
import { groupRowChanges, validateGroupFields, type GroupField } from "./group-fields.js";
import { loadStateCodes, slugOwner, SLUG_TAKEN } from "./group-lookups.js";

/** Staff add a group directly (active unless they say otherwise); it is placed on the map from its city. */
export async function createGroup({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { actor: Actor | undefined; fields: Partial<Record<GroupField, string>> };
}): Promise<{ groupId: number }> {
  authorize(input.actor, { to: "administer" });
  const actor = input.actor;
  const { values, errors } = validateGroupFields(input.fields, { stateCodes: await loadStateCodes(ctx), creating: true });
  const result = await withTransaction(ctx, async (tx) => {
    // Checked once the rest is right, so the page has one kind of problem to explain at a time.
    if (Object.keys(errors).length === 0 && (await slugOwner(tx, values.state!, values.slug!)) !== undefined) errors.slug = SLUG_TAKEN;
    if (Object.keys(errors).length > 0) throw invalid("Please correct the marked fields.", errors);
    const now = tx.now();
    const [group] = await tx.db
      .insert(groups)
      .values({
        ...groupRowChanges(values, null),
        name: values.name!,
        slug: values.slug!,
        state: values.state!,
        kind: values.kind!,
        status: values.status ?? "active",
        lastConfirmedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: groups.id });
    await locateGroups(tx.db);
    await recordAuditEvent({
      ctx: tx,
      input: { actorId: actor.personId, action: "group.create", subject: `group:${group!.id}`, detail: { name: values.name, state: values.state, slug: values.slug } },
    });
    return { groupId: group!.id };
  });
  await ctx.cache.invalidate(cacheTags.groups);
  return result;
}
