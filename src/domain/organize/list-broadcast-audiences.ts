import { asc, inArray } from "drizzle-orm";
import { groups, states } from "../../db/schema/index.js";
import type { Actor } from "../accounts/actor.js";
import { authorize } from "../access/policy.js";
import type { Ctx } from "../context.js";

export interface BroadcastAudiences {
  states: { code: string; name: string }[];
  /** Groups that may have members: active and inactive (pending groups have none yet). */
  groups: { id: number; name: string; state: string }[];
}

/** What national staff can choose to write to: a state, or one group. */
export async function listBroadcastAudiences({ ctx, input }: { ctx: Ctx; input: { actor: Actor | undefined } }): Promise<BroadcastAudiences> {
  authorize(input.actor, { to: "administer" });
  const [stateRows, groupRows] = await Promise.all([
    ctx.db.select({ code: states.usps, name: states.name }).from(states).orderBy(asc(states.name)),
    ctx.db
      .select({ id: groups.id, name: groups.name, state: groups.state })
      .from(groups)
      .where(inArray(groups.status, ["active", "inactive"]))
      .orderBy(asc(groups.state), asc(groups.name)),
  ]);
  return { states: stateRows, groups: groupRows };
}

/** The words for an audience value, given what was loaded: "Members of X", "People in Vermont", "everyone". */
export function describeAudience(audience: string, known: BroadcastAudiences): { kind: "all" } | { kind: "state"; name: string } | { kind: "group"; name: string } | undefined {
  if (audience === "all") return { kind: "all" };
  if (audience.startsWith("state:")) {
    const code = audience.slice(6);
    return { kind: "state", name: known.states.find((s) => s.code === code)?.name ?? code };
  }
  if (audience.startsWith("group:")) {
    const id = Number(audience.slice(6));
    return { kind: "group", name: known.groups.find((g) => g.id === id)?.name ?? audience };
  }
  return undefined;
}

