import { and, count, eq } from "drizzle-orm";
import { broadcasts, mailMessages } from "../../db/schema/index.js";
import type { Ctx } from "../context.js";
import { notFound } from "../errors.js";

export interface BroadcastProgress {
  id: number;
  subject: string;
  audience: string;
  status: "draft" | "sending" | "sent" | "cancelled";
  recipients: number;
  queued: number;
  sent: number;
  failed: number;
  skipped: number;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/**
 * Where a broadcast stands: queued / sent / failed / skipped. The first reader to see nothing
 * left queued marks it finished.
 */
export async function getBroadcastProgress({ ctx, input }: { ctx: Ctx; input: { broadcastId: number } }): Promise<BroadcastProgress> {
  const [broadcast] = await ctx.db.select().from(broadcasts).where(eq(broadcasts.id, input.broadcastId));
  if (!broadcast) throw notFound(`There is no broadcast ${input.broadcastId}.`);
  const rows = await ctx.db
    .select({ status: mailMessages.status, n: count() })
    .from(mailMessages)
    .where(eq(mailMessages.broadcastId, broadcast.id))
    .groupBy(mailMessages.status);
  const by = Object.fromEntries(rows.map((r) => [r.status, r.n])) as Partial<Record<string, number>>;
  const progress: BroadcastProgress = {
    id: broadcast.id,
    subject: broadcast.subject,
    audience: broadcast.audience,
    status: broadcast.status,
    recipients: broadcast.recipientCount ?? 0,
    queued: by.queued ?? 0,
    sent: by.sent ?? 0,
    failed: by.failed ?? 0,
    skipped: by.skipped ?? 0,
    startedAt: broadcast.startedAt,
    finishedAt: broadcast.finishedAt,
  };
  if (progress.status === "sending" && progress.queued === 0) {
    const finishedAt = ctx.now();
    await ctx.db
      .update(broadcasts)
      .set({ status: "sent", finishedAt })
      .where(and(eq(broadcasts.id, broadcast.id), eq(broadcasts.status, "sending")));
    return { ...progress, status: "sent", finishedAt };
  }
  return progress;
}
