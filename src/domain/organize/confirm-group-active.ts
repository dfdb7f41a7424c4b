import { eq } from "drizzle-orm";
import { groups } from "../../db/schema/index.js";
import { cacheTags } from "../../db/read-cache.js";
import type { Actor } from "../accounts/actor.js";
import { authorize } from "../access/policy.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { withTransaction, type Ctx } from "../context.js";
import { notFound } from "../errors.js";

/** "We still meet": the group page shows the date, so visitors know the group is alive. */
export async function confirmGroupActive({ ctx, input }: { ctx: Ctx; input: { actor: Actor | undefined; groupId: number } }): Promise<{ lastConfirmedAt: Date }> {
  const { actor } = input;
  authorize(actor, { to: "manage-group", groupId: input.groupId });
  const now = ctx.now();
  await withTransaction(ctx, async (tx) => {
    const updated = await tx.db.update(groups).set({ lastConfirmedAt: now, updatedAt: now }).where(eq(groups.id, input.groupId)).returning({ id: groups.id });
    if (updated.length === 0) throw notFound(`There is no group ${input.groupId}.`);
    await recordAuditEvent({ ctx: tx, input: { actorId: actor.personId, action: "group.confirm-active", subject: `group:${input.groupId}` } });
  });
  await ctx.cache.invalidate(cacheTags.groups);
  return { lastConfirmedAt: now };
}
