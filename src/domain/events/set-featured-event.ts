import { eq } from "drizzle-orm";
import { cacheTags } from "../../db/read-cache.js";
import { events } from "../../db/schema/index.js";
import type { Actor } from "../accounts/actor.js";
import { authorize } from "../access/policy.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { withTransaction, type Ctx } from "../context.js";
import { conflict } from "../errors.js";
import { loadEvent } from "./event-records.js";

/**
 * Staff feature one event on the home page ("Watch the strategy conference live"), or none
 * (`eventId: null`). Featuring one unfeatures any other: at most one at a time.
 */
export async function setFeaturedEvent({ ctx, input }: { ctx: Ctx; input: { actor: Actor | undefined; eventId: number | null } }): Promise<void> {
  const { actor } = input;
  authorize(actor, { to: "administer" });
  await withTransaction(ctx, async (tx) => {
    if (input.eventId !== null) {
      const event = await loadEvent(tx, input.eventId, { forUpdate: true });
      if (event.status === "cancelled") throw conflict("A cancelled event cannot be featured.");
    }
    await tx.db.update(events).set({ featured: false }).where(eq(events.featured, true));
    if (input.eventId !== null) await tx.db.update(events).set({ featured: true }).where(eq(events.id, input.eventId));
    await recordAuditEvent({
      ctx: tx,
      input: { actorId: actor.personId, action: "event.feature", subject: input.eventId === null ? undefined : `event:${input.eventId}` },
    });
  });
  await ctx.cache.invalidate(cacheTags.events);
}
