import type { Ctx } from "../context.js";
import { loadGroupDirectory, type PublicGroup, type StateEntry } from "./group-directory.js";

export interface DirectoryListing {
  /** Every state, DC and territory in name order, each with its groups (possibly none). */
  states: (StateEntry & { groups: PublicGroup[] })[];
  national: PublicGroup[];
}

/** The state-by-state directory at /groups. */
export async function listGroupDirectory({ ctx }: { ctx: Ctx }): Promise<DirectoryListing> {
  const directory = await loadGroupDirectory(ctx);
  return {
    states: directory.states.map((state) => ({ ...state, groups: directory.groupsByState.get(state.code) ?? [] })),
    national: directory.groupsByState.get("US") ?? [],
  };
}
