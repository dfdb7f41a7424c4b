import { eq } from "drizzle-orm";
import { events, groups } from "../../db/schema/index.js";
import type { Actor } from "../accounts/actor.js";
import { authorize } from "../access/policy.js";
import type { Ctx } from "../context.js";
import { notFound } from "../errors.js";
import { loadEventSummaries, type EventSummaryForAuthors } from "./event-summaries-for-authors.js";

export interface GroupEventsForOrganizer {
  group: { id: number; name: string };
  upcoming: EventSummaryForAuthors[];
  past: EventSummaryForAuthors[];
}

/** A group's events, upcoming and past, with RSVP counts. Its organizers and national staff only. */
export async function listGroupEventsForOrganizer({ ctx, input }: { ctx: Ctx; input: { actor: Actor | undefined; groupId: number } }): Promise<GroupEventsForOrganizer> {
  authorize(input.actor, { to: "manage-group", groupId: input.groupId });
  const [group] = await ctx.db.select({ id: groups.id, name: groups.name }).from(groups).where(eq(groups.id, input.groupId));
  if (!group) throw notFound(`There is no group ${input.groupId}.`);
  const { upcoming, past } = await loadEventSummaries(ctx, eq(events.groupId, group.id));
  return { group, upcoming, past };
}
