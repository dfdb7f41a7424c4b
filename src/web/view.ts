import type { Context } from "hono";
import type { Locale, Messages } from "../i18n/index.js";
import type { AppEnv } from "../http/types.js";

/** What every page component needs to render: words, language, asset URLs, links, the CSRF token. */
export interface View {
  t: Messages;
  locale: Locale;
  asset: (name: string) => string;
  /** An internal link that keeps an explicitly chosen language (?lang=) across pages. */
  href: (path: string) => string;
  /** The current path with another language chosen. */
  switchLanguageHref: (locale: Locale) => string;
  currentPath: string;
  /** An absolute URL on the site's public address (config.publicUrl), for links that leave the page: shares, previews, embeds. */
  absoluteUrl: (path: string) => string;
  csrfToken: string;
  requestId: string;
}

export function viewFor(c: Context<AppEnv>): View {
  const url = new URL(c.req.url);
  const explicitLang = url.searchParams.get("lang");
  // Read the context once: each `c.var` access builds a new object, and pages call href() a lot.
  const { t, locale, deps, csrfToken, requestId } = c.var;
  const keepLang = explicitLang === locale;
  return {
    t,
    locale,
    asset: (name) => deps.assets.url(name),
    href: (path) => (keepLang ? withParam(path, "lang", locale) : path),
    switchLanguageHref: (locale) => {
      const next = new URLSearchParams(url.searchParams);
      next.set("lang", locale);
      return `${url.pathname}?${next.toString()}`;
    },
    currentPath: url.pathname,
    absoluteUrl: (path) => `${deps.config.publicUrl}${path.startsWith("/") ? path : `/${path}`}`,
    csrfToken: csrfToken ?? "",
    requestId,
  };
}

function withParam(path: string, name: string, value: string) {
  const [base = "", hash] = path.split("#");
  const sep = base.includes("?") ? "&" : "?";
  return `${base}${sep}${name}=${encodeURIComponent(value)}${hash === undefined ? "" : `#${hash}`}`;
}
