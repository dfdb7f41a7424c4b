import { sql } from "drizzle-orm";
import { subscriptions } from "../../db/schema/index.js";
import type { Ctx } from "../context.js";
import type { ListKey } from "./lists.js";

/**
 * Record consent to `list`, pending confirmation. An active subscription stays active; an
 * unsubscribed one goes back to pending, never straight to active: anyone can type anyone's
 * address into a form. Returns the status after the change.
 */
export async function addPendingSubscription(ctx: Ctx, personId: number, list: ListKey, sourcePage?: string) {
  const [row] = await ctx.db
    .insert(subscriptions)
    .values({ personId, list, status: "pending", sourcePage: sourcePage ?? null, createdAt: ctx.now() })
    .onConflictDoUpdate({
      target: [subscriptions.personId, subscriptions.list],
      set: { status: sql`case when ${subscriptions.status} = 'active' then 'active' else 'pending' end` },
    })
    .returning({ status: subscriptions.status });
  return row!.status;
}
