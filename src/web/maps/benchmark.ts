// Cold and warm timings for the maps (figures in BENCHMARKS.md, "Maps"). Run in a fresh
// process each time, since the first render is the point: npx tsx src/web/maps/benchmark.ts
import { performance } from "node:perf_hooks";
const tImport = performance.now();
const maps = await import("./index.js");
const tImported = performance.now();
const states = maps.MAPPED_STATES.map((u, i) => ({ usps: u, href: `/states/${u.toLowerCase()}`, label: `${u}: ${i % 5} groups`, level: i % 5 }));
const input = { title: "Groups by state", desc: "Darker states have more groups.", states };
const t0 = performance.now();
const first = String(maps.renderCoverageMap(input));
const t1 = performance.now();
const N = 2000;
for (let i = 0; i < N; i++) maps.renderCoverageMap(input);
const t2 = performance.now();
const dots = Array.from({ length: 40 }, (_, i) => ({ lat: 44 + (i % 8) * 0.5, lng: -96 + Math.floor(i / 8) * 1, href: `/g/${i}`, label: `Group ${i}` }));
const s0 = performance.now();
const mn = String(maps.renderStateMap({ usps: "MN", title: "MN", desc: "d", dots }));
const s1 = performance.now();
for (let i = 0; i < N; i++) maps.renderStateMap({ usps: "MN", title: "MN", desc: "d", dots });
const s2 = performance.now();
const c0 = performance.now();
for (const u of maps.MAPPED_STATES) maps.renderStateMap({ usps: u, title: u, desc: "d", dots: [] });
const c1 = performance.now();
const { gzipSync } = await import("node:zlib");
console.log(JSON.stringify({
  importMs: +(tImported - tImport).toFixed(1),
  coverageColdMs: +(t1 - t0).toFixed(1),
  coverageWarmUs: +(((t2 - t1) / N) * 1000).toFixed(1),
  coverageBytes: first.length,
  coverageGzipBytes: gzipSync(first).length,
  stateColdMs_MN_40dots: +(s1 - s0).toFixed(1),
  stateWarmUs_MN_40dots: +(((s2 - s1) / N) * 1000).toFixed(1),
  stateBytes_MN_40dots: mn.length,
  allOtherStatesColdMs: +(c1 - c0).toFixed(1),
}));
