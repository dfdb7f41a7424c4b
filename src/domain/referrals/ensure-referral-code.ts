import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { referralCodes } from "../../db/schema/index.js";
import type { Ctx } from "../context.js";
import { isReferralCode, newReferralCode } from "./referral-code.js";

const Input = z.object({
  /** The person who just acted, when the action had one (sign-up, join). */
  personId: z.number().int().positive().optional(),
  /** The code this browser already holds, if any. */
  current: z.string().optional(),
});

/**
 * The personal share code for whoever just acted. A person keeps one code for good; a browser
 * that acted anonymously keeps its code, and hands it to the person once they sign up, so links
 * shared before signing up still count.
 */
export async function ensureReferralCode({ ctx, input }: { ctx: Ctx; input: z.input<typeof Input> }): Promise<string> {
  const { personId, current } = Input.parse(input);
  const held = isReferralCode(current) ? current : undefined;
  if (personId !== undefined) {
    const [own] = await ctx.db.select({ code: referralCodes.code }).from(referralCodes).where(eq(referralCodes.personId, personId));
    if (own) return own.code;
    if (held) {
      const claimed = await ctx.db
        .update(referralCodes)
        .set({ personId })
        .where(and(eq(referralCodes.code, held), isNull(referralCodes.personId)))
        .returning({ code: referralCodes.code });
      if (claimed[0]) return claimed[0].code;
    }
    return insertCode(ctx, personId);
  }
  if (held) {
    const [known] = await ctx.db.select({ code: referralCodes.code }).from(referralCodes).where(eq(referralCodes.code, held));
    if (known) return known.code;
  }
  return insertCode(ctx, null);
}

async function insertCode(ctx: Ctx, personId: number | null) {
  // 31^8 ≈ 850 billion codes: a collision is rare, and simply retried.
  for (let attempt = 0; attempt < 5; attempt++) {
    const [row] = await ctx.db
      .insert(referralCodes)
      .values({ code: newReferralCode(), personId, createdAt: ctx.now() })
      .onConflictDoNothing()
      .returning({ code: referralCodes.code });
    if (row) return row.code;
    if (personId !== null) {
      // Someone else (a parallel request) gave this person a code first.
      const [own] = await ctx.db.select({ code: referralCodes.code }).from(referralCodes).where(eq(referralCodes.personId, personId));
      if (own) return own.code;
    }
  }
  throw new Error("could not allocate a referral code");
}
