import { Hono } from "hono";
import { findGroupsNear } from "../domain/groups/find-groups-near.js";
import { getCoverage } from "../domain/groups/get-coverage.js";
import { getStateGroups } from "../domain/groups/get-state-groups.js";
import type { PublicGroup } from "../domain/groups/group-directory.js";
import { listGroupDirectory } from "../domain/groups/list-group-directory.js";
import { listDatasets } from "../domain/public-data/list-datasets.js";
import type { AppEnv } from "../http/types.js";
import { billsApiRoutes } from "./bills-routes.js";
import { congressApiRoutes } from "./congress-routes.js";
import { eventsApiRoutes } from "./events-routes.js";
import { newsApiRoutes } from "./news-routes.js";

/** The JSON surface, under /api/v1. Fields are listed one by one: no row is sent as it is stored. */
export const apiRoutes = new Hono<AppEnv>()
  .get("/v1/groups", async (c) => {
    const { ctx, config } = c.var.deps;
    const near = c.req.query("near");
    const state = c.req.query("state");
    const present = (group: PublicGroup, distanceMiles?: number | null) => ({
      id: group.id,
      slug: group.slug,
      name: group.name,
      state: group.state,
      city: group.city,
      kind: group.kind,
      url: `${config.publicUrl}${group.path}`,
      website: group.websiteUrl,
      lat: group.latitude,
      lng: group.longitude,
      ...(distanceMiles === undefined ? {} : { distanceMiles }),
      lastConfirmedAt: group.lastConfirmedAt?.toISOString() ?? null,
    });
    if (near !== undefined) {
      const result = await findGroupsNear({ ctx, input: { zip: near, miles: c.req.query("miles") } });
      return c.json({ groups: result.groups.map((g) => present(g.group, g.distanceMiles)) });
    }
    if (state !== undefined) {
      const result = await getStateGroups({ ctx, input: { state } });
      return c.json({ groups: result.groups.map((g) => present(g)) });
    }
    const listing = await listGroupDirectory({ ctx });
    const all = [...listing.states.flatMap((s) => s.groups), ...listing.national].sort((a, b) => a.name.localeCompare(b.name));
    return c.json({ groups: all.map((g) => present(g)) });
  })
  .get("/v1/coverage", async (c) => {
    const coverage = await getCoverage({ ctx: c.var.deps.ctx });
    return c.json({
      covered: coverage.covered,
      total: coverage.total,
      states: coverage.states.map((s) => ({ code: s.code, name: s.name, groups: s.groups, members: s.members })),
    });
  })
  .get("/v1/datasets", async (c) => {
  const { datasets, bills } = await listDatasets({ ctx: c.var.deps.ctx });
  return c.json({
    datasets: datasets.map((d) => ({
      key: d.key,
      title: d.title,
      sourceUrl: d.sourceUrl,
      licence: d.licence,
      attribution: d.attribution,
      version: d.imported?.version ?? null,
      asOf: d.imported?.asOf ?? null,
      rowCount: d.imported?.rowCount ?? null,
      importedAt: d.imported?.importedAt.toISOString() ?? null,
    })),
    bills: bills.map((b) => ({
      number: b.number,
      congress: b.congress,
      cosponsorsLoaded: b.cosponsorsLoaded,
      officialCosponsorCount: b.officialCosponsorCount,
      rollComplete: b.rollComplete,
      asOf: b.asOf,
    })),
  });
});

apiRoutes.route("/", congressApiRoutes);
apiRoutes.route("/", billsApiRoutes);
apiRoutes.route("/", eventsApiRoutes);
apiRoutes.route("/", newsApiRoutes);
