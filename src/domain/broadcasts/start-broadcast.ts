import { and, asc, eq, gt, sql } from "drizzle-orm";
import { broadcasts, mailMessages, people, subscriptions } from "../../db/schema/index.js";
import { queues } from "../../jobs/queue.js";
import { withTransaction, type MailCtx } from "../context.js";
import { conflict, notFound } from "../errors.js";
import { audienceCondition, parseAudience } from "./audience.js";

const JOB_BATCH = 2_000;

/**
 * Snapshot the audience and queue one send job per recipient, all in one transaction: a crash
 * part-way leaves the broadcast a draft with nothing queued, and starting it again is safe.
 * Who receives it is fixed now; anyone who unsubscribes before their turn is skipped.
 */
export async function startBroadcast({ ctx, input }: { ctx: MailCtx; input: { broadcastId: number } }): Promise<{ recipients: number }> {
  return withTransaction(ctx, async (tx) => {
    const [broadcast] = await tx.db.select().from(broadcasts).where(eq(broadcasts.id, input.broadcastId)).for("update");
    if (!broadcast) throw notFound(`There is no broadcast ${input.broadcastId}.`);
    if (broadcast.status !== "draft") throw conflict(`Broadcast ${broadcast.id} was already started (${broadcast.status}).`);
    const audience = parseAudience(broadcast.audience);
    if (!audience) throw conflict(`Broadcast ${broadcast.id} has an audience we cannot read: ${broadcast.audience}.`);

    const now = tx.now();
    // One row per person even when they are on two matching lists (national and state).
    await tx.db.execute(sql`
      insert into ${mailMessages} (idempotency_key, person_id, to_address, to_name, template, broadcast_id, status, attempts, created_at)
      select distinct on (${people.id})
        'broadcast:' || ${broadcast.id} || ':' || ${people.id}, ${people.id}, ${people.email}, ${people.name},
        'broadcast', ${broadcast.id}, 'queued', 0, ${now}
      from ${people} join ${subscriptions} on ${subscriptions.personId} = ${people.id}
      where ${audienceCondition(audience)}
      order by ${people.id}
      on conflict (idempotency_key) do nothing`);

    let recipients = 0;
    let after = 0;
    for (;;) {
      const ids = await tx.db
        .select({ id: mailMessages.id })
        .from(mailMessages)
        .where(and(eq(mailMessages.broadcastId, broadcast.id), gt(mailMessages.id, after)))
        .orderBy(asc(mailMessages.id))
        .limit(JOB_BATCH);
      if (ids.length === 0) break;
      await tx.jobs.insert(queues.sendMail, ids.map((row) => ({ messageId: row.id })), { db: tx.db });
      recipients += ids.length;
      after = ids.at(-1)!.id;
    }
    await tx.db
      .update(broadcasts)
      .set({ status: recipients > 0 ? "sending" : "sent", recipientCount: recipients, startedAt: now, ...(recipients === 0 ? { finishedAt: now } : {}) })
      .where(eq(broadcasts.id, broadcast.id));
    return { recipients };
  });
}
