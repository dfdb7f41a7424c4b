import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { geoAlbersUsa, geoBounds, geoConicEqualArea, geoPath, type GeoProjection } from "d3-geo";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { FIPS_TO_USPS } from "./fips.js";

/**
 * The projected shapes, computed on first use and then kept for the life of the process, so a
 * render only joins strings. Nothing here touches the network: the shapes come from us-atlas's
 * states-10m.json (U.S. Census cartographic boundaries at 1:10,000,000, ISC licence) in
 * node_modules.
 */

type StateShape = Feature<Polygon | MultiPolygon>;

let atlas: Map<string, StateShape> | undefined;

/** The 50 states and DC as GeoJSON (longitude, latitude), keyed by USPS code. */
function stateShapes(): Map<string, StateShape> {
  if (atlas) return atlas;
  const file = createRequire(import.meta.url).resolve("us-atlas/states-10m.json");
  const topology = JSON.parse(readFileSync(file, "utf8")) as Topology<{ states: GeometryCollection }>;
  const shapes = new Map<string, StateShape>();
  for (const geometry of topology.objects.states.geometries) {
    const usps = FIPS_TO_USPS[String(geometry.id)];
    if (!usps) continue; // a territory: AlbersUsa has no place for it, so it has no map
    shapes.set(usps, feature(topology, geometry) as StateShape);
  }
  atlas = shapes;
  return shapes;
}

/**
 * A d3 path context that writes compact SVG path data: coordinates rounded to whole viewBox
 * units, repeated points dropped, relative "l" steps after each "M", and rings that collapse to
 * fewer than three points (tiny islands) left out. Neighbouring states share their border
 * points, so they round alike and no gaps open between them. About a third of the size of
 * geoPath().digits(1).
 */
class CompactPath {
  private out = "";
  private ring: number[] = [];
  /** The bounds of every point written so far: [[x0, y0], [x1, y1]]. */
  readonly bounds: [[number, number], [number, number]] = [
    [Infinity, Infinity],
    [-Infinity, -Infinity],
  ];

  moveTo(x: number, y: number): void {
    this.ring = [Math.round(x), Math.round(y)];
  }

  lineTo(x: number, y: number): void {
    const rx = Math.round(x);
    const ry = Math.round(y);
    const n = this.ring.length;
    if (this.ring[n - 2] !== rx || this.ring[n - 1] !== ry) this.ring.push(rx, ry);
  }

  closePath(): void {
    const r = this.ring;
    this.ring = [];
    let n = r.length;
    if (n >= 4 && r[0] === r[n - 2] && r[1] === r[n - 1]) n -= 2; // "z" closes it already
    if (n < 6) return;
    const [min, max] = this.bounds;
    for (let i = 0; i < n; i += 2) {
      if (r[i]! < min[0]) min[0] = r[i]!;
      if (r[i]! > max[0]) max[0] = r[i]!;
      if (r[i + 1]! < min[1]) min[1] = r[i + 1]!;
      if (r[i + 1]! > max[1]) max[1] = r[i + 1]!;
    }
    let x = r[0]!;
    let y = r[1]!;
    let s = `M${x} ${y}l`;
    for (let i = 2; i < n; i += 2) {
      const dx = r[i]! - x;
      const dy = r[i + 1]! - y;
      // A minus sign separates numbers by itself; the first number after "l" needs no space.
      s += (i === 2 || dx < 0 ? "" : " ") + dx + (dy < 0 ? "" : " ") + dy;
      x = r[i]!;
      y = r[i + 1]!;
    }
    this.out += `${s}z`;
  }

  arc(): void {
    // Only used for GeoJSON points, which we never draw as paths.
  }

  beginPath(): void {}

  take(): string {
    const s = this.out;
    this.out = "";
    return s;
  }
}

function projectedPath(projection: GeoProjection, shape: StateShape, context = new CompactPath()): string {
  geoPath(projection, context)(shape);
  return context.take();
}

/** "x y width height", with a little room for the border stroke. */
function viewBoxAround(bounds: [[number, number], [number, number]], pad: number) {
  const x = Math.floor(bounds[0][0]) - pad;
  const y = Math.floor(bounds[0][1]) - pad;
  const width = Math.ceil(bounds[1][0]) + pad - x;
  const height = Math.ceil(bounds[1][1]) + pad - y;
  return { x, y, width, height, attr: `${x} ${y} ${width} ${height}` };
}

