import { locales, messagesFor } from "../../i18n/index.js";
import { CARD_HEIGHT, CARD_WIDTH, cardImagePath, type PreviewCard } from "../previews/card.js";
import { siteCard } from "../previews/cards.js";
import { jsonLdText, type JsonLd } from "../previews/structured-data.js";
import type { View } from "../view.js";

/** What a page shows when its link is shared: its image card (the site's card if none) and structured data. */
export interface PagePreview {
  card?: PreviewCard;
  /** schema.org data about the page's subject (a group's Organization). */
  jsonLd?: JsonLd;
}

/**
 * Pages nobody should find through a search engine or share: signed-in areas, links from
 * e-mails, and the "thanks, we got it" pages after a form. They get noindex and no preview.
 */
const PRIVATE_PATH =
  /^\/(?:admin|organize|account|sign-in|sign-out|unsubscribe|preferences|dev|share)(?:\/|$)|^\/updates\/(?:confirm|check-email)(?:\/|$)|\/(?:joined|contacted|reported|waiting|sent)$/;

export const isPrivatePath = (path: string) => PRIVATE_PATH.test(path);

/**
 * The head tags for search engines and link previews: canonical URL (without ?lang=) and its
 * language alternates, Open Graph and Twitter card tags with an absolute og:image on this site.
 * og:url is the page in its own language, so a shared Spanish link previews in Spanish.
 */
export function PageMeta({ view, title, description, preview, noindex }: { view: View; title: string; description: string; preview?: PagePreview | undefined; noindex?: boolean | undefined }) {
  if (noindex ?? isPrivatePath(view.currentPath)) return <meta name="robots" content="noindex" />;
  const card = preview?.card ?? siteCard(view);
  const canonical = view.absoluteUrl(view.currentPath);
  const inLocale = (locale: string) => (locale === "en" ? canonical : `${canonical}?lang=${locale}`);
  const image = view.absoluteUrl(cardImagePath(card));
  const siteName = view.t.meta.siteName;
  return (
    <>
      <link rel="canonical" href={canonical} />
      {locales.map((locale) => (
        <link rel="alternate" hreflang={locale} href={inLocale(locale)} />
      ))}
      <link rel="alternate" hreflang="x-default" href={canonical} />
      <meta property="og:type" content="website" />
      <meta property="og:site_name" content={siteName} />
      <meta property="og:title" content={title} />
      <meta property="og:description" content={description} />
      <meta property="og:url" content={inLocale(view.locale)} />
      <meta property="og:locale" content={view.t.previews.ogLocale} />
      {locales
        .filter((locale) => locale !== view.locale)
        .map((locale) => (
          <meta property="og:locale:alternate" content={messagesFor(locale).previews.ogLocale} />
        ))}
      <meta property="og:image" content={image} />
      <meta property="og:image:type" content="image/png" />
      <meta property="og:image:width" content={String(CARD_WIDTH)} />
      <meta property="og:image:height" content={String(CARD_HEIGHT)} />
      <meta property="og:image:alt" content={card.alt} />
      <meta name="twitter:card" content="summary_large_image" />
      <meta name="twitter:title" content={title} />
      <meta name="twitter:description" content={description} />
      <meta name="twitter:image" content={image} />
      <meta name="twitter:image:alt" content={card.alt} />
      {preview?.jsonLd ? <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(preview.jsonLd) }} /> : null}
    </>
  );
}
