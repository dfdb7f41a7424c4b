import type { Ctx } from "../domain/context.js";
import { getCoverage } from "../domain/groups/get-coverage.js";
import type { PublicGroup } from "../domain/groups/group-directory.js";
import { mapLevel, renderCoverageMap, renderMapLegend, renderStateMap } from "./maps/index.js";
import type { View } from "./view.js";

/** The national coverage map (each state a link, shaded by its number of groups) and its legend. */
export async function coverageMapSvg(ctx: Ctx, view: View): Promise<string> {
  const coverage = await getCoverage({ ctx });
  const t = view.t.coverage;
  const map = renderCoverageMap({
    title: t.mapTitle,
    desc: t.mapDesc(coverage.covered),
    states: coverage.states.map((state) => ({
      usps: state.code,
      href: view.href(`/groups/${state.code.toLowerCase()}`),
      label: t.stateLabel(state.name, state.groups),
      level: mapLevel(state.groups),
    })),
  });
  const [l0, l1, l2, l3] = t.legend;
  return `${String(map)}${String(renderMapLegend([l0 ?? "", l1 ?? "", l2 ?? "", l3 ?? ""]))}`;
}

/** A small map of one state with a dot per located group; undefined where we have no shape. */
export function stateMapSvg(view: View, state: { code: string; name: string }, groups: PublicGroup[]): string | undefined {
  const map = renderStateMap({
    usps: state.code,
    title: view.t.groups.stateMapTitle(state.name),
    desc: view.t.groups.groupCount(groups.length),
    dots: groups
      .filter((g) => g.latitude !== null && g.longitude !== null)
      .map((g) => ({ lat: g.latitude!, lng: g.longitude!, href: view.href(g.path), label: g.name })),
  });
  return map === undefined ? undefined : String(map);
}
