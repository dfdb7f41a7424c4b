import { raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { coverageGeometry } from "./geometry.js";
import { esc, safeHref, svgOpen } from "./markup.js";

export interface CoverageMapState {
  /** USPS code, e.g. "MN". Codes without a shape (PR, GU, VI, AS, MP) are skipped. */
  usps: string;
  /** Where the state's link goes, e.g. view.href("/states/mn"). */
  href: string;
  /** The link's accessible name, from the message catalogue, e.g. "Minnesota: 3 groups". */
  label: string;
  /** Shading: 0 = no groups, 1, 2, and 3 or more all look the same (class map-level-3). */
  level: number;
}

export interface CoverageMapInput {
  /** The map's accessible name (its <title>), e.g. "Medicare for All groups by state". */
  title: string;
  /** A sentence or two for its <desc>, e.g. what the shading means and where the full list is. */
  desc: string;
  /**
   * One entry per state. Their order is the keyboard and screen-reader order (sort by the
   * localised name); DC goes last whatever its place, so its marker is drawn on top. A state
   * left out is drawn unshaded and is not a link.
   */
  states: readonly CoverageMapState[];
  /** Prefix for the <title>/<desc> ids; change it if one page shows two maps. */
  idPrefix?: string;
}

/** A level for the map-level-N classes: 0, 1, 2 or 3 (3 stands for "3 or more"). */
export function mapLevel(level: number): 0 | 1 | 2 | 3 {
  if (!(level >= 1)) return 0; // also NaN
  if (level >= 3) return 3;
  return level >= 2 ? 2 : 1;
}

/**
 * Project the national map now instead of on the first request that shows it (the first pass
 * through d3 costs a few hundred milliseconds while V8 warms up; see index.ts). Optional.
 */
export function warmMaps(): void {
  coverageGeometry();
}

/** Radius of DC's marker, in viewBox units (the map is 960 wide). */
const DC_RADIUS = 7;

/**
 * The United States with the 50 states and DC, each a link shaded by its level: an <svg> that
 * scales to its container (viewBox, no width), ready to put in a hono/jsx page as `{map}`.
 */
export function renderCoverageMap(input: CoverageMapInput): HtmlEscapedString {
  const { viewBox, paths, dc } = coverageGeometry();
  const given = new Map<string, CoverageMapState>();
  for (const state of input.states) if (paths.has(state.usps)) given.set(state.usps, state);

  let out = svgOpen({
    className: "map map-coverage",
    viewBox: viewBox.attr,
    idPrefix: input.idPrefix ?? "map-coverage",
    title: input.title,
    desc: input.desc,
  });
  // States nobody passed in: plain shapes underneath, so the country has no holes.
  for (const [usps, d] of paths) if (!given.has(usps)) out += `<path class="map-level-0" d="${d}"/>`;
  let dcLink = "";
  for (const state of given.values()) {
    const shape = `<path class="map-level-${mapLevel(state.level)}" d="${paths.get(state.usps)!}"/>`;
    const marker = state.usps === "DC" ? `<circle class="map-level-${mapLevel(state.level)} map-dc" cx="${dc[0]}" cy="${dc[1]}" r="${DC_RADIUS}"/>` : "";
    const link = `<a href="${safeHref(state.href)}" aria-label="${esc(state.label)}">${shape}${marker}</a>`;
    if (state.usps === "DC") dcLink = link;
    else out += link;
  }
  return raw(`${out}${dcLink}</svg>`);
}

/**
 * A key for the shading: a list of four swatches with the labels for levels 0, 1, 2 and 3+
 * (from the message catalogue, e.g. ["No groups yet", "1 group", "2 groups", "3 or more"]).
 */
export function renderMapLegend(labels: readonly [string, string, string, string]): HtmlEscapedString {
  const items = labels.map((label, level) => `<li><span class="map-swatch map-level-${level}" aria-hidden="true"></span>${esc(label)}</li>`);
  return raw(`<ul class="map-legend">${items.join("")}</ul>`);
}
