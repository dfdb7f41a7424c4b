import { asc } from "drizzle-orm";
import { cacheTags } from "../../db/read-cache.js";
import { districtShapes, type DistrictPolygon } from "../../db/schema/index.js";
import type { Ctx } from "../context.js";
import type { ZipDistrict } from "./congress-directory.js";

/**
 * A point closer than this to another district's outline is "near a district line": the shapes
 * are simplified to about 300 m (PROVENANCE.md §7), so the page shows both members rather than
 * risk the wrong one.
 */
export const NEAR_LINE_METERS = 500;

export interface PointPlacement {
  /** The district whose outline contains the point, or null (water, or outside the US). */
  district: ZipDistrict | null;
  /**
   * Districts whose outline is within NEAR_LINE_METERS of the point, nearest first, other than
   * `district`: a border the point may really be across, or (when `district` is null) the
   * coast the point is just off.
   */
  nearby: (ZipDistrict & { meters: number })[];
}

export interface DistrictShapeInput extends ZipDistrict {
  polygons: DistrictPolygon[];
}

export interface DistrictIndex {
  place(lat: number, lng: number): PointPlacement;
  /** Districts and boundary points held, for logs and benchmarks. */
  readonly size: { districts: number; points: number };
}

/** Grid cells of a quarter degree: a handful of candidate polygons per cell across the US. */
const CELL = 0.25;
const ROWS = Math.ceil(180 / CELL);
const METERS_PER_DEGREE_LAT = 110_574;
const METERS_PER_DEGREE_LNG_AT_EQUATOR = 111_320;

/**
 * One ring as a flat coordinate list with its edges bucketed by latitude band, so that the
 * ray cast and the distance check only look at edges near the point's latitude instead of all.
 */
interface Ring {
  coords: Float64Array;
  minY: number;
  bandHeight: number;
  /** bandStart[b]…bandStart[b+1] index into bandEdges: the edges that cross band b. */
  bandStart: Int32Array;
  bandEdges: Int32Array;
}

interface Polygon {
  seat: number;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
  rings: Ring[];
}

function buildRing(flat: number[]): Ring {
  const coords = Float64Array.from(flat);
  const points = coords.length / 2;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 1; i < coords.length; i += 2) {
    minY = Math.min(minY, coords[i]!);
    maxY = Math.max(maxY, coords[i]!);
  }
  // About eight edges per band; edge e joins point e and point e+1 (wrapping, for unclosed rings).
  const bands = Math.max(1, Math.min(1024, Math.ceil(points / 8)));
  const bandHeight = (maxY - minY) / bands || 1;
  const bandOf = (y: number) => Math.min(bands - 1, Math.max(0, Math.floor((y - minY) / bandHeight)));
  const counts = new Int32Array(bands + 1);
  const span = (e: number): [number, number] => {
    const y1 = coords[e * 2 + 1]!;
    const y2 = coords[((e + 1) % points) * 2 + 1]!;
    return [bandOf(Math.min(y1, y2)), bandOf(Math.max(y1, y2))];
  };
  for (let e = 0; e < points; e++) {
    const [from, to] = span(e);
    for (let b = from; b <= to; b++) counts[b + 1]!++;
  }
  for (let b = 0; b < bands; b++) counts[b + 1]! += counts[b]!;
  const bandStart = Int32Array.from(counts);
  const fill = Int32Array.from(counts);
  const bandEdges = new Int32Array(bandStart[bands]!);
  for (let e = 0; e < points; e++) {
    const [from, to] = span(e);
    for (let b = from; b <= to; b++) bandEdges[fill[b]!++] = e;
  }
  return { coords, minY, bandHeight, bandStart, bandEdges };
}

/** Whether a horizontal ray east from (x, y) crosses the ring an odd number of times. */
function crossesOdd(ring: Ring, x: number, y: number): boolean {
  const { coords, bandStart, bandEdges } = ring;
  const bands = bandStart.length - 1;
  const band = Math.floor((y - ring.minY) / ring.bandHeight);
  if (band < 0 || band >= bands) return false;
  const points = coords.length / 2;
  let inside = false;
  for (let k = bandStart[band]!; k < bandStart[band + 1]!; k++) {
    const e = bandEdges[k]!;
    const next = e + 1 === points ? 0 : e + 1;
    const x1 = coords[e * 2]!;
    const y1 = coords[e * 2 + 1]!;
    const x2 = coords[next * 2]!;
    const y2 = coords[next * 2 + 1]!;
    if (y1 > y !== y2 > y && x < ((x2 - x1) * (y - y1)) / (y2 - y1) + x1) inside = !inside;
  }
  return inside;
}

