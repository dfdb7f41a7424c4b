import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../http/types.js";

/** The one JSON error shape: `{ code, message, requestId }` (+ `fields` for invalid input). */
export function jsonError(
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  fields?: Partial<Record<string, string>>,
) {
  return c.json({ code, message, requestId: c.var.requestId, ...(fields && Object.keys(fields).length ? { fields } : {}) }, status);
}
