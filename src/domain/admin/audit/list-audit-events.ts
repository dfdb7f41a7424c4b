import { and, desc, eq, like, lt, type SQL } from "drizzle-orm";
import { z } from "zod";
import { auditEvents, people } from "../../../db/schema/index.js";
import type { Actor } from "../../accounts/actor.js";
import { authorize } from "../../access/policy.js";
import type { Ctx } from "../../context.js";
import { invalid } from "../../errors.js";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditEventRow {
  id: number;
  /** Null when the command line or the system did it, or the person was deleted. */
  actor: { name: string; email: string } | null;
  action: string;
  subject: string | null;
  detail: Record<string, unknown> | null;
  at: Date;
}

export interface AuditEventPage {
  events: AuditEventRow[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  olderThan: number | null;
}

const Input = z.object({
  /** "campaign." shows campaign.create, campaign.update, campaign.activate. */
  action: z.string().trim().max(100).optional(),
  actorEmail: z.string().trim().max(254).optional(),
  /** Show events with ids below this: the "older" link. */
  before: z.coerce.number().int().positive().optional(),
  limit: z.number().int().min(1).max(200).default(AUDIT_PAGE_SIZE),
});

/** The audit log, newest first, a page at a time, optionally narrowed by action prefix and by who did it. */
export async function listAuditEvents({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { actor: Actor | undefined; action?: string | undefined; actorEmail?: string | undefined; before?: string | number | undefined; limit?: number };
}): Promise<AuditEventPage> {
  authorize(input.actor, { to: "administer" });
  const parsed = Input.safeParse({
    action: input.action || undefined,
    actorEmail: input.actorEmail || undefined,
    before: input.before === "" ? undefined : input.before,
    limit: input.limit,
  });
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? "action");
    throw invalid("The filter is not valid.", { [field]: field === "before" ? "out_of_range" : "too_long" });
  }
  const { action, actorEmail, before, limit } = parsed.data;
  const where: SQL[] = [];
  if (action) where.push(like(auditEvents.action, `${action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (actorEmail) where.push(eq(people.emailKey, actorEmail.toLowerCase()));
  if (before !== undefined) where.push(lt(auditEvents.id, before));
  const rows = await ctx.db
    .select({
      id: auditEvents.id,
      name: people.name,
      email: people.email,
      action: auditEvents.action,
      subject: auditEvents.subject,
      detail: auditEvents.detail,
      at: auditEvents.createdAt,
    })
    .from(auditEvents)
    .leftJoin(people, eq(people.id, auditEvents.actorId))
    .where(where.length > 0 ? and(...where) : undefined)
    // Ids follow insertion order; createdAt can tie within a transaction.
    .orderBy(desc(auditEvents.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return {
    events: page.map((r) => ({
      id: r.id,
      actor: r.email === null ? null : { name: r.name ?? "", email: r.email },
      action: r.action,
      subject: r.subject,
      detail: r.detail,
      at: r.at,
    })),
    olderThan: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}
