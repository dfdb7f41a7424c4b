import { eq } from "drizzle-orm";
import { cacheTags } from "../../db/read-cache.js";
import { events, groups } from "../../db/schema/index.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { withTransaction, type MailCtx } from "../context.js";
import { notFound } from "../errors.js";
import type { CreateEventInput } from "./event-fields.js";
import { authorizeEventManagement, eventPath } from "./event-records.js";
import { validateEventFields } from "./validate-event-fields.js";

/**
 * Create an event: a group's meeting (by its organizers or staff) or, with no group, a national
 * event (staff only). Every field is checked; problems come back per field.
 */
export async function createEvent({ ctx, input }: { ctx: MailCtx; input: CreateEventInput }): Promise<{ id: number; path: string }> {
  const { actor, groupId } = input;
  authorizeEventManagement(actor, groupId);
  if (groupId !== null) {
    const [group] = await ctx.db.select({ id: groups.id }).from(groups).where(eq(groups.id, groupId));
    if (!group) throw notFound(`There is no group ${groupId}.`);
  }
  const values = await validateEventFields(ctx, input.fields, { national: groupId === null });
  const created = await withTransaction(ctx, async (tx) => {
    const now = tx.now();
    const [row] = await tx.db
      .insert(events)
      .values({ ...values, groupId, createdByPersonId: actor.personId, createdAt: now, updatedAt: now })
      .returning({ id: events.id, slug: events.slug });
    const inserted = row!;
    await recordAuditEvent({
      ctx: tx,
      input: { actorId: actor.personId, action: "event.create", subject: `event:${inserted.id}`, detail: { groupId, title: values.title } },
    });
    return { id: inserted.id, path: eventPath(inserted) };
  });
  await ctx.cache.invalidate(cacheTags.events);
  return created;
}
