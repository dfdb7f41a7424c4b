import type { Ctx } from "../context.js";
import { notFound } from "../errors.js";
import { groupPath, loadGroupDirectory, type PublicGroup } from "./group-directory.js";

/** A listed group by state and slug. Pending and inactive groups are not found. */
export async function getGroup({ ctx, input }: { ctx: Ctx; input: { state: string; slug: string } }): Promise<PublicGroup> {
  const directory = await loadGroupDirectory(ctx);
  const group = directory.byPath.get(groupPath(input.state, input.slug));
  if (!group) throw notFound("We could not find that group. It may have moved or closed.");
  return group;
}
