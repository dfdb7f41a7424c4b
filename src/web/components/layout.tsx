import type { Child } from "hono/jsx";
import type { View } from "../view.js";
import { PageMeta, type PagePreview } from "./page-meta.js";

interface LayoutProps {
  view: View;
  /** The page's own title; the site name is appended. */
  title: string;
  description?: string;
  /** The page's link preview (image card, structured data); the site's card when left out. */
  preview?: PagePreview;
  /** Keep the page out of search engines (no preview either); private paths are always noindex. */
  noindex?: boolean;
  /** Progressive-enhancement scripts from public/, loaded deferred (the page works without them). */
  scripts?: string[];
  /** An Atom feed for this page (news): announced in <head> for feed readers. */
  feed?: { title: string; href: string };
  children?: Child;
}

export function Layout({ view, title, description, preview, noindex, scripts, feed, children }: LayoutProps) {
  const { t } = view;
  const otherLocale = view.locale === "en" ? "es" : "en";
  const navLinks = [
    { path: "/", label: t.nav.home },
    { path: "/groups", label: t.nav.groups },
    { path: "/act", label: t.act.navLabel },
    { path: "/events", label: t.events.nav },
    { path: "/news", label: t.news.navLabel },
    { path: "/updates", label: t.nav.updates },
    { path: "/about/data", label: t.nav.aboutData },
  ];
  return (
    <html lang={view.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title === t.meta.siteName ? title : `${title} · ${t.meta.siteName}`}</title>
        <meta name="description" content={description ?? t.meta.tagline} />
        <PageMeta view={view} title={title} description={description ?? t.meta.tagline} preview={preview} noindex={noindex} />
        <link rel="stylesheet" href={view.asset("app.css")} />
        <link rel="icon" href={view.asset("icon.svg")} type="image/svg+xml" />
        {feed ? <link rel="alternate" type="application/atom+xml" title={feed.title} href={feed.href} /> : null}
        {(scripts ?? []).map((name) => (
          <script src={view.asset(name)} defer />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t.meta.skipToContent}
        </a>
        <header class="site-header">
          <a class="brand" href={view.href("/")}>
            {t.meta.siteName}
          </a>
          <nav aria-label={t.nav.label}>
            <ul>
              {navLinks.map((link) => (
                <li>
                  <a href={view.href(link.path)} aria-current={view.currentPath === link.path ? "page" : undefined}>
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <p>{t.footer.about}</p>
          <p>
            <a href={view.href("/about/data")}>{t.footer.dataCredit}</a>
            {" · "}
            <a href={view.switchLanguageHref(otherLocale)} hreflang={otherLocale} lang={otherLocale}>
              {t.footer.otherLanguage}
            </a>
          </p>
        </footer>
      </body>
    </html>
  );
}
