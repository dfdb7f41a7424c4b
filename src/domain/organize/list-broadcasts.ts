import { desc, eq } from "drizzle-orm";
import { broadcasts } from "../../db/schema/index.js";
import type { Actor } from "../accounts/actor.js";
import { authorize } from "../access/policy.js";
import type { Ctx } from "../context.js";
import { audiencePermission } from "./broadcast-access.js";
import { parseAudience } from "../broadcasts/audience.js";

export interface BroadcastSummary {
  id: number;
  subject: string;
  audience: string;
  status: "draft" | "sending" | "sent" | "cancelled";
  recipients: number | null;
  createdAt: Date;
  startedAt: Date | null;
}

/**
 * The newest broadcasts to one audience ("group:12"), or to every audience when `audience` is
 * undefined (national staff only).
 */
export async function listBroadcasts({ ctx, input }: { ctx: Ctx; input: { actor: Actor | undefined; audience?: string; limit?: number } }): Promise<BroadcastSummary[]> {
  authorize(input.actor, input.audience === undefined ? { to: "administer" } : audiencePermission(parseAudience(input.audience)));
  const query = ctx.db
    .select({
      id: broadcasts.id,
      subject: broadcasts.subject,
      audience: broadcasts.audience,
      status: broadcasts.status,
      recipients: broadcasts.recipientCount,
      createdAt: broadcasts.createdAt,
      startedAt: broadcasts.startedAt,
    })
    .from(broadcasts);
  const filtered = input.audience === undefined ? query : query.where(eq(broadcasts.audience, input.audience));
  return filtered.orderBy(desc(broadcasts.id)).limit(input.limit ?? 50);
}
