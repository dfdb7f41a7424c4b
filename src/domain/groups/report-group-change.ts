import { and, eq } from "drizzle-orm";
import { groupChangeReports, groups } from "../../db/schema/index.js";
import type { Ctx } from "../context.js";
import { invalid, notFound, type FieldErrors } from "../errors.js";
import { requireText } from "../people/validate-person-fields.js";
import { validateEmail } from "../updates/validate-email.js";

export const changeReportKinds = ["wrong_details", "not_meeting", "other"] as const;
export type ChangeReportKind = (typeof changeReportKinds)[number];

/**
 * Anyone can tell national staff that a listed group's details are wrong or that it stopped
 * meeting. It goes into the moderation queue; nothing on the public page changes until staff act.
 */
export async function reportGroupChange({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { state: string; slug: string; kind: string; message: string; email?: string | undefined };
}): Promise<{ id: number }> {
  const [group] = await ctx.db
    .select({ id: groups.id })
    .from(groups)
    .where(and(eq(groups.state, input.state.toUpperCase()), eq(groups.slug, input.slug), eq(groups.status, "active")));
  if (!group) throw notFound("There is no such group.");
  const errors: FieldErrors = {};
  const kind = (changeReportKinds as readonly string[]).includes(input.kind) ? (input.kind as ChangeReportKind) : undefined;
  if (!kind) errors.kind = input.kind ? "invalid_choice" : "required";
  const message = requireText(input.message, "message", 2000, errors);
  const email = input.email?.trim() || null;
  if (email) {
    const problem = validateEmail(email);
    if (problem) errors.email = problem;
  }
  if (Object.keys(errors).length > 0) throw invalid("Please check the report.", errors);
  const [row] = await ctx.db
    .insert(groupChangeReports)
    .values({ groupId: group.id, kind: kind!, message, reporterEmail: email, status: "open", createdAt: ctx.now() })
    .returning({ id: groupChangeReports.id });
  return { id: row!.id };
}
