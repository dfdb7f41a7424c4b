import { isNotNull } from "drizzle-orm";
import { z } from "zod";
import { events } from "../../db/schema/index.js";
import type { Actor } from "../accounts/actor.js";
import { authorize } from "../access/policy.js";
import type { Ctx } from "../context.js";
import { loadEventSummaries, nationalOnly, type EventSummaryForAuthors } from "./event-summaries-for-authors.js";

export const staffEventScopes = ["all", "national", "groups"] as const;
export type StaffEventScope = (typeof staffEventScopes)[number];

const filterSchema = z.object({
  /** Unknown values fall back to "all": a filter in a URL never makes the page fail. */
  scope: z.enum(staffEventScopes).catch("all").default("all"),
});

export interface EventsForStaff {
  scope: StaffEventScope;
  upcoming: EventSummaryForAuthors[];
  past: EventSummaryForAuthors[];
}

/** Every event, national and groups', upcoming and past, with RSVP counts. National staff only. */
export async function listEventsForStaff({ ctx, input }: { ctx: Ctx; input: { actor: Actor | undefined; scope?: string | undefined } }): Promise<EventsForStaff> {
  authorize(input.actor, { to: "administer" });
  const { scope } = filterSchema.parse({ scope: input.scope });
  const where = scope === "national" ? nationalOnly() : scope === "groups" ? isNotNull(events.groupId) : undefined;
  const { upcoming, past } = await loadEventSummaries(ctx, where);
  return { scope, upcoming, past };
}
