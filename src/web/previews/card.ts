import { createHash } from "node:crypto";

/**
 * What one preview image shows, as plain data: every word and number drawn, already in the
 * page's language. The fingerprint is a hash of exactly this (plus the design's version), so an
 * image is drawn again when, and only when, something it shows changes.
 */
export type CardContent = MapCardContent | HeadlineCardContent;

interface CardFrame {
  /** The site's name and address, in the top band. */
  siteName: string;
  host: string;
  locale: "en" | "es";
}

/** The home page and the directory: the coverage map and "N of 50 states". */
export interface MapCardContent extends CardFrame {
  layout: "map";
  headline: string;
  detail: string;
  /** USPS code → shading level 0–3, for the 50 states and DC. */
  levels: Record<string, 0 | 1 | 2 | 3>;
}

/** Everything else: a short line above, a headline, a line below and up to two big numbers. */
export interface HeadlineCardContent extends CardFrame {
  layout: "headline";
  eyebrow?: string;
  headline: string;
  detail?: string;
  stats?: { value: string; label: string }[];
}

/** A preview image: where it is served, its text alternative, and what it shows. */
export interface PreviewCard {
  /** The image's path without query, e.g. /og/groups/oh.png. */
  path: string;
  alt: string;
  content: CardContent;
}

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** Bump when the drawing changes, so every image's URL (and social networks' copies) changes too. */
export const CARD_DESIGN_VERSION = 1;

/** 16 hex characters of SHA-256 over the drawn content: stable across processes and restarts. */
export function cardFingerprint(content: CardContent): string {
  return createHash("sha256").update(`${CARD_DESIGN_VERSION}\n${stableJson(content)}`).digest("hex").slice(0, 16);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The image's URL for a page: its path, the fingerprint (so networks fetch it again when it changes) and the language. */
export function cardImagePath(card: PreviewCard): string {
  return `${card.path}?v=${cardFingerprint(card.content)}&lang=${card.content.locale}`;
}
