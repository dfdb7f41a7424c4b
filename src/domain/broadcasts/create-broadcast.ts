import { eq } from "drizzle-orm";
import { broadcasts, groups, states } from "../../db/schema/index.js";
import type { Ctx } from "../context.js";
import { invalid, type FieldErrors } from "../errors.js";
import { validateEmail } from "../updates/validate-email.js";
import { formatAudience, parseAudience } from "./audience.js";

export interface CreateBroadcastInput {
  subject: string;
  bodyMarkdown: string;
  /** "all", "state:MN" or "group:<id>". */
  audience: string;
  senderName: string;
  replyTo?: string;
}

/** Save a broadcast as a draft after checking every field; sending is a separate step. */
export async function createBroadcast({ ctx, input }: { ctx: Ctx; input: CreateBroadcastInput }): Promise<{ id: number }> {
  const fieldErrors: FieldErrors = {};
  const subject = input.subject.trim();
  if (!subject) fieldErrors.subject = "required";
  else if (subject.length > 200) fieldErrors.subject = "too_long";
  if (!input.bodyMarkdown.trim()) fieldErrors.bodyMarkdown = "required";
  else if (input.bodyMarkdown.length > 100_000) fieldErrors.bodyMarkdown = "too_long";
  if (!input.senderName.trim()) fieldErrors.senderName = "required";
  else if (input.senderName.trim().length > 100) fieldErrors.senderName = "too_long";
  const replyTo = input.replyTo?.trim();
  if (replyTo) {
    const problem = validateEmail(replyTo);
    if (problem) fieldErrors.replyTo = problem;
  }
  const audience = parseAudience(input.audience.trim());
  if (!audience) fieldErrors.audience = "invalid_choice";
  else if (audience.kind === "state") {
    const [state] = await ctx.db.select({ usps: states.usps }).from(states).where(eq(states.usps, audience.state));
    if (!state) fieldErrors.audience = "invalid_choice";
  } else if (audience.kind === "group") {
    const [group] = await ctx.db.select({ id: groups.id }).from(groups).where(eq(groups.id, audience.groupId));
    if (!group) fieldErrors.audience = "invalid_choice";
  }
  if (Object.keys(fieldErrors).length > 0) throw invalid("The broadcast has problems: see each field.", fieldErrors);

  const [row] = await ctx.db
    .insert(broadcasts)
    .values({
      subject,
      bodyMarkdown: input.bodyMarkdown,
      audience: formatAudience(audience!),
      senderName: input.senderName.trim(),
      replyTo: replyTo || null,
      status: "draft",
      createdAt: ctx.now(),
    })
    .returning({ id: broadcasts.id });
  return { id: row!.id };
}
