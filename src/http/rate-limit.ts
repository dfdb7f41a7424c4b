import { lt, sql } from "drizzle-orm";
import { createMiddleware } from "hono/factory";
import type { Db } from "../db/client.js";
import { rateLimits } from "../db/schema/index.js";
import { HttpProblem } from "./http-problem.js";
import type { AppEnv } from "./types.js";

export interface RateLimitRule {
  /** Name of the thing being limited, e.g. "signup". */
  bucket: string;
  limit: number;
  windowSeconds: number;
}

/**
 * Count one hit for `clientKey` in the current fixed window and report whether it is allowed.
 * The counter lives in the database, so the limit holds across every app process.
 */
export async function hitRateLimit(db: Db, rule: RateLimitRule, clientKey: string, now: Date) {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const windowStart = nowSeconds - (nowSeconds % rule.windowSeconds);
  const windowEnd = windowStart + rule.windowSeconds;
  const key = `${rule.bucket}:${clientKey}:${windowStart}`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, count: 1, expiresAt: new Date(windowEnd * 1000) })
    .onConflictDoUpdate({ target: rateLimits.key, set: { count: sql`${rateLimits.count} + 1` } })
    .returning({ count: rateLimits.count });
  const count = row?.count ?? 1;
  return { allowed: count <= rule.limit, count, retryAfterSeconds: Math.max(1, windowEnd - nowSeconds) };
}

/** Delete finished windows. Called now and then; a stale row only costs disk space. */
export async function pruneRateLimits(db: Db, now: Date) {
  await db.delete(rateLimits).where(lt(rateLimits.expiresAt, now));
}

/** Middleware for public write endpoints: limits unsafe requests per client address. */
export function rateLimit(rule: RateLimitRule) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const { ctx } = c.var.deps;
    const result = await hitRateLimit(ctx.db, rule, c.var.clientIp, ctx.now());
    if (!result.allowed) {
      throw new HttpProblem("rate_limited", `Too many requests; try again in ${result.retryAfterSeconds} s.`, result.retryAfterSeconds);
    }
    if (Math.random() < 0.01) void pruneRateLimits(ctx.db, ctx.now()).catch(() => {});
    return next();
  });
}
