/**
 * `npm run bench:districts`: the point → district look-up (docs/decisions/0016). Parses the shared
 * TopoJSON, builds the in-memory index, then places every ZIP area's Census internal point
 * (33,791, a realistic mix: dense cities, borders, coasts) and as many random points over the
 * 50 states' bounding box (mostly rural, some water), timing each look-up. For comparison it
 * runs d3-geo's geoContains over the same shapes, with and without a bounding-box pre-filter.
 * Prints Markdown rows for BENCHMARKS.md.
 *
 *   npm run bench:districts                       # DATA_DIR or ../shared/data (node --expose-gc, for the heap figure)
 *
 * Entry script: it may read process.env.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { geoBounds, geoContains } from "d3-geo";
import { buildDistrictIndex } from "../src/domain/congress/district-index.js";
import { districtRows, type DistrictShapeRow } from "../src/domain/public-data/parsers/district-shapes.js";
import { parseDistrictShapesTopoJson } from "../src/domain/public-data/parsers/district-shapes-topojson.js";
import { parseStatesCsv } from "../src/domain/public-data/parsers/states-csv.js";
import { parseZctaCentroidsCsv } from "../src/domain/public-data/parsers/zcta-centroids-csv.js";

const dataDir = resolve(process.env.DATA_DIR ?? resolve(import.meta.dirname, "../../shared/data"));
const SHAPES = "district-shapes/us-congress-districts-119.topo.json";

const ms = (from: number) => performance.now() - from;
const fmt = (n: number, digits = 1) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

let started = performance.now();
const states = parseStatesCsv(readFileSync(join(dataDir, "states.csv"), "utf8"), "states.csv");
const rows = districtRows(parseDistrictShapesTopoJson(readFileSync(join(dataDir, SHAPES), "utf8"), SHAPES), new Map(states.map((s) => [s.fips, s.usps])), SHAPES);
const parseMs = ms(started);

// What the app does on first use: the rows come back from the database as JSON.
const stored = JSON.stringify(rows.map((row) => row.polygons));
started = performance.now();
const fromDb: DistrictShapeRow[] = (JSON.parse(stored) as DistrictShapeRow["polygons"][]).map((polygons, i) => ({ ...rows[i]!, polygons }));
const jsonMs = ms(started);

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
gc();
const memory = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
const heapBefore = memory();
started = performance.now();
const index = buildDistrictIndex(fromDb);
const buildMs = ms(started);
gc();
// The index keeps its own typed arrays; the rows it was built from can go.
const heapMiB = (memory() - heapBefore) / 2 ** 20;

const centroids = parseZctaCentroidsCsv(readFileSync(join(dataDir, "zip-geo/zcta-centroids.csv"), "utf8"), "zcta-centroids.csv").map((c) => [c.latitude, c.longitude] as const);
let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const scattered = centroids.map(() => [24.5 + random() * 25, -125 + random() * 58] as const);

function timeEach(points: readonly (readonly [number, number])[], place: (lat: number, lng: number) => unknown) {
  const times = new Float64Array(points.length);
  for (let round = 0; round < 2; round++) {
    // Round one warms up the JIT; round two is measured.
    for (let i = 0; i < points.length; i++) {
      const t = performance.now();
      place(points[i]![0], points[i]![1]);
      times[i] = performance.now() - t;
    }
  }
  const total = times.reduce((a, b) => a + b, 0);
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 1000;
  return { mean: (total / points.length) * 1000, p50: at(0.5), p99: at(0.99), max: sorted.at(-1)! * 1000 };
}

const ours = { centroids: timeEach(centroids, index.place), scattered: timeEach(scattered, index.place) };

// d3-geo over GeoJSON features of the same shapes (spherical geometry, exact but slow).
const features = rows.map((row) => ({
  type: "Feature" as const,
  properties: {},
  geometry: { type: "MultiPolygon" as const, coordinates: row.polygons.map((rings) => rings.map((ring) => Array.from({ length: ring.length / 2 }, (_, i) => [ring[2 * i]!, ring[2 * i + 1]!]))) },
}));
const bounds = features.map((f) => geoBounds(f));
const sample = centroids.filter((_, i) => i % 20 === 0);
const d3All = timeEach(sample, (lat, lng) => features.find((f) => geoContains(f, [lng, lat])));
const d3Boxed = timeEach(sample, (lat, lng) =>
  features.find((f, i) => {
    const [[w, s], [e, n]] = bounds[i]!;
    return lat >= s && lat <= n && (w <= e ? lng >= w && lng <= e : lng >= w || lng <= e) && geoContains(f, [lng, lat]);
  }),
);

const row = (what: string, r: { mean: number; p50: number; p99: number; max: number }) =>
  `| ${what} | ${fmt(r.mean, 2)} | ${fmt(r.p50, 2)} | ${fmt(r.p99, 2)} | ${fmt(r.max, 0)} |`;
console.log(`Node ${process.version}; ${index.size.districts} districts, ${index.size.points.toLocaleString("en-US")} boundary points\n`);
console.log("| Step | Time |\n| --- | --- |");
console.log(`| Parse the TopoJSON and check it (import only) | ${fmt(parseMs, 0)} ms |`);
console.log(`| Parse the stored rows' JSON (${fmt(stored.length / 2 ** 20)} MiB) | ${fmt(jsonMs, 0)} ms |`);
console.log(`| Build the index (first point look-up in a process) | ${fmt(buildMs, 0)} ms, about ${fmt(heapMiB, 0)} MiB of memory (heap and typed arrays) |\n`);
console.log("| Look-up | mean µs | p50 µs | p99 µs | max µs |\n| --- | --- | --- | --- | --- |");
console.log(row(`Index, every ZIP area's point (${centroids.length.toLocaleString("en-US")})`, ours.centroids));
console.log(row(`Index, random points over the 50 states' box (${scattered.length.toLocaleString("en-US")})`, ours.scattered));
console.log(row(`d3-geo geoContains over all 441 shapes (${sample.length.toLocaleString("en-US")} ZIP points)`, d3All));
console.log(row(`d3-geo geoContains after a bounding-box check (${sample.length.toLocaleString("en-US")} ZIP points)`, d3Boxed));
