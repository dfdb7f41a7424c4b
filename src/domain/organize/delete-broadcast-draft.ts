import { and, eq } from "drizzle-orm";
import { broadcasts } from "../../db/schema/index.js";
import type { Actor } from "../accounts/actor.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { withTransaction, type Ctx } from "../context.js";
import { DomainError } from "../errors.js";
import { loadBroadcastFor } from "./broadcast-access.js";

/**
 * Throw away a draft nobody will send ("Change the message" starts a new draft, so old ones pile
 * up). Only drafts: a broadcast that started sending is a record of what people received.
 */
export async function deleteBroadcastDraft({ ctx, input }: { ctx: Ctx; input: { actor: Actor | undefined; broadcastId: number } }): Promise<{ subject: string }> {
  const row = await loadBroadcastFor(ctx, input.actor, input.broadcastId);
  const actor = input.actor!;
  return withTransaction(ctx, async (tx) => {
    const deleted = await tx.db
      .delete(broadcasts)
      .where(and(eq(broadcasts.id, row.id), eq(broadcasts.status, "draft")))
      .returning({ id: broadcasts.id });
    if (deleted.length === 0) throw new DomainError("conflict", "Only a draft can be deleted; this broadcast has been sent.");
    await recordAuditEvent({
      ctx: tx,
      input: { actorId: actor.personId, action: "broadcast.delete-draft", subject: `broadcast:${row.id}`, detail: { audience: row.audience, subject: row.subject } },
    });
    return { subject: row.subject };
  });
}
