import { milesBetween } from "../../lib/geo.js";
import type { Ctx } from "../context.js";
import { invalid } from "../errors.js";
import { loadCongressDirectory } from "../congress/congress-directory.js";
import { normalizeZip } from "../places/lookup-zip.js";
import { loadZipPoints } from "../places/zip-points.js";
import { loadGroupDirectory, type PublicGroup } from "./group-directory.js";

export const DEFAULT_NEAREST = 10;
export const MAX_MILES = 3000;

export interface NearbyGroup {
  group: PublicGroup;
  /** Rounded to a tenth of a mile; null when the group has no known location. */
  distanceMiles: number | null;
}

export interface GroupsNear {
  zip: string;
  /** The state(s) the ZIP area lies in; the first is used to rank ties. */
  states: string[];
  /** Their names, in the same order. */
  stateNames: string[];
  city: string | null;
  /**
   * With `miles`: every group within it; without: the nearest ten. Then the groups of the
   * ZIP's own state that have no single location (they work statewide), with distance null.
   */
  groups: NearbyGroup[];
  miles: number | null;
}

/**
 * Groups nearest a ZIP code, by great-circle distance between the ZIP area's centre and each
 * group's location; on equal distance, groups in the ZIP's own state come first. Distance says
 * nothing about congressional districts. Served from the in-memory directory.
 */
export async function findGroupsNear({ ctx, input }: { ctx: Ctx; input: { zip: string; miles?: string } }): Promise<GroupsNear> {
  const zip = normalizeZip(input.zip);
  if (!zip) throw invalid("That is not a ZIP code.", { near: input.zip.trim() ? "invalid_zip" : "required" });
  let miles: number | null = null;
  if (input.miles !== undefined && input.miles !== "") {
    miles = Number(input.miles);
    if (!Number.isInteger(miles) || miles < 1 || miles > MAX_MILES) throw invalid("Distance out of range.", { miles: "out_of_range" });
  }
  const [points, congress] = await Promise.all([loadZipPoints(ctx), loadCongressDirectory(ctx)]);
  const centroid = points.get(zip);
  if (!centroid) throw invalid("We do not know where that ZIP code is.", { near: "unknown_zip" });
  const city = congress.placeByZip.get(zip);
  const states = centroid.states;
  const origin = { lat: centroid.lat, lng: centroid.lng };
  const directory = await loadGroupDirectory(ctx);
  const ranked: NearbyGroup[] = [];
  const statewide: NearbyGroup[] = [];
  for (const [state, list] of directory.groupsByState) {
    if (state === "US") continue;
    for (const group of list) {
      if (group.latitude === null || group.longitude === null) {
        // A group with no city (a state campaign, a statewide chapter) serves the whole state.
        if (states.includes(state)) statewide.push({ group, distanceMiles: null });
        continue;
      }
      const distance = Math.round(milesBetween(origin, { lat: group.latitude, lng: group.longitude }) * 10) / 10;
      if (miles === null || distance <= miles) ranked.push({ group, distanceMiles: distance });
    }
  }
  const home = states[0];
  ranked.sort(
    (a, b) =>
      (a.distanceMiles ?? Infinity) - (b.distanceMiles ?? Infinity) ||
      Number(b.group.state === home) - Number(a.group.state === home) ||
      a.group.name.localeCompare(b.group.name),
  );
  statewide.sort((a, b) => a.group.name.localeCompare(b.group.name));
  return {
    zip,
    states,
    stateNames: states.map((code) => directory.states.find((s) => s.code === code)?.name ?? code),
    city: city?.city ?? null,
    groups: [...(miles === null ? ranked.slice(0, DEFAULT_NEAREST) : ranked), ...statewide],
    miles,
  };
}
