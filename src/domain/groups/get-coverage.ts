import type { Ctx } from "../context.js";
import { loadGroupDirectory } from "./group-directory.js";

export interface StateCoverage {
  code: string;
  name: string;
  groups: number;
  members: number;
}

export interface Coverage {
  /** Of the 50 states, how many have at least one active group. */
  covered: number;
  total: 50;
  /** The 50 states and DC, in name order. */
  states: StateCoverage[];
  /** States (of the 50) with no group yet, by name. */
  missing: { code: string; name: string }[];
}

/** How far the movement is from a group in every state. */
export async function getCoverage({ ctx }: { ctx: Ctx }): Promise<Coverage> {
  const directory = await loadGroupDirectory(ctx);
  const states = directory.states
    .filter((s) => s.type === "state" || s.type === "district")
    .map((s) => {
      const groups = directory.groupsByState.get(s.code) ?? [];
      return { code: s.code, name: s.name, groups: groups.length, members: groups.reduce((sum, g) => sum + g.memberCount, 0) };
    });
  const fifty = directory.states.filter((s) => s.type === "state");
  const missing = fifty.filter((s) => !(directory.groupsByState.get(s.code)?.length)).map((s) => ({ code: s.code, name: s.name }));
  return { covered: fifty.length - missing.length, total: 50, states, missing };
}
