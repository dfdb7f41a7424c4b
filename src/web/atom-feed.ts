/**
 * An Atom 1.0 document (RFC 4287) written as text: the feed has a handful of element kinds, so a
 * small writer that escapes every value is clearer than a dependency.
 */

export interface AtomEntry {
  /** A permanent, unique IRI, e.g. tag:everybodyin.example,2026:news-12 (RFC 4151). */
  id: string;
  title: string;
  /** Where the entry leads (rel="alternate"). */
  link: string;
  summary: string;
  published: Date;
  updated: Date;
  /** Shown as the entry's author (a news link's publisher); the feed's author otherwise. */
  author?: string;
  /** term and human label. */
  categories: { term: string; label: string }[];
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle: string;
  /** xml:lang of the feed's text. */
  lang: string;
  /** The feed's own URL (rel="self"). */
  selfUrl: string;
  /** The page it mirrors (rel="alternate", text/html). */
  alternateUrl: string;
  author: { name: string; uri: string };
  /** The latest `updated` of any entry, or the time the empty feed was made. */
  updated: Date;
  entries: AtomEntry[];
}

/** Characters XML 1.0 cannot carry at all (controls other than tab and line ends, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text or attribute value, escaped for XML. */
export function xml(value: string): string {
  return value
    .replace(NOT_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** RFC 3339 without fractions, as Atom readers expect: 2026-11-28T09:56:07Z. */
export const atomDate = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;

export function renderAtomFeed(feed: AtomFeed): string {
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(feed.lang)}">`,
    `  <id>${xml(feed.id)}</id>`,
    `  <title>${xml(feed.title)}</title>`,
    `  <subtitle>${xml(feed.subtitle)}</subtitle>`,
    `  <updated>${atomDate(feed.updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(feed.alternateUrl)}"/>`,
    `  <author><name>${xml(feed.author.name)}</name><uri>${xml(feed.author.uri)}</uri></author>`,
  ];
  for (const entry of feed.entries) {
    lines.push(
      `  <entry>`,
      `    <id>${xml(entry.id)}</id>`,
      `    <title>${xml(entry.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xml(entry.link)}"/>`,
      `    <published>${atomDate(entry.published)}</published>`,
      `    <updated>${atomDate(entry.updated)}</updated>`,
      ...(entry.author ? [`    <author><name>${xml(entry.author)}</name></author>`] : []),
      ...entry.categories.map((c) => `    <category term="${xml(c.term)}" label="${xml(c.label)}"/>`),
      `    <summary type="text">${xml(entry.summary)}</summary>`,
      `  </entry>`,
    );
  }
  lines.push(`</feed>`, "");
  return lines.join("\n");
}
