import { and, asc, count, eq, ilike, inArray, type SQL } from "drizzle-orm";
import { groupMemberships, groupOrganizers, groups, states, type GroupKind } from "../../../db/schema/index.js";
import type { Actor } from "../../accounts/actor.js";
import { authorize } from "../../access/policy.js";
import type { Ctx } from "../../context.js";
import { groupStatuses, type GroupStatus } from "./group-fields.js";

export interface AdminGroupRow {
  id: number;
  name: string;
  slug: string;
  state: string;
  stateName: string;
  city: string | null;
  kind: GroupKind;
  status: GroupStatus;
  memberCount: number;
  organizerCount: number;
  updatedAt: Date;
}

export const ADMIN_GROUP_LIST_LIMIT = 500;

/** Every group whatever its status, for staff: filter by state and status, search by name. */
export async function listGroupsForAdmin({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { actor: Actor | undefined; state?: string | undefined; status?: string | undefined; q?: string | undefined };
}): Promise<{ groups: AdminGroupRow[]; truncated: boolean }> {
  authorize(input.actor, { to: "administer" });
  const filters: SQL[] = [];
  const state = input.state?.trim().toUpperCase();
  if (state) filters.push(eq(groups.state, state));
  if (input.status && (groupStatuses as readonly string[]).includes(input.status)) filters.push(eq(groups.status, input.status as GroupStatus));
  const q = input.q?.trim().slice(0, 100);
  if (q) filters.push(ilike(groups.name, `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  const rows = await ctx.db
    .select({
      id: groups.id,
      name: groups.name,
      slug: groups.slug,
      state: groups.state,
      stateName: states.name,
      city: groups.city,
      kind: groups.kind,
      status: groups.status,
      updatedAt: groups.updatedAt,
    })
    .from(groups)
    .leftJoin(states, eq(states.usps, groups.state))
    .where(filters.length ? and(...filters) : undefined)
    .orderBy(asc(groups.state), asc(groups.name), asc(groups.id))
    .limit(ADMIN_GROUP_LIST_LIMIT + 1);
  const shown = rows.slice(0, ADMIN_GROUP_LIST_LIMIT);
  const ids = shown.map((r) => r.id);
  const [members, organizers] = ids.length
    ? await Promise.all([
        ctx.db
          .select({ groupId: groupMemberships.groupId, n: count() })
          .from(groupMemberships)
          .where(and(inArray(groupMemberships.groupId, ids), eq(groupMemberships.status, "active")))
          .groupBy(groupMemberships.groupId),
        ctx.db.select({ groupId: groupOrganizers.groupId, n: count() }).from(groupOrganizers).where(inArray(groupOrganizers.groupId, ids)).groupBy(groupOrganizers.groupId),
      ])
    : [[], []];
  const memberCounts = new Map(members.map((r) => [r.groupId, r.n]));
  const organizerCounts = new Map(organizers.map((r) => [r.groupId, r.n]));
  return {
    truncated: rows.length > ADMIN_GROUP_LIST_LIMIT,
    groups: shown.map((r) => ({
      id: r.id,
      name: r.name,
      slug: r.slug,
      state: r.state,
      stateName: r.stateName ?? (r.state === "US" ? "United States" : r.state),
      city: r.city,
      kind: r.kind,
      status: r.status,
      memberCount: memberCounts.get(r.id) ?? 0,
      organizerCount: organizerCounts.get(r.id) ?? 0,
      updatedAt: r.updatedAt,
    })),
  };
}
