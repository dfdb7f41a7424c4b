import { hash as argonHash, verify as argonVerify } from "@node-rs/argon2";
import { and, eq, gt, isNull } from "drizzle-orm";
import { emailTokens, passwordCredentials, people } from "../../db/schema/index.js";
import type { Ctx } from "../context.js";
import { invalid } from "../errors.js";
import { emailKey } from "../people/find-or-create-person.js";
import { hashToken } from "../updates/links.js";
import { loadActor } from "./actor.js";
import { createSession } from "./sessions.js";

/** argon2id, OWASP's second recommended setting (19 MiB, 2 passes): about 30 ms here. */
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
export const PASSWORD_MIN = 12;
const PASSWORD_MAX = 200;
/** Verified against when the address has no password, so both answers take as long. */
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$IhcSo1YegSHdzVl9RlF+Ug$krsm+Ne5XDhYC9iEd2w0hEMBPx9uMKrg2cAJTst00jg";

/**
 * Follow a sign-in link: it works once, before it expires, for someone who still has a role.
 * Returns the new session's token for the cookie.
 */
export async function signInWithLink({ ctx, input }: { ctx: Ctx; input: { token: string; userAgent?: string | undefined } }): Promise<{ sessionToken: string; personId: number }> {
  const now = ctx.now();
  const [used] = await ctx.db
    .update(emailTokens)
    .set({ usedAt: now })
    .where(
      and(eq(emailTokens.tokenHash, hashToken(input.token)), eq(emailTokens.purpose, "sign_in"), isNull(emailTokens.usedAt), gt(emailTokens.expiresAt, now)),
    )
    .returning({ personId: emailTokens.personId });
  if (!used || !(await loadActor(ctx, used.personId))) {
    throw invalid("This sign-in link has expired or was already used. Ask for a new one.", { token: "invalid_choice" });
  }
  return { sessionToken: await createSession(ctx, used.personId, input.userAgent), personId: used.personId };
}

/** Sign in with e-mail and password. Wrong address and wrong password get the same answer. */
export async function signInWithPassword({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { email: string; password: string; userAgent?: string | undefined };
}): Promise<{ sessionToken: string; personId: number }> {
  const [row] = await ctx.db
    .select({ personId: people.id, hash: passwordCredentials.hash })
    .from(people)
    .innerJoin(passwordCredentials, eq(passwordCredentials.personId, people.id))
    .where(eq(people.emailKey, emailKey(input.email)));
  const password = input.password.slice(0, PASSWORD_MAX);
  const ok = await argonVerify(row?.hash ?? DUMMY_HASH, password).catch(() => false);
  if (!row || !ok || !(await loadActor(ctx, row.personId))) {
    throw invalid("That e-mail address and password do not match. Try again, or ask for a sign-in link.", { password: "no_match" });
  }
  return { sessionToken: await createSession(ctx, row.personId, input.userAgent), personId: row.personId };
}

/** Set or change the signed-in person's password. */
export async function setPassword({ ctx, input }: { ctx: Ctx; input: { personId: number; password: string } }): Promise<void> {
  if (input.password.length < PASSWORD_MIN) throw invalid(`Use at least ${PASSWORD_MIN} characters.`, { password: "too_short" });
  if (input.password.length > PASSWORD_MAX) throw invalid(`Use at most ${PASSWORD_MAX} characters.`, { password: "too_long" });
  const hash = await argonHash(input.password, ARGON2);
  const now = ctx.now();
  await ctx.db
    .insert(passwordCredentials)
    .values({ personId: input.personId, hash, updatedAt: now })
    .onConflictDoUpdate({ target: passwordCredentials.personId, set: { hash, updatedAt: now } });
}

export async function hasPassword(ctx: Ctx, personId: number): Promise<boolean> {
  const rows = await ctx.db.select({ id: passwordCredentials.personId }).from(passwordCredentials).where(eq(passwordCredentials.personId, personId));
  return rows.length > 0;
}
