import { z } from "zod";
import { cacheTags } from "../../../db/read-cache.js";
import type { Actor } from "../../accounts/actor.js";
import { authorize } from "../../access/policy.js";
import { recordAuditEvent } from "../../audit/record-audit-event.js";
import { withTransaction, type MailCtx } from "../../context.js";
import { invalid } from "../../errors.js";
import { approveInTransaction } from "../../groups/approve-group-application.js";

const Input = z.object({ applicationId: z.number().int().positive(), note: z.string().max(4000).optional() });

/**
 * National staff approve a founding application: the group goes live, the applicant becomes
 * its first organizer and is told, and everyone waiting for a group in that state hears about
 * it (approveInTransaction), all in one transaction with the audit line.
 */
export async function approveApplication({
  ctx,
  input,
}: {
  ctx: MailCtx;
  input: { actor: Actor | undefined; applicationId: number; note?: string | undefined };
}): Promise<{ groupId: number; waitlistNotified: number }> {
  authorize(input.actor, { to: "administer" });
  const actor = input.actor;
  const parsed = Input.safeParse({ applicationId: input.applicationId, note: input.note?.trim() || undefined });
  if (!parsed.success) throw invalid("Please correct the marked fields.", { note: "too_long" });
  const { applicationId, note } = parsed.data;
  const result = await withTransaction(ctx, async (tx) => {
    const approved = await approveInTransaction(tx, { applicationId, ...(note ? { note } : {}) });
    await recordAuditEvent({
      ctx: tx,
      input: { actorId: actor.personId, action: "application.approve", subject: `application:${applicationId}`, detail: { groupId: approved.groupId, waitlistNotified: approved.waitlistNotified } },
    });
    return approved;
  });
  await ctx.cache.invalidate(cacheTags.groups);
  return result;
}
