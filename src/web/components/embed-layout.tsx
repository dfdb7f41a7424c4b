import type { Child } from "hono/jsx";
import type { View } from "../view.js";

/**
 * The frame of a page shown inside a partner site's iframe (/embed/*): no site header, nav or
 * footer, the same stylesheet, and one small link that opens the full site in a new tab.
 * No scripts: everything works as plain links and forms.
 */
export function EmbedLayout({ view, title, children }: { view: View; title: string; children?: Child }) {
  const { t } = view;
  return (
    <html lang={view.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title === t.meta.siteName ? title : `${title} · ${t.meta.siteName}`}</title>
        {/* An embed is part of someone else's page, not a page of its own to list. */}
        <meta name="robots" content="noindex" />
        <link rel="stylesheet" href={view.asset("app.css")} />
      </head>
      <body class="embed">
        <main id="main">{children}</main>
        <footer class="embed-footer">
          <NewTabLink view={view} href={view.href("/")}>
            {t.embed.poweredBy}
          </NewTabLink>
        </footer>
      </body>
    </html>
  );
}

/**
 * A link out of the frame into a new tab (the partner's page stays where it is), saying so for
 * screen readers. `noopener` keeps the new tab from reaching back into the frame.
 */
export function NewTabLink({ view, href, class: className, children }: { view: View; href: string; class?: string; children?: Child }) {
  return (
    <a href={href} target="_blank" rel="noopener" class={className}>
      {children}
      <span class="visually-hidden"> {view.t.embed.newTab}</span>
    </a>
  );
}