export type ViewBox = ReturnType<typeof viewBoxAround>;

export interface CoverageGeometry {
  viewBox: ViewBox;
  /** USPS code → SVG path data, for the 50 states and DC. */
  paths: ReadonlyMap<string, string>;
  /** Where DC is, so it can get a marker big enough to see and to click. */
  dc: readonly [number, number];
}

/** Width of the national map in viewBox units: about one unit per CSS pixel on a wide screen. */
export const COVERAGE_WIDTH = 960;

let coverage: CoverageGeometry | undefined;

/**
 * geoAlbersUsa (Alaska and Hawaii as insets) scaled so the 50 states and DC are about
 * COVERAGE_WIDTH units wide with the top-left corner near 0,0: the numbers are what
 * fitWidth(COVERAGE_WIDTH - 4, all states) gives (a test checks that), written out because the
 * fitting pass would add a second trip through d3's projection pipeline to the first render.
 */
export function coverageProjection(): GeoProjection {
  return geoAlbersUsa().scale(1224.8).translate([513.6, 275.1]);
}

/** The national map, computed on first use. One pass over the shapes; the viewBox comes from the rounded points. */
export function coverageGeometry(): CoverageGeometry {
  if (coverage) return coverage;
  const shapes = stateShapes();
  const projection = coverageProjection();
  const context = new CompactPath();
  const paths = new Map<string, string>();
  for (const [usps, shape] of shapes) paths.set(usps, projectedPath(projection, shape, context));
  const viewBox = viewBoxAround(context.bounds, 2);
  const dc = geoPath(projection).centroid(shapes.get("DC")!);
  coverage = { viewBox, paths, dc: [Math.round(dc[0]), Math.round(dc[1])] };
  return coverage;
}

/** For tests: every state as one collection, in longitude and latitude. */
export function allStateShapes(): FeatureCollection {
  return { type: "FeatureCollection", features: [...stateShapes().values()] };
}

export interface StateGeometry {
  viewBox: ViewBox;
  /** The state's outline as SVG path data. */
  path: string;
  /** Project [longitude, latitude] into the same viewBox units as `path`. */
  project(lng: number, lat: number): [number, number] | undefined;
}

/** The longer side of a single-state map in viewBox units. */
export const STATE_SIZE = 400;

const stateCache = new Map<string, StateGeometry>();

/**
 * One state on its own: an equal-area conic centred on the state (north stays up, unlike a crop
 * of the national Albers, which tilts Maine and Washington), fitted with fitExtent into a box
 * of at most STATE_SIZE units, and the viewBox cut to the state's shape so a wide state gets a
 * wide map and a tall state a tall one. Dots use the same projection object.
 */
export function stateGeometry(usps: string): StateGeometry | undefined {
  const cached = stateCache.get(usps);
  if (cached) return cached;
  const shape = stateShapes().get(usps);
  if (!shape) return undefined;

  const [[west, south], [east, north]] = geoBounds(shape);
  // Alaska's Aleutians cross the 180th meridian: then west > east, and the middle is across it.
  const centre = west <= east ? (west + east) / 2 : (west + east + 360) / 2;
  const span = north - south;
  const projection = geoConicEqualArea()
    .rotate([-centre, 0])
    .parallels([south + span / 6, north - span / 6])
    .fitExtent(
      [
        [16, 16],
        [STATE_SIZE - 16, STATE_SIZE - 16],
      ],
      shape,
    );
  const viewBox = viewBoxAround(geoPath(projection).bounds(shape), 16);
  const geometry: StateGeometry = {
    viewBox,
    path: projectedPath(projection, shape),
    project(lng, lat) {
      if (!Number.isFinite(lng) || !Number.isFinite(lat) || Math.abs(lat) > 90 || Math.abs(lng) > 180) return undefined;
      const point = projection([lng, lat]);
      return point ? [point[0], point[1]] : undefined;
    },
  };
  stateCache.set(usps, geometry);
  return geometry;
}
