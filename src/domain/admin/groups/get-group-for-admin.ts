import { and, asc, count, eq } from "drizzle-orm";
import { groupApplications, groupMemberships, groupOrganizers, groups, people } from "../../../db/schema/index.js";
import type { Actor } from "../../accounts/actor.js";
import { authorize } from "../../access/policy.js";
import type { Ctx } from "../../context.js";
import { notFound } from "../../errors.js";
import { groupPath } from "../../groups/group-directory.js";
import { groupFieldStrings, type GroupField, type GroupStatus } from "./group-fields.js";

export interface AdminGroupDetail {
  id: number;
  name: string;
  state: string;
  status: GroupStatus;
  /** The public page (only reachable while active). */
  path: string;
  fields: Record<GroupField, string>;
  memberCount: number;
  organizers: { personId: number; name: string; email: string; isFounder: boolean }[];
  /** The founding application behind the group, if it came from one. */
  applicationId: number | null;
}

/** One group with everything staff may edit, its organizers and member count. */
export async function getGroupForAdmin({ ctx, input }: { ctx: Ctx; input: { actor: Actor | undefined; groupId: number } }): Promise<AdminGroupDetail> {
  authorize(input.actor, { to: "administer" });
  const [row] = Number.isSafeInteger(input.groupId) ? await ctx.db.select().from(groups).where(eq(groups.id, input.groupId)) : [];
  if (!row) throw notFound(`There is no group ${input.groupId}.`);
  const [organizers, [members], [application]] = await Promise.all([
    ctx.db
      .select({ personId: people.id, name: people.name, email: people.email, isFounder: groupOrganizers.isFounder })
      .from(groupOrganizers)
      .innerJoin(people, eq(people.id, groupOrganizers.personId))
      .where(eq(groupOrganizers.groupId, row.id))
      .orderBy(asc(people.name)),
    ctx.db
      .select({ n: count() })
      .from(groupMemberships)
      .where(and(eq(groupMemberships.groupId, row.id), eq(groupMemberships.status, "active"))),
    ctx.db.select({ id: groupApplications.id }).from(groupApplications).where(eq(groupApplications.groupId, row.id)).limit(1),
  ]);
  return {
    id: row.id,
    name: row.name,
    state: row.state,
    status: row.status,
    path: groupPath(row.state, row.slug),
    fields: groupFieldStrings(row),
    memberCount: members?.n ?? 0,
    organizers,
    applicationId: application?.id ?? null,
  };
}
