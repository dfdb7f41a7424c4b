import { eq } from "drizzle-orm";
import { z } from "zod";
import { attributionKinds, attributions, referralCodes } from "../../db/schema/index.js";
import type { Ctx } from "../context.js";
import { isEmptySource, parseTrafficSource } from "./referral-code.js";

const Input = z.object({
  kind: z.enum(attributionKinds),
  subject: z.string().min(1).max(120),
  personId: z.number().int().positive().optional(),
  ref: z.string().optional(),
  utmSource: z.string().optional(),
  utmCampaign: z.string().optional(),
  /** The acting browser's own code: following your own link is not a referral. */
  ownCode: z.string().optional(),
});

/**
 * Note what brought a sign-up, join or action. Unknown codes and self-referrals are ignored
 * (not refused): a mistyped link must never stop someone from acting. Returns whether a row was written.
 */
export async function recordAttribution({ ctx, input }: { ctx: Ctx; input: z.input<typeof Input> }): Promise<boolean> {
  const parsed = Input.parse(input);
  const source = parseTrafficSource({ ref: parsed.ref, utmSource: parsed.utmSource, utmCampaign: parsed.utmCampaign });
  let referralCode = source.referralCode;
  if (referralCode) {
    const [code] = await ctx.db.select({ personId: referralCodes.personId }).from(referralCodes).where(eq(referralCodes.code, referralCode));
    const isOwn = referralCode === parsed.ownCode || (code?.personId != null && code.personId === parsed.personId);
    if (!code || isOwn) referralCode = undefined;
  }
  if (isEmptySource({ ...source, referralCode })) return false;
  await ctx.db.insert(attributions).values({
    kind: parsed.kind,
    subject: parsed.subject,
    personId: parsed.personId ?? null,
    referralCode: referralCode ?? null,
    utmSource: source.utmSource ?? null,
    utmCampaign: source.utmCampaign ?? null,
    createdAt: ctx.now(),
  });
  return true;
}
