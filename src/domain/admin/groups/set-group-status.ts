import { and, eq, inArray } from "drizzle-orm";
import { groupApplications, groups } from "../../../db/schema/index.js";
import { cacheTags } from "../../../db/read-cache.js";
import type { Actor } from "../../accounts/actor.js";
import { authorize } from "../../access/policy.js";
import { recordAuditEvent } from "../../audit/record-audit-event.js";
import { withTransaction, type Ctx } from "../../context.js";
import { conflict } from "../../errors.js";
import { lockGroup } from "./group-lookups.js";

/** Take a group off the directory (its page, members and organizers stay, ready for reactivation). */
export function deactivateGroup({ ctx, input }: { ctx: Ctx; input: { actor: Actor | undefined; groupId: number } }) {
  return setGroupStatus(ctx, input, "inactive");
}

/** List an inactive group again. A group still waiting for its founding decision goes through moderation instead. */
export function reactivateGroup({ ctx, input }: { ctx: Ctx; input: { actor: Actor | undefined; groupId: number } }) {
  return setGroupStatus(ctx, input, "active");
}

async function setGroupStatus(ctx: Ctx, input: { actor: Actor | undefined; groupId: number }, status: "active" | "inactive"): Promise<void> {
  authorize(input.actor, { to: "administer" });
  const actor = input.actor;
  await withTransaction(ctx, async (tx) => {
    const row = await lockGroup(tx, input.groupId);
    if (row.status === status) return;
    const [open] = await tx.db
      .select({ id: groupApplications.id })
      .from(groupApplications)
      .where(and(eq(groupApplications.groupId, row.id), inArray(groupApplications.status, ["pending", "more_info_requested"])));
    if (open) throw conflict(`Group ${row.id} is waiting for a decision on founding application ${open.id}; decide it in the moderation queue.`);
    const now = tx.now();
    await tx.db
      .update(groups)
      .set({ status, updatedAt: now, ...(status === "active" ? { lastConfirmedAt: now } : {}) })
      .where(eq(groups.id, row.id));
    await recordAuditEvent({
      ctx: tx,
      input: { actorId: actor.personId, action: status === "active" ? "group.reactivate" : "group.deactivate", subject: `group:${row.id}`, detail: { from: row.status } },
    });
  });
  await ctx.cache.invalidate(cacheTags.groups);
}
