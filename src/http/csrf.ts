import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { HttpProblem } from "./http-problem.js";
import type { AppEnv } from "./types.js";

export const CSRF_COOKIE = "ei_csrf";
export const CSRF_FIELD = "_csrf";
export const CSRF_HEADER = "x-csrf-token";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Signed double-submit tokens, so forms work without JavaScript and without a session:
 * a random value in an HttpOnly cookie, and in each form the HMAC of that value under
 * SECRET_KEY. A cross-site page can make the browser send the cookie but cannot read it,
 * so it cannot produce the matching field. A cross-origin Origin header is refused outright.
 */
export const csrfProtection = createMiddleware<AppEnv>(async (c, next) => {
  const { secretKey, isProduction } = c.var.deps.config;
  let seed = getCookie(c, CSRF_COOKIE);
  if (!seed || !/^[A-Za-z0-9_-]{32,64}$/.test(seed)) {
    seed = randomBytes(24).toString("base64url");
    setCookie(c, CSRF_COOKIE, seed, { httpOnly: true, sameSite: "Lax", secure: isProduction, path: "/" });
    if (!SAFE_METHODS.has(c.req.method)) rejectCsrf();
  }
  const expected = sign(secretKey, seed);
  c.set("csrfToken", expected);

  if (SAFE_METHODS.has(c.req.method)) return next();

  const origin = c.req.header("origin");
  if (origin && origin !== "null" && origin !== new URL(c.req.url).origin && !matchesPublicUrl(origin, c.var.deps.config.publicUrl)) {
    rejectCsrf();
  }
  let submitted = c.req.header(CSRF_HEADER);
  if (!submitted) {
    const type = c.req.header("content-type") ?? "";
    if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
      const body = await c.req.parseBody();
      const field = body[CSRF_FIELD];
      submitted = typeof field === "string" ? field : undefined;
    }
  }
  if (!submitted || !safeEqual(submitted, expected)) rejectCsrf();
  return next();
});

function matchesPublicUrl(origin: string, publicUrl: string | undefined) {
  return publicUrl !== undefined && new URL(publicUrl).origin === origin;
}

function rejectCsrf(): never {
  throw new HttpProblem("csrf", "The form's security token is missing or does not match. Reload the page and send it again.");
}

export function sign(secret: string, seed: string) {
  return createHmac("sha256", secret).update(`csrf:${seed}`).digest("base64url");
}

function safeEqual(a: string, b: string) {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
