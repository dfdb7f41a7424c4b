import { and, eq } from "drizzle-orm";
import { groupApplications, groups } from "../../../db/schema/index.js";
import { cacheTags } from "../../../db/read-cache.js";
import type { Actor } from "../../accounts/actor.js";
import { authorize } from "../../access/policy.js";
import { recordAuditEvent } from "../../audit/record-audit-event.js";
import { withTransaction, type MailCtx } from "../../context.js";
import { invalid, type FieldErrors } from "../../errors.js";
import { requireText } from "../../people/validate-person-fields.js";
import { lockOpenApplication, mailApplicant } from "./decide-application.js";

/**
 * Turn down a founding application with a reason, which the applicant receives by e-mail. The
 * group that was waiting for approval becomes inactive: it never went live and never will
 * unless staff reactivate it.
 */
export async function rejectApplication({
  ctx,
  input,
}: {
  ctx: MailCtx;
  input: { actor: Actor | undefined; applicationId: number; reason: string };
}): Promise<void> {
  authorize(input.actor, { to: "administer" });
  const actor = input.actor;
  const errors: FieldErrors = {};
  const reason = requireText(input.reason, "reason", 4000, errors);
  if (Object.keys(errors).length > 0) throw invalid("Please give the applicant a reason.", errors);
  await withTransaction(ctx, async (tx) => {
    const { application, group, applicant } = await lockOpenApplication(tx, input.applicationId);
    const now = tx.now();
    await tx.db.update(groupApplications).set({ status: "rejected", decisionNote: reason, decidedAt: now }).where(eq(groupApplications.id, application.id));
    await tx.db
      .update(groups)
      .set({ status: "inactive", updatedAt: now })
      .where(and(eq(groups.id, group.id), eq(groups.status, "pending")));
    await mailApplicant(tx, applicant, `founding-rejected:${application.id}`, { template: "founding-rejected", name: applicant.name, groupName: group.name, reason });
    await recordAuditEvent({
      ctx: tx,
      input: { actorId: actor.personId, action: "application.reject", subject: `application:${application.id}`, detail: { groupId: group.id, reason } },
    });
  });
  await ctx.cache.invalidate(cacheTags.groups);
}
