import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./types.js";

/**
 * The client's address, for rate limits. Behind a reverse proxy (TRUST_PROXY=true) it is the
 * last X-Forwarded-For entry, the one our own proxy appended; earlier entries can be forged.
 */
export const clientIp = createMiddleware<AppEnv>(async (c, next) => {
  c.set("clientIp", resolveClientIp(c, c.var.deps.config.trustProxy));
  await next();
});

function resolveClientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for");
    const last = forwarded?.split(",").at(-1)?.trim();
    if (last) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    // app.request() in tests has no socket.
    return "local";
  }
}
