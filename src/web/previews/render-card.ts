import { renderAsync } from "@resvg/resvg-js";
import satori from "satori";
import { coverageGeometry } from "../maps/geometry.js";
import { CARD_HEIGHT, CARD_WIDTH, type CardContent, type HeadlineCardContent, type MapCardContent } from "./card.js";
import { PREVIEW_FONT_FAMILY, previewFonts } from "./fonts.js";

/** The site's colours (public/app.css). */
const colour = {
  ink: "#1b1b1f",
  muted: "#4a4a55",
  paper: "#ffffff",
  wash: "#f4f3ef",
  brand: "#0b5c4a",
  brandInk: "#ffffff",
  brandSoft: "#cfe9dc",
  accent: "#b3261e",
  levels: ["#f4f3ef", "#b6e0cb", "#6db897", "#2a8466"],
} as const;

/** Satori takes plain element objects shaped like React's; no React needed. */
interface Element {
  type: string;
  props: { style?: Record<string, string | number>; children?: Child | Child[]; src?: string; width?: number; height?: number };
}
type Child = Element | string;

const el = (type: string, style: Record<string, string | number>, children?: Child | Child[]): Element => ({ type, props: { style, children } });

const BAND_HEIGHT = 96;
const STRIPE_HEIGHT = 14;
const PAD_X = 64;

/** The card as SVG, text drawn as paths (satori), before rasterising. */
export async function cardSvg(content: CardContent): Promise<string> {
  return satori(cardElement(content) as never, { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: previewFonts() });
}

/**
 * The card as a 1200×630 PNG: satori lays it out (~10 ms on the main thread; text becomes
 * paths, so resvg needs no fonts), resvg rasterises it (~20–30 ms, on libuv's thread pool, so
 * the server keeps answering meanwhile). Pure CPU, no network. The first card in a process costs
 * ~250 ms more (font parsing, satori's WebAssembly, the map's projection).
 */
export async function renderCardPng(content: CardContent): Promise<Buffer> {
  const svg = await cardSvg(content);
  const image = await renderAsync(svg, { fitTo: { mode: "original" }, font: { loadSystemFonts: false } });
  return image.asPng();
}

function cardElement(content: CardContent): Element {
  return el(
    "div",
    {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      display: "flex",
      flexDirection: "column",
      backgroundColor: colour.paper,
      color: colour.ink,
      fontFamily: PREVIEW_FONT_FAMILY,
    },
    [band(content), content.layout === "map" ? mapBody(content) : headlineBody(content), el("div", { height: STRIPE_HEIGHT, backgroundColor: colour.accent })],
  );
}

function band(content: CardContent): Element {
  return el(
    "div",
    {
      height: BAND_HEIGHT,
      flexShrink: 0,
      display: "flex",
      alignItems: "center",
      justifyContent: "space-between",
      padding: `0 ${PAD_X}px`,
      backgroundColor: colour.brand,
      color: colour.brandInk,
    },
    [el("div", { fontSize: 44, fontWeight: 700 }, content.siteName), el("div", { fontSize: 28, color: colour.brandSoft }, content.host)],
  );
}

/**
 * The largest of a few sizes at which `text` should fit in `lines` lines of `width` pixels.
 * Atkinson Hyperlegible Bold averages about 0.56 em per character in English and Spanish;
 * lineClamp below is the backstop if a name is wider than the estimate.
 */
export function fitFontSize(text: string, width: number, lines: number, sizes: readonly number[]): number {
  const chars = [...text].length;
  for (const size of sizes) {
    const perLine = Math.floor(width / (size * 0.56));
    if (Math.ceil(chars / perLine) <= lines && longestWord(text) <= perLine) return size;
  }
  return sizes.at(-1)!;
}

const longestWord = (text: string) => Math.max(0, ...text.split(/\s+/).map((w) => [...w].length));

/** At most `lines` lines, ending in "…" if cut; a word wider than the card breaks rather than running off its edge. */
const clamp = (lines: number) => ({ display: "block", lineClamp: lines, overflow: "hidden", wordBreak: "break-word" });

