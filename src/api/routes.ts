import { Hono } from "hono";
import { listDatasets } from "../domain/public-data/list-datasets.js";
import type { AppEnv } from "../http/types.js";

/** The JSON surface, under /api/v1. Fields are listed one by one: no row is sent as it is stored. */
export const apiRoutes = new Hono<AppEnv>().get("/v1/datasets", async (c) => {
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
