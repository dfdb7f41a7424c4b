import { randomBytes } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import { sessions } from "../../db/schema/index.js";
import type { Ctx } from "../context.js";
import { hashToken } from "../updates/links.js";
import { loadActor, type Actor } from "./actor.js";

/** A session lasts this long from sign-in; signing in again starts a new one. */
export const SESSION_DAYS = 30;
/** lastSeenAt is written at most this often, not on every request. */
const SEEN_RESOLUTION_MS = 5 * 60_000;

/** Start a session for `personId`; returns the token for the cookie (only its hash is stored). */
export async function createSession(ctx: Ctx, personId: number, userAgent: string | undefined): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const now = ctx.now();
  await ctx.db.insert(sessions).values({
    tokenHash: hashToken(token),
    personId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000),
    lastSeenAt: now,
    userAgent: userAgent?.slice(0, 200) ?? null,
  });
  // Now and then, forget expired sessions of anyone.
  if (Math.random() < 0.05) await ctx.db.delete(sessions).where(lt(sessions.expiresAt, now));
  return token;
}

/** The signed-in actor for a session cookie, or undefined (no such session, expired, or no role left). */
export async function resolveSession({ ctx, input }: { ctx: Ctx; input: { token: string | undefined } }): Promise<Actor | undefined> {
  if (!input.token || input.token.length > 100) return undefined;
  const now = ctx.now();
  const tokenHash = hashToken(input.token);
  const [session] = await ctx.db
    .select({ personId: sessions.personId, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
  if (!session) return undefined;
  if (now.getTime() - session.lastSeenAt.getTime() > SEEN_RESOLUTION_MS) {
    await ctx.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  }
  return loadActor(ctx, session.personId);
}

export async function signOut({ ctx, input }: { ctx: Ctx; input: { token: string | undefined } }): Promise<void> {
  if (input.token) await ctx.db.delete(sessions).where(eq(sessions.tokenHash, hashToken(input.token)));
}

/** End every session of this person, on every device (after a lost phone, or a changed password). */
export async function signOutEverywhere({ ctx, input }: { ctx: Ctx; input: { personId: number } }): Promise<number> {
  const ended = await ctx.db.delete(sessions).where(eq(sessions.personId, input.personId)).returning({ hash: sessions.tokenHash });
  return ended.length;
}
