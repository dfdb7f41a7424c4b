import { eq, sql } from "drizzle-orm";
import { toCount } from "../../db/client.js";
import { z } from "zod";
import { attributions } from "../../db/schema/index.js";
import type { Ctx } from "../context.js";
import { isReferralCode } from "./referral-code.js";

/**
 * How many people came through one share link and did something: each known person once,
 * however many things they did, plus each anonymous action (we cannot tell those apart).
 */
export async function countReferrals({ ctx, input }: { ctx: Ctx; input: { code: string } }): Promise<number> {
  const code = z.string().parse(input.code);
  if (!isReferralCode(code)) return 0;
  const [row] = await ctx.db
    .select({
      people: sql<number | string>`count(distinct ${attributions.personId})`,
      anonymous: sql<number | string>`count(*) filter (where ${attributions.personId} is null)`,
    })
    .from(attributions)
    .where(eq(attributions.referralCode, code));
  return toCount(row?.people ?? 0) + toCount(row?.anonymous ?? 0);
}
