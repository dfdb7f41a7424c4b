import { and, eq, ne } from "drizzle-orm";
import { groups, states } from "../../../db/schema/index.js";
import type { Ctx } from "../../context.js";
import { notFound } from "../../errors.js";

/** State codes a group may have: every state and territory, and "US" for national organizations. */
export async function loadStateCodes(ctx: Ctx): Promise<Set<string>> {
  const rows = await ctx.db.select({ code: states.usps }).from(states);
  return new Set(["US", ...rows.map((r) => r.code)]);
}

/** The group that already uses `slug` in `state` (other than `exceptId`), if any. */
export async function slugOwner(ctx: Ctx, state: string, slug: string, exceptId?: number): Promise<number | undefined> {
  const [row] = await ctx.db
    .select({ id: groups.id })
    .from(groups)
    .where(and(eq(groups.state, state), eq(groups.slug, slug), exceptId === undefined ? undefined : ne(groups.id, exceptId)));
  return row?.id;
}

/** The stored group, locked for the rest of the transaction; "not found" for an unknown id. */
export async function lockGroup(ctx: Ctx, groupId: number) {
  const [row] = Number.isSafeInteger(groupId) ? await ctx.db.select().from(groups).where(eq(groups.id, groupId)).for("update") : [];
  if (!row) throw notFound(`There is no group ${groupId}.`);
  return row;
}

/**
 * Slugs come from slugify(), so they are always well formed: on the slug field, this code
 * means another group in the state already uses it (the page words it that way).
 */
export const SLUG_TAKEN = "invalid_choice" as const;
