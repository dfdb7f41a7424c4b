import { eq } from "drizzle-orm";
import { broadcasts } from "../../db/schema/index.js";
import type { Actor } from "../accounts/actor.js";
import { authorize, type Permission } from "../access/policy.js";
import { parseAudience, type Audience } from "../broadcasts/audience.js";
import type { Ctx } from "../context.js";
import { notFound } from "../errors.js";

/**
 * Who may write to an audience: a group's organizers (and staff) to that group's members;
 * only national staff to everyone or to a whole state.
 */
export function audiencePermission(audience: Audience | undefined): Permission {
  return audience?.kind === "group" ? { to: "see-group-members", groupId: audience.groupId } : { to: "administer" };
}

/** Throws "forbidden" unless `actor` may write to `audience` ("all", "state:MN", "group:12"; unreadable ones are staff-only). */
export function authorizeAudience(actor: Actor | undefined, audience: string): asserts actor is Actor {
  authorize(actor, audiencePermission(parseAudience(audience.trim())));
}

export type BroadcastRow = typeof broadcasts.$inferSelect;

/** A broadcast the actor may see and send: missing is "not found", someone else's audience "forbidden". */
export async function loadBroadcastFor(ctx: Ctx, actor: Actor | undefined, broadcastId: number): Promise<BroadcastRow> {
  const [row] = await ctx.db.select().from(broadcasts).where(eq(broadcasts.id, broadcastId));
  if (!row) throw notFound(`There is no broadcast ${broadcastId}.`);
  authorizeAudience(actor, row.audience);
  return row;
}
