import { eq } from "drizzle-orm";
import { groupApplications } from "../../../db/schema/index.js";
import type { Actor } from "../../accounts/actor.js";
import { authorize } from "../../access/policy.js";
import { recordAuditEvent } from "../../audit/record-audit-event.js";
import { withTransaction, type MailCtx } from "../../context.js";
import { invalid, type FieldErrors } from "../../errors.js";
import { applicationAnswerToken } from "../../groups/answer-application-question.js";
import { requireText } from "../../people/validate-person-fields.js";
import { lockOpenApplication, mailApplicant } from "./decide-application.js";

/**
 * Ask the applicant a question before deciding. The application stays open (marked as waiting
 * for an answer, the question kept as its note); the applicant answers on the page the e-mail
 * links to (groups/answer-application-question.ts), or by replying.
 */
export async function requestMoreInfo({
  ctx,
  input,
}: {
  ctx: MailCtx;
  input: { actor: Actor | undefined; applicationId: number; question: string };
}): Promise<void> {
  authorize(input.actor, { to: "administer" });
  const actor = input.actor;
  const errors: FieldErrors = {};
  const question = requireText(input.question, "question", 4000, errors);
  if (Object.keys(errors).length > 0) throw invalid("Please write your question.", errors);
  await withTransaction(ctx, async (tx) => {
    const { application, group, applicant } = await lockOpenApplication(tx, input.applicationId);
    await tx.db.update(groupApplications).set({ status: "more_info_requested", decisionNote: question }).where(eq(groupApplications.id, application.id));
    // Each question is its own message: the key carries the time it was asked.
    await mailApplicant(tx, applicant, `founding-more-info:${application.id}:${tx.now().getTime()}`, {
      template: "founding-more-info",
      name: applicant.name,
      groupName: group.name,
      question,
      answerUrl: `${tx.mail.publicUrl}/start-a-group/answer/${applicationAnswerToken(tx.mail.secretKey, application.id, applicant.id)}`,
    });
    await recordAuditEvent({
      ctx: tx,
      input: { actorId: actor.personId, action: "application.request_info", subject: `application:${application.id}`, detail: { groupId: group.id, question } },
    });
  });
}
