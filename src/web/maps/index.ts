/**
 * Maps for the group directory (issue 4): accessible SVG drawn on the server from plain data,
 * with no network access (shapes: us-atlas states-10m.json, Census, ISC licence).
 *
 * - renderCoverageMap: the 50 states and DC (geoAlbersUsa, Alaska and Hawaii as insets), each a
 *   link shaded by a level the caller gives. renderMapLegend: the key for the shading.
 * - renderStateMap: one state fitted to its bounds, with a link dot per group; undefined for
 *   places without a shape (PR, GU, VI, AS, MP).
 * Every word shown comes in from the caller (the message catalogue); nothing here is English.
 *
 * Benchmarks (npx tsx src/web/maps/benchmark.ts, Node 20.20, 2 shared cores at load average ~10, so wall
 * times are high and noisy; median of 5 fresh processes, see BENCHMARKS.md "Maps"):
 *   first national map in a process  ~580 ms wall, 260–400 ms CPU (parse 115 KB of TopoJSON,
 *                                    one geoAlbersUsa pass while V8 is still cold)
 *   each national map after that     ~0.04 ms (string joins), 50 KB, 11 KB gzipped
 *   first map of a state             ~5 ms (its projection, then cached); after: ~0.12 ms with 40 dots
 *   state map sizes                  0.4 KB (DC) to 3 KB (TX), Alaska 11 KB; +~160 B per dot
 * Call warmMaps() at start-up to move the first-map cost off the first request.
 */
export { renderCoverageMap, renderMapLegend, mapLevel, warmMaps, type CoverageMapInput, type CoverageMapState } from "./coverage-map.js";
export { renderStateMap, type StateMapDot, type StateMapInput } from "./state-map.js";
export { MAPPED_STATES } from "./fips.js";