/** Metres from (x, y) to the ring's nearest edge, or Infinity when none is within `limit` metres (flat-earth, fine at 500 m). */
function distanceToRing(ring: Ring, x: number, y: number, limit: number, kx: number): number {
  const { coords, bandStart, bandEdges } = ring;
  const bands = bandStart.length - 1;
  const dy = limit / METERS_PER_DEGREE_LAT;
  const from = Math.max(0, Math.floor((y - dy - ring.minY) / ring.bandHeight));
  const to = Math.min(bands - 1, Math.floor((y + dy - ring.minY) / ring.bandHeight));
  const points = coords.length / 2;
  let best = Infinity;
  for (let band = from; band <= to; band++) {
    for (let k = bandStart[band]!; k < bandStart[band + 1]!; k++) {
      const e = bandEdges[k]!;
      const next = e + 1 === points ? 0 : e + 1;
      // Metres, relative to the point.
      const ax = (coords[e * 2]! - x) * kx;
      const ay = (coords[e * 2 + 1]! - y) * METERS_PER_DEGREE_LAT;
      const bx = (coords[next * 2]! - x) * kx;
      const by = (coords[next * 2 + 1]! - y) * METERS_PER_DEGREE_LAT;
      const vx = bx - ax;
      const vy = by - ay;
      const length2 = vx * vx + vy * vy;
      const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * vx + ay * vy) / length2));
      const px = ax + t * vx;
      const py = ay + t * vy;
      const d2 = px * px + py * py;
      if (d2 < best) best = d2;
    }
  }
  const d = Math.sqrt(best);
  return d <= limit ? d : Infinity;
}

/**
 * An in-memory index over the district outlines: a quarter-degree grid of candidate polygons,
 * then an even-odd ray cast over each candidate's rings (only the edges in the point's latitude
 * band). About a microsecond per point; see BENCHMARKS.md.
 */
export function buildDistrictIndex(shapes: DistrictShapeInput[], nearMeters = NEAR_LINE_METERS): DistrictIndex {
  const seats: ZipDistrict[] = shapes.map(({ state, district }) => ({ state, district }));
  const polygons: Polygon[] = [];
  const grid = new Map<number, number[]>();
  let points = 0;
  shapes.forEach((shape, seat) => {
    for (const rings of shape.polygons) {
      const outer = rings[0];
      if (!outer || outer.length < 6) continue;
      let minX = Infinity;
      let maxX = -Infinity;
      let minY = Infinity;
      let maxY = -Infinity;
      for (let i = 0; i < outer.length; i += 2) {
        minX = Math.min(minX, outer[i]!);
        maxX = Math.max(maxX, outer[i]!);
        minY = Math.min(minY, outer[i + 1]!);
        maxY = Math.max(maxY, outer[i + 1]!);
      }
      const id = polygons.length;
      polygons.push({ seat, minX, maxX, minY, maxY, rings: rings.map(buildRing) });
      points += rings.reduce((n, ring) => n + ring.length / 2, 0);
      // Each cell near the polygon lists it, margin included, so the near-line check sees it too.
      const marginY = nearMeters / METERS_PER_DEGREE_LAT;
      const marginX = nearMeters / (METERS_PER_DEGREE_LNG_AT_EQUATOR * Math.cos((Math.min(89, Math.max(Math.abs(minY), Math.abs(maxY))) * Math.PI) / 180));
      for (let cx = cellX(minX - marginX); cx <= cellX(maxX + marginX); cx++) {
        for (let cy = cellY(minY - marginY); cy <= cellY(maxY + marginY); cy++) {
          const key = cx * ROWS + cy;
          const list = grid.get(key);
          if (list) list.push(id);
          else grid.set(key, [id]);
        }
      }
    }
  });

  return {
    size: { districts: shapes.length, points },
    place(lat, lng) {
      const candidates = grid.get(cellX(lng) * ROWS + cellY(lat));
      if (!candidates) return { district: null, nearby: [] };
      let inside = -1;
      for (const id of candidates) {
        const polygon = polygons[id]!;
        if (lng < polygon.minX || lng > polygon.maxX || lat < polygon.minY || lat > polygon.maxY) continue;
        let odd = false;
        for (const ring of polygon.rings) if (crossesOdd(ring, lng, lat)) odd = !odd;
        if (odd) {
          inside = polygon.seat;
          break;
        }
      }
      const kx = METERS_PER_DEGREE_LNG_AT_EQUATOR * Math.cos((lat * Math.PI) / 180);
      const marginY = nearMeters / METERS_PER_DEGREE_LAT;
      const marginX = nearMeters / kx;
      const nearest = new Map<number, number>();
      for (const id of candidates) {
        const polygon = polygons[id]!;
        if (polygon.seat === inside) continue;
        if (lng < polygon.minX - marginX || lng > polygon.maxX + marginX || lat < polygon.minY - marginY || lat > polygon.maxY + marginY) continue;
        for (const ring of polygon.rings) {
          const d = distanceToRing(ring, lng, lat, nearMeters, kx);
          if (d < (nearest.get(polygon.seat) ?? Infinity)) nearest.set(polygon.seat, d);
        }
      }
      return {
        district: inside >= 0 ? seats[inside]! : null,
        nearby: [...nearest.entries()].sort((a, b) => a[1] - b[1]).map(([seat, meters]) => ({ ...seats[seat]!, meters: Math.round(meters) })),
      };
    },
  };
}

const cellX = (lng: number) => Math.floor((lng + 180) / CELL);
const cellY = (lat: number) => Math.floor((lat + 90) / CELL);

/**
 * The index over the imported district outlines, built on first use (about 50 ms) and kept until
 * the public data changes. Null when the shapes have not been imported.
 */
export function loadDistrictIndex(ctx: Ctx): Promise<DistrictIndex | null> {
  return ctx.cache.get(`${cacheTags.publicData}:district-index`, async () => {
    const rows = await ctx.db
      .select({ state: districtShapes.state, district: districtShapes.district, polygons: districtShapes.polygons })
      .from(districtShapes)
      .orderBy(asc(districtShapes.state), asc(districtShapes.district));
    return rows.length === 0 ? null : buildDistrictIndex(rows);
  });
}
