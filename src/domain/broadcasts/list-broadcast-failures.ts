import { and, asc, count, eq } from "drizzle-orm";
import { mailMessages } from "../../db/schema/index.js";
import type { Ctx } from "../context.js";

export interface BroadcastFailures {
  total: number;
  /** The first `limit` of them, oldest message first. */
  messages: { to: string; attempts: number; error: string | null }[];
}

/** The recipients a broadcast could not reach, with the last error each got, for the sender to act on. */
export async function listBroadcastFailures({ ctx, input }: { ctx: Ctx; input: { broadcastId: number; limit: number } }): Promise<BroadcastFailures> {
  const failed = and(eq(mailMessages.broadcastId, input.broadcastId), eq(mailMessages.status, "failed"));
  const [total] = await ctx.db.select({ n: count() }).from(mailMessages).where(failed);
  const rows = await ctx.db
    .select({ to: mailMessages.toAddress, attempts: mailMessages.attempts, error: mailMessages.lastError })
    .from(mailMessages)
    .where(failed)
    .orderBy(asc(mailMessages.id))
    .limit(input.limit);
  return { total: Number(total?.n ?? 0), messages: rows };
}
