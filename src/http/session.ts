import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { authorize, type Permission } from "../domain/access/policy.js";
import { resolveSession, SESSION_DAYS } from "../domain/accounts/sessions.js";
import type { AppEnv } from "./types.js";

export const SESSION_COOKIE = "ei_session";

/** Secure cookies whenever people reach the site over HTTPS (always in production). */
const secureCookies = (c: Context<AppEnv>) => c.var.deps.config.isProduction || c.var.deps.config.publicUrl.startsWith("https:");

export function setSessionCookie(c: Context<AppEnv>, token: string) {
  setCookie(c, SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "Lax",
    secure: secureCookies(c),
    maxAge: SESSION_DAYS * 86_400,
  });
}

export function clearSessionCookie(c: Context<AppEnv>) {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: secureCookies(c) });
}

export const sessionToken = (c: Context<AppEnv>) => getCookie(c, SESSION_COOKIE);

/**
 * Who is signed in, for the routes that care (sign-in, /account, /organize, /admin). Public
 * pages never look, so they stay cacheable and cost no session query.
 */
export const loadActorMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  const actor = await resolveSession({ ctx: c.var.deps.ctx, input: { token: sessionToken(c) } });
  c.set("actor", actor);
  // Signed-in pages are personal: never kept by a shared cache.
  c.header("Cache-Control", "private, no-store");
  await next();
});

/** Signed-in people only; everyone else goes to the sign-in page and comes back after. */
export const requireSignedIn = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.var.actor) {
    const url = new URL(c.req.url);
    const back = `${url.pathname}${url.search}`;
    return c.redirect(`/sign-in?next=${encodeURIComponent(back)}`, 303);
  }
  await next();
});

/** Checks one policy rule before the handler runs; the rule's resource comes from the request. */
export function requirePermission(permission: (c: Context<AppEnv>) => Permission) {
  return createMiddleware<AppEnv>(async (c, next) => {
    authorize(c.var.actor, permission(c));
    await next();
  });
}

/** Only local paths may be a "next" after sign-in: never an open redirect. */
export function safeNext(next: string | undefined, fallback: string): string {
  return next && /^\/(?![/\\])[\w\-./?=&%#]*$/.test(next) ? next : fallback;
}
