import { emailTokens } from "../../db/schema/index.js";
import type { Ctx } from "../context.js";
import { newConfirmToken } from "../updates/links.js";

/**
 * Store a fresh single-use token for a link we are about to e-mail (a confirmation or a
 * sign-in), valid for `lifetimeMs`. Returns the token for the link and the hash we keep; only
 * the hash is stored, so a database leak reveals no live link.
 */
export async function issueEmailToken(
  ctx: Ctx,
  input: { personId: number; purpose: "confirm" | "sign_in"; lifetimeMs: number },
): Promise<{ token: string; hash: string }> {
  const { token, hash } = newConfirmToken();
  const now = ctx.now();
  await ctx.db.insert(emailTokens).values({
    tokenHash: hash,
    personId: input.personId,
    purpose: input.purpose,
    createdAt: now,
    expiresAt: new Date(now.getTime() + input.lifetimeMs),
  });
  return { token, hash };
}
