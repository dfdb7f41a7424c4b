import { Hono } from "hono";
import { cacheTags } from "../db/read-cache.js";
import { billIdFromSlug, billPath, billSlug } from "../domain/congress/bill-slug.js";
import { findCurrentBill, getBillCosponsors } from "../domain/congress/get-bill-cosponsors.js";
import { notFound } from "../domain/errors.js";
import type { AppEnv } from "../http/types.js";
import { cachedPage } from "./page-cache.js";
import { cosponsorMapSvg, CosponsorsPage } from "./pages/cosponsors-page.js";
import { renderPage } from "./render.js";
import { viewFor } from "./view.js";

/**
 * Sponsor and cosponsor lists of the Medicare for All bills: /cosponsors/hr3069-119.
 *
 * /cosponsors on its own redirects (302, not 301: the current bill changes with each Congress)
 * to the current House bill, whose page links to the Senate bill and the earlier ones; a
 * separate index page would only repeat those links.
 */
export const cosponsorsRoutes = new Hono<AppEnv>()
  .get("/cosponsors", async (c) => {
    const bill = await findCurrentBill({ ctx: c.var.deps.ctx, input: { chamber: "house" } });
    return c.redirect(viewFor(c).href(bill.path), 302);
  })
  .get("/cosponsors/:bill", async (c) => {
    const slug = c.req.param("bill");
    const billId = billIdFromSlug(slug);
    if (!billId) throw notFound("There is no bill at this address.");
    // One address per bill: "HR3069-119" goes to "hr3069-119".
    if (slug !== billSlug(billId)) {
      const query = new URL(c.req.url).search;
      return c.redirect(`${billPath(billId)}${query}`, 301);
    }
    // The same for every visitor until the public data changes: rendered and compressed once
    // per language, dropped in every process when an import invalidates public data. Only bills
    // we hold get an entry (an unknown bill throws before anything is stored).
    const view = viewFor(c);
    const key = `${cacheTags.publicData}:cosponsors-page:${view.locale}:${view.href(billPath(billId))}`;
    return cachedPage(c, key, async () => {
      const data = await getBillCosponsors({ ctx: c.var.deps.ctx, input: { billId } });
      return renderPage(c, <CosponsorsPage view={view} data={data} mapSvg={cosponsorMapSvg(view, data)} />);
    });
  });
