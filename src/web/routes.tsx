import { Hono } from "hono";
import { getMovementStats } from "../domain/overview/get-movement-stats.js";
import { getCoverage } from "../domain/groups/get-coverage.js";
import { getFeaturedEvent } from "../domain/events/get-featured-event.js";
import { listDatasets } from "../domain/public-data/list-datasets.js";
import type { AppEnv } from "../http/types.js";
import { AboutDataPage } from "./pages/about-data-page.js";
import { HomePage } from "./pages/home-page.js";
import { cacheTags } from "../db/read-cache.js";
import { coverageMapSvg } from "./maps.js";
import { cachedPage } from "./page-cache.js";
import { renderPage } from "./render.js";
import { viewFor } from "./view.js";

/** The HTML surface. Each handler: parse input, call one domain action, render a page. */
export const webRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const ctx = c.var.deps.ctx;
    const view = viewFor(c);
    // Everyone sees the same home page until groups, public data or events change. The featured
    // event's phase is in the key, so "Watch live" appears when it starts and goes when it ends
    // (docs/decisions/0018).
    const featuredEvent = await getFeaturedEvent({ ctx });
    const featuredKey = featuredEvent ? `featured-${featuredEvent.id}-${featuredEvent.phase}` : "no-featured";
    return cachedPage(c, `${cacheTags.groups}:${cacheTags.publicData}:${cacheTags.events}:page:${view.locale}:${view.href("/")}:${featuredKey}`, async () => {
      const [stats, coverage, mapSvg] = await Promise.all([getMovementStats({ ctx }), getCoverage({ ctx }), coverageMapSvg(ctx, view)]);
      return renderPage(c, <HomePage view={view} stats={stats} coverage={coverage} mapSvg={mapSvg} featuredEvent={featuredEvent} />);
    });
  })
  .get("/about/data", async (c) => {
    const { datasets, bills } = await listDatasets({ ctx: c.var.deps.ctx });
    return renderPage(c, <AboutDataPage view={viewFor(c)} datasets={datasets} bills={bills} />);
  });
