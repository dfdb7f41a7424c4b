import type { Actor } from "../accounts/actor.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { createBroadcast, type CreateBroadcastInput } from "../broadcasts/create-broadcast.js";
import { withTransaction, type Ctx } from "../context.js";
import { authorizeAudience } from "./broadcast-access.js";

/** Save a broadcast draft for an audience the actor may write to (see broadcast-access.ts). */
export async function draftBroadcast({ ctx, input }: { ctx: Ctx; input: CreateBroadcastInput & { actor: Actor | undefined } }): Promise<{ id: number }> {
  const { actor, ...draft } = input;
  authorizeAudience(actor, draft.audience);
  return withTransaction(ctx, async (tx) => {
    const { id } = await createBroadcast({ ctx: tx, input: draft });
    await recordAuditEvent({ ctx: tx, input: { actorId: actor.personId, action: "broadcast.draft", subject: `broadcast:${id}`, detail: { audience: draft.audience.trim() } } });
    return { id };
  });
}
