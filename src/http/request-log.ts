import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./types.js";

/** One structured log line per request, carrying the request id that error pages show. */
export const requestLog = createMiddleware<AppEnv>(async (c, next) => {
  const started = performance.now();
  await next();
  const { logger } = c.var.deps;
  const status = c.res.status;
  const line = {
    requestId: c.var.requestId,
    method: c.req.method,
    path: c.req.path,
    status,
    ms: Math.round((performance.now() - started) * 10) / 10,
  };
  if (status >= 500) logger.error(line, "request failed");
  else logger.info(line, "request");
});
