import { countDistinct, eq } from "drizzle-orm";
import { people, subscriptions } from "../../db/schema/index.js";
import type { Ctx } from "../context.js";
import { invalid } from "../errors.js";
import { audienceCondition, parseAudience } from "./audience.js";

/** How many people a broadcast to `audience` would reach if it started now, each counted once. */
export async function countBroadcastAudience({ ctx, input }: { ctx: Ctx; input: { audience: string } }): Promise<number> {
  const audience = parseAudience(input.audience.trim());
  if (!audience) throw invalid(`Unknown audience ${JSON.stringify(input.audience)}.`, { audience: "invalid_choice" });
  const [row] = await ctx.db
    .select({ n: countDistinct(people.id) })
    .from(people)
    .innerJoin(subscriptions, eq(subscriptions.personId, people.id))
    .where(audienceCondition(audience));
  return Number(row?.n ?? 0);
}
