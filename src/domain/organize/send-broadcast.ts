import type { Actor } from "../accounts/actor.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { startBroadcast } from "../broadcasts/start-broadcast.js";
import { withTransaction, type MailCtx } from "../context.js";
import { loadBroadcastFor } from "./broadcast-access.js";

/** Start sending a draft the actor may send; the audit line commits with the recipients snapshot. */
export async function sendBroadcast({ ctx, input }: { ctx: MailCtx; input: { actor: Actor | undefined; broadcastId: number } }): Promise<{ recipients: number }> {
  const row = await loadBroadcastFor(ctx, input.actor, input.broadcastId);
  const actor = input.actor!;
  return withTransaction(ctx, async (tx) => {
    const result = await startBroadcast({ ctx: tx, input: { broadcastId: row.id } });
    await recordAuditEvent({
      ctx: tx,
      input: { actorId: actor.personId, action: "broadcast.send", subject: `broadcast:${row.id}`, detail: { audience: row.audience, recipients: result.recipients } },
    });
    return result;
  });
}
