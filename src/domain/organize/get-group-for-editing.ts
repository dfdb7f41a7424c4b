import { eq } from "drizzle-orm";
import { groupOrganizers, groups, people, type GroupSocialLinks } from "../../db/schema/index.js";
import type { Actor } from "../accounts/actor.js";
import { authorize } from "../access/policy.js";
import type { Ctx } from "../context.js";
import { notFound } from "../errors.js";
import { groupPath } from "../groups/group-directory.js";

export interface GroupForEditing {
  id: number;
  name: string;
  state: string;
  /** The public page (listed only while the group is active). */
  path: string;
  status: "pending" | "active" | "inactive";
  city: string | null;
  description: string | null;
  meetingDetails: string | null;
  websiteUrl: string | null;
  socialLinks: GroupSocialLinks;
  lastConfirmedAt: Date | null;
  /** Who runs the group (names only: organizers see each other's names, not addresses). */
  organizers: { name: string; isFounder: boolean }[];
}

/** A group as its organizers edit it. Only its organizers and national staff may open it. */
export async function getGroupForEditing({ ctx, input }: { ctx: Ctx; input: { actor: Actor | undefined; groupId: number } }): Promise<GroupForEditing> {
  authorize(input.actor, { to: "manage-group", groupId: input.groupId });
  const [row] = await ctx.db.select().from(groups).where(eq(groups.id, input.groupId));
  if (!row) throw notFound(`There is no group ${input.groupId}.`);
  const organizers = await ctx.db
    .select({ name: people.name, isFounder: groupOrganizers.isFounder })
    .from(groupOrganizers)
    .innerJoin(people, eq(people.id, groupOrganizers.personId))
    .where(eq(groupOrganizers.groupId, row.id))
    .orderBy(groupOrganizers.createdAt);
  return {
    id: row.id,
    name: row.name,
    state: row.state,
    path: groupPath(row.state, row.slug),
    status: row.status,
    city: row.city,
    description: row.description,
    meetingDetails: row.meetingDetails,
    websiteUrl: row.websiteUrl,
    socialLinks: row.socialLinks ?? {},
    lastConfirmedAt: row.lastConfirmedAt,
    organizers,
  };
}
