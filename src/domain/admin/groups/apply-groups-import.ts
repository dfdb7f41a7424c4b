import { eq } from "drizzle-orm";
import { groups } from "../../../db/schema/index.js";
import { cacheTags } from "../../../db/read-cache.js";
import type { Actor } from "../../accounts/actor.js";
import { authorize } from "../../access/policy.js";
import { recordAuditEvent } from "../../audit/record-audit-event.js";
import { withTransaction, type Ctx } from "../../context.js";
import { invalid } from "../../errors.js";
import { locateGroups } from "../../groups/locate-groups.js";
import { groupRowChanges } from "./group-fields.js";
import { planGroupsImport } from "./groups-csv.js";

/**
 * Step two of a groups import: check the file again (the database may have changed since the
 * preview) and apply every row in one transaction, or nothing when any row is wrong.
 */
export async function applyGroupsImport({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { actor: Actor | undefined; csv: string };
}): Promise<{ created: number; updated: number; unchanged: number }> {
  authorize(input.actor, { to: "administer" });
  const actor = input.actor;
  const result = await withTransaction(ctx, async (tx) => {
    const plan = await planGroupsImport(tx, input.csv);
    if (plan.fileErrors.length > 0 || plan.counts.invalid > 0) {
      throw invalid(`The file has ${plan.fileErrors.length + plan.counts.invalid} problem(s); nothing was imported. Preview it to see them.`);
    }
    const now = tx.now();
    const createdIds: number[] = [];
    const updatedIds: number[] = [];
    for (const row of plan.rows) {
      if (row.action === "create") {
        const v = row.values;
        const [created] = await tx.db
          .insert(groups)
          .values({ ...groupRowChanges(v, null), name: v.name!, slug: v.slug!, state: v.state!, kind: v.kind!, status: v.status ?? "active", createdAt: now, updatedAt: now })
          .returning({ id: groups.id });
        createdIds.push(created!.id);
      } else if (row.action === "update") {
        await tx.db
          .update(groups)
          .set({ ...groupRowChanges(row.values, row.currentSocial), updatedAt: now })
          .where(eq(groups.id, row.groupId!));
        updatedIds.push(row.groupId!);
      }
    }
    if (createdIds.length) await locateGroups(tx.db);
    const counts = { created: createdIds.length, updated: updatedIds.length, unchanged: plan.counts.unchanged };
    await recordAuditEvent({ ctx: tx, input: { actorId: actor.personId, action: "groups.import", detail: { ...counts, createdIds, updatedIds } } });
    return counts;
  });
  await ctx.cache.invalidate(cacheTags.groups);
  return result;
}
