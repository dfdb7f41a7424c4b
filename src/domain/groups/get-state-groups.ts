import type { Ctx } from "../context.js";
import { notFound } from "../errors.js";
import { loadGroupDirectory, type PublicGroup, type StateEntry } from "./group-directory.js";

/** One state's page: its name and its active groups. Unknown codes are "not found". */
export async function getStateGroups({ ctx, input }: { ctx: Ctx; input: { state: string } }): Promise<{ state: StateEntry; groups: PublicGroup[] }> {
  const code = input.state.toUpperCase();
  const directory = await loadGroupDirectory(ctx);
  const state = directory.states.find((s) => s.code === code);
  if (!state) throw notFound(`There is no state with the code ${input.state}.`);
  return { state, groups: directory.groupsByState.get(code) ?? [] };
}
