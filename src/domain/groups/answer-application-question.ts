import { createHmac, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import { groupApplications, groups } from "../../db/schema/index.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { withTransaction, type MailCtx } from "../context.js";
import { conflict, invalid, notFound, type FieldErrors } from "../errors.js";
import { requireText } from "../people/validate-person-fields.js";

/**
 * The link in a "question about your application" e-mail: `<application id>.<signature>`. It lets
 * the applicant (whoever holds the e-mail) answer on our site instead of by reply; it opens
 * nothing else, and stops working once the application is decided.
 */
export function applicationAnswerToken(secretKey: string, applicationId: number, applicantId: number): string {
  return `${applicationId}.${sign(secretKey, applicationId, applicantId)}`;
}

function sign(secretKey: string, applicationId: number, applicantId: number) {
  return createHmac("sha256", secretKey).update(`application-answer:${applicationId}:${applicantId}`).digest("base64url").slice(0, 32);
}

export interface ApplicationQuestion {
  groupName: string;
  question: string;
  /** What they answered last, if they did. */
  answer: string | null;
  /** False once staff approved or declined: nothing more to answer. */
  open: boolean;
}

async function applicationFor(ctx: MailCtx, token: string) {
  const match = /^(\d{1,9})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!match) throw notFound("This link is not valid.");
  const [row] = await ctx.db
    .select({ application: groupApplications, groupName: groups.name })
    .from(groupApplications)
    .innerJoin(groups, eq(groups.id, groupApplications.groupId))
    .where(eq(groupApplications.id, Number(match[1])));
  const expected = row ? Buffer.from(sign(ctx.mail.secretKey, row.application.id, row.application.applicantId)) : undefined;
  const given = Buffer.from(match[2]!);
  if (!row || !expected || expected.length !== given.length || !timingSafeEqual(expected, given)) throw notFound("This link is not valid.");
  return row;
}

/** The question staff asked, for the answer page. */
export async function getApplicationQuestion({ ctx, input }: { ctx: MailCtx; input: { token: string } }): Promise<ApplicationQuestion> {
  const { application, groupName } = await applicationFor(ctx, input.token);
  return {
    groupName,
    question: application.status === "more_info_requested" || application.answeredAt ? application.decisionNote ?? "" : "",
    answer: application.applicantAnswer,
    open: application.status === "pending" || application.status === "more_info_requested",
  };
}

/**
 * Keep the applicant's answer on the application and put it back in the staff queue
 * ("pending"), where it shows under the question. Answering again replaces the answer.
 */
export async function answerApplicationQuestion({ ctx, input }: { ctx: MailCtx; input: { token: string; answer: string } }): Promise<{ groupName: string }> {
  const errors: FieldErrors = {};
  const answer = requireText(input.answer, "answer", 4000, errors);
  if (Object.keys(errors).length > 0) throw invalid("Please write your answer.", errors);
  return withTransaction(ctx, async (tx) => {
    const { application, groupName } = await applicationFor(tx, input.token);
    if (application.status !== "pending" && application.status !== "more_info_requested") {
      throw conflict(`This application was already ${application.status}; there is nothing more to answer.`);
    }
    await tx.db
      .update(groupApplications)
      .set({ applicantAnswer: answer, answeredAt: tx.now(), status: "pending" })
      .where(eq(groupApplications.id, application.id));
    await recordAuditEvent({
      ctx: tx,
      input: { actorId: application.applicantId, action: "application.answer", subject: `application:${application.id}`, detail: { length: answer.length } },
    });
    return { groupName };
  });
}
