import type { PublicGroup } from "../../domain/groups/group-directory.js";
import type { View } from "../view.js";

/** schema.org data about a page's subject, for search engines: a plain JSON object. */
export type JsonLd = Record<string, unknown>;

/** A group as a schema.org Organization: its name, page, place and its own web and social pages. */
export function groupJsonLd(view: Pick<View, "absoluteUrl">, group: PublicGroup): JsonLd {
  const sameAs = [group.websiteUrl, ...Object.values(group.socialLinks)].filter((url): url is string => typeof url === "string" && /^https?:\/\//i.test(url));
  const address: JsonLd = { "@type": "PostalAddress", addressCountry: "US" };
  if (group.city) address.addressLocality = group.city;
  if (group.state !== "US") address.addressRegion = group.state;
  return {
    "@context": "https://schema.org",
    "@type": "Organization",
    name: group.name,
    url: view.absoluteUrl(group.path),
    ...(group.description ? { description: group.description } : {}),
    address,
    ...(sameAs.length > 0 ? { sameAs } : {}),
  };
}

/**
 * JSON for a <script type="application/ld+json"> data block. "<" becomes \u003c so no value
 * (a group's name, say) can close the script element or open a comment; JSON readers decode it.
 * U+2028/2029 are escaped too, for readers that treat the block as JavaScript.
 */
export function jsonLdText(data: JsonLd): string {
  return JSON.stringify(data).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
