import type { Child } from "hono/jsx";
import type { View } from "../view.js";

export type ShareNetwork = "x" | "facebook" | "bluesky" | "mastodon" | "whatsapp" | "email" | "sms";
export const SHARE_NETWORKS: ShareNetwork[] = ["x", "facebook", "bluesky", "mastodon", "whatsapp", "email", "sms"];

/** The link as shared on one network: tagged with utm_source so staff can see which networks bring people. */
export function taggedUrl(url: string, source: ShareNetwork | "link") {
  const tagged = new URL(url);
  tagged.searchParams.set("utm_source", source);
  return tagged.toString();
}

/**
 * Where each share link goes. Plain links with the text and URL encoded into them: no
 * third-party script, iframe or pixel, and nothing is requested from a network until the
 * person clicks. Mastodon has no single site, so it goes through our own page that asks which
 * server (once; it is remembered).
 */
export function shareHref(network: ShareNetwork, input: { url: string; text: string; subject: string; back: string }) {
  const url = taggedUrl(input.url, network);
  const enc = encodeURIComponent;
  const post = `${input.text} ${url}`;
  switch (network) {
    case "x":
      return `https://x.com/intent/tweet?text=${enc(input.text)}&url=${enc(url)}`;
    case "facebook":
      return `https://www.facebook.com/sharer/sharer.php?u=${enc(url)}`;
    case "bluesky":
      return `https://bsky.app/intent/compose?text=${enc(post)}`;
    case "mastodon":
      return `/share/mastodon?text=${enc(post)}&back=${enc(input.back)}`;
    case "whatsapp":
      return `https://wa.me/?text=${enc(post)}`;
    case "email":
      return `mailto:?subject=${enc(input.subject)}&body=${enc(`${input.text}\n\n${url}`)}`;
    case "sms":
      // "sms:?&body=" is the form both iOS and Android read.
      return `sms:?&body=${enc(post)}`;
  }
}

let bars = 0;

/**
 * Share links for one page. `url` is absolute (the page, or a personal ?ref= link); `text` is
 * the post. The native share sheet and the copy button appear only when share.js runs.
 */
export function ShareBar({
  view,
  url,
  text,
  heading,
  lead,
  children,
  personal,
}: {
  view: View;
  url: string;
  text: string;
  heading?: string;
  lead?: string | false;
  /** Shown under the lead (the personal link's count). */
  children?: Child;
  /** A person's own ?ref= link rather than the page's (scripts replace only the page's). */
  personal?: boolean;
}) {
  const t = view.t.share;
  const id = `share-link-${++bars % 1000}`;
  // The post is in this page's language, so the page it links to should be too.
  if (view.locale !== "en") {
    const localized = new URL(url);
    localized.searchParams.set("lang", view.locale);
    url = localized.toString();
  }
  const back = view.currentPath + (view.locale === "en" ? "" : `?lang=${view.locale}`);
  const linkUrl = taggedUrl(url, "link");
  return (
    <section class="share" aria-labelledby={`${id}-heading`} data-share={personal ? "personal" : "page"}>
      <h2 id={`${id}-heading`}>{heading ?? t.heading}</h2>
      {lead === false ? null : <p class="fine-print">{lead ?? t.lead}</p>}
      {children}
      <button type="button" class="button share-native" hidden data-share-native data-title={t.emailSubject} data-text={text} data-url={linkUrl}>
        {t.nativeShare}
      </button>
      <ul class="share-links" aria-label={t.navLabel}>
        {SHARE_NETWORKS.map((network) => {
          const name = t.networks[network];
          const external = network !== "mastodon" && network !== "email" && network !== "sms";
          const verb = network === "email" || network === "sms" ? t.shareBy : t.shareOn;
          // The accessible name comes from the text ("Share on X (opens in a new tab)"), not
          // aria-label, so it also matches what voice control users see and say.
          return (
            <li>
              <a
                class={`share-link share-${network}`}
                href={shareHref(network, { url, text, subject: t.emailSubject, back })}
                {...(external ? { target: "_blank", rel: "noopener noreferrer" } : {})}
              >
                <span class="visually-hidden">{verb} </span>
                {name}
                {external ? <span class="visually-hidden"> {t.newTab}</span> : null}
              </a>
            </li>
          );
        })}
      </ul>
      <div class="share-copy">
        <label for={id}>{t.copyLabel}</label>
        <div class="share-copy-row">
          <input id={id} type="url" readonly value={linkUrl} data-share-copy-field />
          <button type="button" class="button-secondary" hidden data-share-copy={id} data-copied={t.copied} data-failed={t.copyFailed}>
            {t.copyButton}
          </button>
        </div>
        <p class="share-status" role="status" aria-live="polite" data-share-status></p>
      </div>
    </section>
  );
}

/** On a thank-you page: the person's own ?ref= link, how many came through it, and the share links for it. */
export function YourLink({ view, link, text }: { view: View; link: { url: string; count: number }; text: string }) {
  const t = view.t.share;
  return (
    <ShareBar view={view} url={link.url} text={text} heading={t.yourLinkHeading} lead={t.yourLinkLead} personal>
      <p class="referral-count">{t.throughYourLink(link.count)}</p>
    </ShareBar>
  );
}