function headlineBody(content: HeadlineCardContent): Element {
  const width = CARD_WIDTH - 2 * PAD_X;
  const stats = content.stats ?? [];
  const headlineLines = stats.length > 0 ? 2 : 3;
  const headlineSize = fitFontSize(content.headline, width, headlineLines, stats.length > 0 ? [72, 64, 56, 48] : [84, 76, 68, 60, 52, 46]);
  const children: Child[] = [];
  if (content.eyebrow) children.push(el("div", { fontSize: 34, fontWeight: 700, color: colour.brand, marginBottom: 12, ...clamp(1) }, content.eyebrow));
  children.push(el("div", { fontSize: headlineSize, fontWeight: 700, lineHeight: 1.1, ...clamp(headlineLines) }, content.headline));
  if (content.detail) children.push(el("div", { fontSize: 38, color: colour.muted, marginTop: 20, lineHeight: 1.25, ...clamp(2) }, content.detail));
  if (stats.length > 0) {
    children.push(
      el(
        "div",
        { display: "flex", marginTop: "auto", gap: 32 },
        stats.map((stat) =>
          el(
            "div",
            {
              display: "flex",
              flexDirection: "column",
              // Two numbers share the width; one keeps to a box its own size.
              ...(stats.length > 1 ? { flex: 1 } : { minWidth: 440, maxWidth: CARD_WIDTH - 2 * PAD_X }),
              backgroundColor: colour.wash,
              borderLeft: `10px solid ${colour.brand}`,
              borderRadius: 8,
              padding: "14px 28px 18px",
            },
            [
              el("div", { fontSize: 84, fontWeight: 700, color: colour.brand, lineHeight: 1.05 }, stat.value),
              el("div", { fontSize: 30, lineHeight: 1.2, ...clamp(2) }, stat.label),
            ],
          ),
        ),
      ),
    );
  }
  // Without numbers at the foot, the words sit in the middle of the card.
  const centred: Record<string, string> = stats.length === 0 ? { justifyContent: "center" } : {};
  return el("div", { flex: 1, display: "flex", flexDirection: "column", padding: `40px ${PAD_X}px 40px`, overflow: "hidden", ...centred }, children);
}

const MAP_WIDTH = 620;

function mapBody(content: MapCardContent): Element {
  const textWidth = CARD_WIDTH - 2 * PAD_X - MAP_WIDTH - 40;
  const { svg, aspect } = filledCoverageMap(content.levels);
  const headlineSize = fitFontSize(content.headline, textWidth, 4, [64, 58, 52, 46]);
  return el("div", { flex: 1, display: "flex", alignItems: "center", padding: `32px ${PAD_X}px`, gap: 40 }, [
    el("div", { width: textWidth, display: "flex", flexDirection: "column" }, [
      el("div", { fontSize: headlineSize, fontWeight: 700, lineHeight: 1.1, ...clamp(4) }, content.headline),
      el("div", { fontSize: 34, color: colour.muted, marginTop: 20, lineHeight: 1.25, ...clamp(3) }, content.detail),
    ]),
    {
      type: "img",
      props: { src: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`, width: MAP_WIDTH, height: Math.round(MAP_WIDTH / aspect), style: {} },
    },
  ]);
}

/** The national map with fills written in (the site's map is shaded by CSS classes, which an image has not got). */
function filledCoverageMap(levels: Record<string, 0 | 1 | 2 | 3>): { svg: string; aspect: number } {
  const { viewBox, paths, dc } = coverageGeometry();
  const stroke = `stroke="${colour.ink}" stroke-width="0.9" stroke-linejoin="round"`;
  let body = "";
  for (const [usps, d] of paths) body += `<path fill="${colour.levels[levels[usps] ?? 0]}" ${stroke} d="${d}"/>`;
  body += `<circle cx="${dc[0]}" cy="${dc[1]}" r="8" fill="${colour.levels[levels.DC ?? 0]}" ${stroke}/>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox.attr}" width="${viewBox.width}" height="${viewBox.height}">${body}</svg>`;
  return { svg, aspect: viewBox.width / viewBox.height };
}
