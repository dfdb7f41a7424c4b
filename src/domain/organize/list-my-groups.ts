import { and, asc, count, eq, inArray } from "drizzle-orm";
import { groupMemberships, groups } from "../../db/schema/index.js";
import type { Actor } from "../accounts/actor.js";
import type { Ctx } from "../context.js";
import { forbidden } from "../errors.js";

export interface MyGroup {
  id: number;
  name: string;
  state: string;
  city: string | null;
  status: "pending" | "active" | "inactive";
  lastConfirmedAt: Date | null;
  /** Members who confirmed their address and have not left. */
  activeMembers: number;
}

/** The groups the signed-in person organizes, by name. Staff see only the ones they organize themselves (all groups are in /admin). */
export async function listMyGroups({ ctx, input }: { ctx: Ctx; input: { actor: Actor | undefined } }): Promise<MyGroup[]> {
  const { actor } = input;
  if (!actor) throw forbidden("Sign in to see your groups.");
  const ids = [...actor.organizerOf];
  if (ids.length === 0) return [];
  const [rows, counts] = await Promise.all([
    ctx.db
      .select({ id: groups.id, name: groups.name, state: groups.state, city: groups.city, status: groups.status, lastConfirmedAt: groups.lastConfirmedAt })
      .from(groups)
      .where(inArray(groups.id, ids))
      .orderBy(asc(groups.name)),
    ctx.db
      .select({ groupId: groupMemberships.groupId, n: count() })
      .from(groupMemberships)
      .where(and(inArray(groupMemberships.groupId, ids), eq(groupMemberships.status, "active")))
      .groupBy(groupMemberships.groupId),
  ]);
  const members = new Map(counts.map((r) => [r.groupId, Number(r.n)]));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    state: row.state,
    city: row.city,
    status: row.status,
    lastConfirmedAt: row.lastConfirmedAt,
    activeMembers: members.get(row.id) ?? 0,
  }));
}
