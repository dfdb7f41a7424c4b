import { createHmac, timingSafeEqual } from "node:crypto";
import { createMiddleware } from "hono/factory";
import { CSRF_FIELD } from "./csrf.js";
import { HttpProblem } from "./http-problem.js";
import type { AppEnv } from "./types.js";

/** Paths of the pages partner sites put in an iframe (decision 0014). */
export const EMBED_PREFIX = "/embed/";
export const isEmbedPath = (path: string) => path.startsWith(EMBED_PREFIX);

/** A form in an embed may be sent for this long after the page was shown. */
export const EMBED_TOKEN_MAX_AGE_SECONDS = 24 * 3600;
/** Tokens "from the future" are accepted within this much clock difference between processes. */
const CLOCK_SKEW_SECONDS = 300;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A cookie-less form token for embeds: `<issued-at seconds>.<HMAC(SECRET_KEY, "embed:" + issued-at)>`.
 * Its prefix keeps it apart from the cookie-bound tokens of csrf.ts ("csrf:" + seed).
 */
export function issueEmbedToken(secret: string, now: Date): string {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return `${issuedAt}.${mac(secret, issuedAt)}`;
}

export type EmbedTokenCheck = "valid" | "expired" | "invalid";

export function checkEmbedToken(secret: string, token: string | undefined, now: Date): EmbedTokenCheck {
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token ?? "");
  if (!match) return "invalid";
  const issuedAt = Number(match[1]);
  if (!safeEqual(match[2]!, mac(secret, issuedAt))) return "invalid";
  const age = Math.floor(now.getTime() / 1000) - issuedAt;
  if (age < -CLOCK_SKEW_SECONDS) return "invalid";
  return age > EMBED_TOKEN_MAX_AGE_SECONDS ? "expired" : "valid";
}

/**
 * CSRF protection for `/embed/*`, in place of the cookie check (which a browser cannot pass
 * inside a third-party iframe: it withholds the SameSite=Lax cookie). Sets no cookie.
 *
 * - Every response gets a fresh signed token as `csrfToken`, so forms carry it as usual.
 * - A POST must come from our own document: `Sec-Fetch-Site` other than same-origin/none, or
 *   an `Origin` that is not ours (including the opaque "null"), is refused.
 * - Its `_csrf` field must be a token we signed within EMBED_TOKEN_MAX_AGE_SECONDS.
 *
 * The token proves the form came from a page we served recently, not who sends it: embeds only
 * take anonymous, rate-limited writes that anyone may make (decision 0014).
 */
export const embedFormProtection = createMiddleware<AppEnv>(async (c, next) => {
  const { config, ctx } = c.var.deps;
  const now = ctx.now();
  c.set("csrfToken", issueEmbedToken(config.secretKey, now));
  if (SAFE_METHODS.has(c.req.method)) return next();

  const fetchSite = c.req.header("sec-fetch-site");
  if (fetchSite !== undefined && fetchSite !== "same-origin" && fetchSite !== "none") rejectEmbedForm();
  const origin = c.req.header("origin");
  if (origin !== undefined && origin !== new URL(c.req.url).origin && origin !== new URL(config.publicUrl).origin) rejectEmbedForm();

  const type = c.req.header("content-type") ?? "";
  let submitted: string | undefined;
  if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
    const field = (await c.req.parseBody())[CSRF_FIELD];
    submitted = typeof field === "string" ? field : undefined;
  }
  if (checkEmbedToken(config.secretKey, submitted, now) !== "valid") rejectEmbedForm();
  return next();
});

function rejectEmbedForm(): never {
  throw new HttpProblem("csrf", "This form has expired or did not come from our page. Load it again and send it again.");
}

function mac(secret: string, issuedAt: number) {
  return createHmac("sha256", secret).update(`embed:${issuedAt}`).digest("base64url");
}

function safeEqual(a: string, b: string) {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
