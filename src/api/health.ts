import { Hono } from "hono";
import type { AppEnv } from "../http/types.js";

/**
 * GET /healthz for load balancers and uptime checks: 200 when the database answers,
 * 503 when it does not (so a balancer stops sending traffic to this process).
 */
export const healthRoutes = new Hono<AppEnv>().get("/healthz", async (c) => {
  const { database } = c.var.deps;
  c.header("Cache-Control", "no-store");
  try {
    await database.ping(2000);
    return c.json({ status: "ok", database: { status: "ok", kind: database.kind } });
  } catch (error) {
    c.var.deps.logger.error({ err: error, requestId: c.var.requestId }, "health check: database unreachable");
    return c.json({ status: "error", database: { status: "unreachable", kind: database.kind } }, 503);
  }
});
