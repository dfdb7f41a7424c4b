import { Hono, type Context } from "hono";
import { getCampaignOverview } from "../domain/campaigns/get-campaign-overview.js";
import { billIdFromSlug, billSlug } from "../domain/congress/bill-slug.js";
import { getBillCosponsors } from "../domain/congress/get-bill-cosponsors.js";
import { notFound } from "../domain/errors.js";
import { getCoverage } from "../domain/groups/get-coverage.js";
import { getGroup } from "../domain/groups/get-group.js";
import { getStateGroups } from "../domain/groups/get-state-groups.js";
import type { AppEnv } from "../http/types.js";
import { cardFingerprint, type PreviewCard } from "./previews/card.js";
import { billCard, campaignCard, groupCard, homeCard, siteCard, stateCard } from "./previews/cards.js";
import { previewImages } from "./previews/image-cache.js";
import { viewFor } from "./view.js";

/** "oh.png", "twin-cities-m4a.png": the route param is the file name; stripPng gives the code or slug. */
const STATE_PNG = ":file{[a-z]{2}\\.png}";
const SLUG_PNG = ":file{[a-z0-9-]+\\.png}";
const stripPng = (file: string | undefined) => (file ?? "").replace(/\.png$/, "");

/**
 * Serve a card's image. The page's og:image URL carries ?v=<fingerprint>: when it matches what
 * the card shows now, the image never changes at that URL and may be kept for a year; an old or
 * missing v gets today's image with a short lifetime. Images come from memory unless what they
 * show changed (see PreviewImageCache).
 */
async function sendCard(c: Context<AppEnv>, card: PreviewCard) {
  const fingerprint = cardFingerprint(card.content);
  c.header("Cache-Control", c.req.query("v") === fingerprint ? "public, max-age=31536000, immutable" : "public, max-age=600");
  c.header("ETag", `"${fingerprint}"`);
  if (c.req.header("if-none-match") === `"${fingerprint}"`) return c.body(null, 304);
  const image = await previewImages.get(card.content);
  c.header("Content-Type", "image/png");
  c.header("Content-Length", String(image.png.byteLength));
  return c.body(new Uint8Array(image.png));
}

/** Link-preview images (og:image), 1200×630 PNG, drawn by the app: /og/home.png, /og/groups/oh.png, … */
export const previewRoutes = new Hono<AppEnv>()
  .get("/og/site.png", (c) => sendCard(c, siteCard(viewFor(c))))
  .get("/og/home.png", async (c) => sendCard(c, homeCard(viewFor(c), await getCoverage({ ctx: c.var.deps.ctx }))))
  .get(`/og/groups/${STATE_PNG}`, async (c) => {
    const { state, groups } = await getStateGroups({ ctx: c.var.deps.ctx, input: { state: stripPng(c.req.param("file")) } });
    return sendCard(c, stateCard(viewFor(c), state, groups.length));
  })
  .get(`/og/groups/:state{[a-z]{2}}/${SLUG_PNG}`, async (c) => {
    const group = await getGroup({ ctx: c.var.deps.ctx, input: { state: c.req.param("state"), slug: stripPng(c.req.param("file")) } });
    return sendCard(c, groupCard(viewFor(c), group));
  })
  .get(`/og/act/${SLUG_PNG}`, async (c) => {
    const overview = await getCampaignOverview({ ctx: c.var.deps.ctx, input: { slug: stripPng(c.req.param("file")) } });
    return sendCard(c, campaignCard(viewFor(c), overview.campaign, overview.bills));
  })
  .get(`/og/cosponsors/${SLUG_PNG}`, async (c) => {
    const slug = stripPng(c.req.param("file"));
    const billId = billIdFromSlug(slug);
    if (!billId || billSlug(billId) !== slug) throw notFound("There is no bill at this address.");
    return sendCard(c, billCard(viewFor(c), await getBillCosponsors({ ctx: c.var.deps.ctx, input: { billId } })));
  });
