import { auditEvents } from "../../db/schema/index.js";
import type { Ctx } from "../context.js";

export interface AuditEventInput {
  /** Who did it; null for the command line and the system. */
  actorId: number | null;
  /** "group.update", "members.export", "application.approve", … */
  action: string;
  /** "group:12", "person:40", "campaign:medicare-for-all". */
  subject?: string | undefined;
  detail?: Record<string, unknown> | undefined;
}

/** Write one line of the audit log. Call it in the same transaction as the change it records. */
export async function recordAuditEvent({ ctx, input }: { ctx: Ctx; input: AuditEventInput }): Promise<void> {
  await ctx.db.insert(auditEvents).values({
    actorId: input.actorId,
    action: input.action,
    subject: input.subject ?? null,
    detail: input.detail ?? null,
    createdAt: ctx.now(),
  });
}
