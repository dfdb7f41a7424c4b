import { raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { stateGeometry } from "./geometry.js";
import { esc, safeHref, svgOpen } from "./markup.js";

export interface StateMapDot {
  /** WGS84 latitude and longitude of the group's meeting place (or town). */
  lat: number;
  lng: number;
  /** The group's page, e.g. view.href("/groups/twin-cities-m4a"). */
  href: string;
  /** The link's accessible name, from the message catalogue, e.g. "Twin Cities Medicare for All, Minneapolis". */
  label: string;
}

export interface StateMapInput {
  /** USPS code of the state, e.g. "MN". */
  usps: string;
  /** The map's accessible name (its <title>), e.g. "Groups in Minnesota". */
  title: string;
  /** A sentence for its <desc>, e.g. "Each dot is a group; the list below has them all." */
  desc: string;
  /**
   * One dot per group, drawn and focused in this order (sort it, e.g. by name). Dots that would
   * overlap are nudged apart so each stays visible and clickable; a dot without valid
   * coordinates, or too far outside the state to fit the frame, is left out.
   */
  dots: readonly StateMapDot[];
  /** Prefix for the <title>/<desc> ids; change it if one page shows two maps. */
  idPrefix?: string;
}

/** Dot radius in viewBox units (the longer side of a state map is 400). */
const DOT_RADIUS = 6;
/** Centres closer than this are nudged apart: a dot's width plus a gap. */
const DOT_SPACING = DOT_RADIUS * 2 + 3;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * A small map of one state fitted to its own bounds, with a dot (a link) per group. Returns
 * undefined when the place has no shape: Puerto Rico, Guam, the Virgin Islands, American Samoa
 * and the Northern Mariana Islands (and unknown codes); show no map then.
 */
export function renderStateMap(input: StateMapInput): HtmlEscapedString | undefined {
  const geometry = stateGeometry(input.usps);
  if (!geometry) return undefined;
  const { viewBox } = geometry;
  const inside = (x: number, y: number) =>
    x >= viewBox.x + DOT_RADIUS && x <= viewBox.x + viewBox.width - DOT_RADIUS && y >= viewBox.y + DOT_RADIUS && y <= viewBox.y + viewBox.height - DOT_RADIUS;

  const placed: [number, number][] = [];
  const clear = (x: number, y: number) => placed.every(([px, py]) => (px - x) ** 2 + (py - y) ** 2 >= DOT_SPACING ** 2);
  let dots = "";
  for (const dot of input.dots) {
    const point = geometry.project(dot.lng, dot.lat);
    if (!point || !inside(point[0], point[1])) continue;
    let [x, y] = point;
    // Same town, same spot: walk out along a sunflower spiral to the first free place.
    for (let k = 1; !clear(x, y) && k <= 500; k++) {
      const r = DOT_SPACING * 0.6 * Math.sqrt(k);
      const nx = point[0] + r * Math.cos(k * GOLDEN_ANGLE);
      const ny = point[1] + r * Math.sin(k * GOLDEN_ANGLE);
      if (inside(nx, ny)) [x, y] = [nx, ny];
    }
    placed.push([x, y]);
    dots +=
      `<a href="${safeHref(dot.href)}" aria-label="${esc(dot.label)}">` +
      `<circle class="map-dot" cx="${Math.round(x * 10) / 10}" cy="${Math.round(y * 10) / 10}" r="${DOT_RADIUS}"/></a>`;
  }

  const open = svgOpen({
    className: "map map-state",
    viewBox: viewBox.attr,
    idPrefix: input.idPrefix ?? `map-state-${input.usps.toLowerCase()}`,
    title: input.title,
    desc: input.desc,
  });
  return raw(`${open}<path class="map-state-shape" d="${geometry.path}"/>${dots}</svg>`);
}
