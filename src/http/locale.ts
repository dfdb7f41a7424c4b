import { createMiddleware } from "hono/factory";
import { messagesFor, negotiateLocale } from "../i18n/index.js";
import type { AppEnv } from "./types.js";

/** Pick the language for this request (URL `?lang=` first, then Accept-Language). */
export const localeFromRequest = createMiddleware<AppEnv>(async (c, next) => {
  const locale = negotiateLocale(c.req.query("lang"), c.req.header("accept-language"));
  c.set("locale", locale);
  c.set("t", messagesFor(locale));
  await next();
  c.header("Content-Language", locale);
  c.header("Vary", "Accept-Language", { append: true });
});
