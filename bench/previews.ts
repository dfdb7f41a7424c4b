/**
 * `npx tsx bench/previews.ts`: what a link-preview image costs (src/web/previews). In a fresh
 * process: the first card (fonts, satori's WebAssembly, the map's projection), then the median
 * of 9 renders of each layout split into satori (layout, text to paths) and resvg (rasterise),
 * then a cached hit. Prints Markdown for BENCHMARKS.md. No database, no network.
 */
import { renderAsync } from "@resvg/resvg-js";
import type { CardContent } from "../src/web/previews/card.js";
import { PreviewImageCache } from "../src/web/previews/image-cache.js";
import { cardSvg, renderCardPng } from "../src/web/previews/render-card.js";

const frame = { siteName: "Everybody In", host: "everybodyin.example", locale: "en" as const };
const levels: Record<string, 0 | 1 | 2 | 3> = { CA: 3, NY: 3, OH: 2, MN: 1, TX: 1, DC: 2, WA: 3, IL: 3, PA: 3 };
const cards: Record<string, CardContent> = {
  headline: { ...frame, layout: "headline", eyebrow: "Ohio", headline: "Join the single-payer movement in Ohio", stats: [{ value: "3", label: "local groups in Ohio" }] },
  map: { ...frame, layout: "map", headline: "34 of 50 states have a local group", detail: "Find yours, or start one.", levels },
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (n: number) => `${n.toFixed(n < 1 ? 3 : 0)} ms`;

let start = performance.now();
await renderCardPng(cards.headline!);
console.log(`| First card in a process (headline layout) | ${ms(performance.now() - start)} | |`);
for (const [name, content] of Object.entries(cards)) {
  const layout: number[] = [];
  const raster: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 9; i++) {
    // A new headline each time, so nothing is reused between renders.
    const svg = await (async (t0) => {
      const out = await cardSvg({ ...content, headline: `${content.headline} ${i}` });
      layout.push(performance.now() - t0);
      return out;
    })(performance.now());
    const t1 = performance.now();
    bytes = (await renderAsync(svg, { fitTo: { mode: "original" }, font: { loadSystemFonts: false } })).asPng().byteLength;
    raster.push(performance.now() - t1);
  }
  console.log(`| ${name} card, later renders: satori + resvg | ${ms(median(layout))} + ${ms(median(raster))} | ${Math.round(bytes / 1024)} KB |`);
}
const cache = new PreviewImageCache();
await cache.get(cards.map!);
start = performance.now();
for (let i = 0; i < 1000; i++) await cache.get(cards.map!);
console.log(`| Cached hit (fingerprint + memory) | ${ms((performance.now() - start) / 1000)} | |`);
