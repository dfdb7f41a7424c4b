import { Hono, type Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { getActiveCampaign } from "../domain/campaigns/campaign-catalogue.js";
import { findRepresentatives, type Representatives } from "../domain/campaigns/find-representatives.js";
import { findRepresentativesAtPoint } from "../domain/campaigns/find-representatives-at-point.js";
import { countsFor, getActionCounts } from "../domain/campaigns/get-action-counts.js";
import { getCampaignOverview } from "../domain/campaigns/get-campaign-overview.js";
import { locateAddress, type LocateAddressResult } from "../domain/campaigns/locate-address.js";
import { recordCampaignAction } from "../domain/campaigns/record-campaign-action.js";
import { loadCongressDirectory } from "../domain/congress/congress-directory.js";
import { DomainError } from "../domain/errors.js";
import { normalizeZip } from "../domain/places/lookup-zip.js";
import { rateLimit } from "../http/rate-limit.js";
import type { AppEnv } from "../http/types.js";
import { emptyForm, type FormState } from "./components/form.js";
import type { LocationProblem } from "./components/locate-button.js";
import { readForm } from "./forms.js";
import { ActPage, MastodonSharePage, memberLabel } from "./pages/act-page.js";
import { renderPage } from "./render.js";
import { YourLink } from "./components/share-bar.js";
import { creditAction, yourLink } from "./referrals.js";
import { viewFor } from "./view.js";

const CAMPAIGN = ":campaign{[a-z0-9-]+}";
/** The remembered ZIP ("55401", or "10001.NY-12" once an address search narrowed it). No account needed. */
const ZIP_COOKIE = "ei_zip";
const ONE_YEAR = 365 * 24 * 3600;
/** The person's Mastodon server, once they told us, so sharing asks only once. */
const MASTODON_COOKIE = "ei_mastodon";
/** Per address and 10 minutes: a phone bank on one Wi-Fi makes many calls, a script many more. */
export const outcomeLimit = rateLimit({ bucket: "campaign-outcome-form", limit: 60, windowSeconds: 600 });

function rememberedZip(c: Context<AppEnv>): { zip: string; district: string | undefined } | undefined {
  const [zip, district] = (getCookie(c, ZIP_COOKIE) ?? "").split(".");
  const valid = zip ? normalizeZip(zip) : undefined;
  return valid ? { zip: valid, district } : undefined;
}

function remember(c: Context<AppEnv>, found: Representatives) {
  if (found.zip === null) return;
  const value = found.narrowedTo ? `${found.zip}.${found.narrowedTo.state}-${found.narrowedTo.district}` : found.zip;
  setCookie(c, ZIP_COOKIE, value, {
    path: "/",
    maxAge: ONE_YEAR,
    httpOnly: true,
    sameSite: "Lax",
    secure: c.var.deps.config.isProduction,
  });
}

async function campaignPage(c: Context<AppEnv>) {
  const { ctx, geocoder } = c.var.deps;
  const slug = c.req.param("campaign") ?? "";
  const overview = await getCampaignOverview({ ctx, input: { slug } });
  const query = c.req.query();
  if (query.forget !== undefined) deleteCookie(c, ZIP_COOKIE, { path: "/" });
  const remembered = query.forget === undefined ? rememberedZip(c) : undefined;
  const zip = query.zip ?? remembered?.zip;
  const callerName = (query.name ?? "").trim().slice(0, 60) || undefined;
  const form: FormState = emptyForm({ zip: zip ?? "", name: callerName ?? "" });
  const ownLink = await yourLink(c, overview.campaign.path);
  const page = (props: {
    found?: Representatives;
    address?: { value: string; result: LocateAddressResult | undefined };
    locationProblem?: LocationProblem;
    status?: 200 | 400 | 404;
  }) =>
    renderPage(
      c,
      <ActPage
        view={viewFor(c)}
        campaign={overview.campaign}
        bills={overview.bills}
        counts={overview.counts}
        form={form}
        found={props.found}
        callerName={callerName}
        address={props.address}
        logged={query.logged}
        locationProblem={props.locationProblem}
        yourLink={ownLink}
      />,
      props.status ?? 200,
    );
  if (query.lat !== undefined || query.lng !== undefined) {
    // "Use my location" (decision 0016): the point finds the district and is not kept: no cookie, no shared cache.
    c.header("Cache-Control", "private, no-store");
    try {
      const found = await findRepresentativesAtPoint({ ctx, input: { campaignSlug: overview.campaign.slug, lat: query.lat, lng: query.lng } });
      return page({ found });
    } catch (error) {
      if (error instanceof DomainError && (error.code === "invalid" || error.code === "not_found")) {
        return error.code === "invalid" ? page({ locationProblem: "bad_point", status: 400 }) : page({ locationProblem: "outside", status: 404 });
      }
      throw error;
    }
  }
  if (!zip) return page({});

  const addressValue = (query.address ?? "").trim();
  let address: { value: string; result: LocateAddressResult | undefined } | undefined;
  let district: string | string[] | undefined = remembered && remembered.zip === normalizeZip(zip) ? remembered.district : undefined;
  if (addressValue) {
    try {
      const result = await locateAddress({ ctx: { ...ctx, geocoder }, input: { address: addressValue, zip: normalizeZip(zip) } });
      address = { value: addressValue, result };
      district = result.kind === "found" ? result.seats : undefined;
    } catch (error) {
      if (!(error instanceof DomainError && error.code === "invalid")) throw error;
    }
  }
  try {
    const found = await findRepresentatives({ ctx, input: { campaignSlug: overview.campaign.slug, zip, district } });
    remember(c, found);
    return page({ found, address });
  } catch (error) {
    // A bad ZIP is answered on the same page with the box to fix it, and forgotten.
    if (error instanceof DomainError && error.code === "invalid") {
      form.errors = error.fieldErrors;
      if (remembered) deleteCookie(c, ZIP_COOKIE, { path: "/" });
      return page({ status: 400 });
    }
    throw error;
  }
}

const wantsJson = (c: Context) => (c.req.header("accept") ?? "").includes("application/json");

/** The campaign pages: /act, finding members by ZIP, reporting calls, and the Mastodon share step. */
export const actRoutes = new Hono<AppEnv>()
  .get("/act", async (c) => {
    const campaign = await getActiveCampaign({ ctx: c.var.deps.ctx });
    const search = new URL(c.req.url).search;
    return c.redirect(`${campaign.path}${search}`, 302);
  })
  .get(`/act/${CAMPAIGN}`, campaignPage)
  .post(`/act/${CAMPAIGN}/outcomes`, outcomeLimit, async (c) => {
    const { ctx } = c.var.deps;
    const { fields } = await readForm(c);
    const slug = c.req.param("campaign");
    const recorded = await recordCampaignAction({
      ctx,
      input: { campaignSlug: slug, bioguideId: fields.bioguideId ?? "", outcome: fields.outcome ?? "", zip: fields.zip },
    });
    const code = await creditAction(c, { kind: "action", subject: `campaign:${recorded.campaignSlug}` });
    const view = viewFor(c);
    if (wantsJson(c)) {
      // The small script on the page updates the card in place with these words.
      const [counts, directory] = await Promise.all([getActionCounts({ ctx, input: { campaignSlug: slug } }), loadCongressDirectory(ctx)]);
      const member = directory.members.get(recorded.bioguideId)!;
      const link = await yourLink(c, `/act/${recorded.campaignSlug}`, code);
      return c.json(
        {
          message: view.t.act.thanksLogged,
          counter: view.t.act.callsThisWeek(countsFor(counts, member.bioguideId).callsThisWeek, memberLabel(view, member)),
          totals: view.t.act.totals(counts.total, counts.thisWeek),
          // The caller's own share box, rendered here so the page script need not build links.
          yourLinkHtml: link ? String(await (<YourLink view={view} link={link} text={view.t.share.texts.called} />).toString()) : null,
        },
        201,
      );
    }
    const zip = normalizeZip(fields.zip ?? "");
    const back = `/act/${slug}?${zip ? `zip=${zip}&` : ""}logged=${encodeURIComponent(recorded.bioguideId)}#member-${recorded.bioguideId}`;
    return c.redirect(view.href(back), 303);
  })
  .get("/share/mastodon", (c) => {
    const text = (c.req.query("text") ?? "").slice(0, 500);
    const backParam = c.req.query("back") ?? "";
    // Only ever send people back to a page of ours (a path, never "//host"): no open redirect.
    const back = /^\/(?![\/\\])[a-z0-9\/-]*(\?[^#\s]*)?(#[\w-]*)?$/.test(backParam) ? backParam : "/act";
    const remembered = c.req.query("change") === undefined ? getCookie(c, MASTODON_COOKIE) : undefined;
    const serverParam = c.req.query("server") ?? remembered;
    const view = viewFor(c);
    const form = emptyForm({ server: serverParam ?? "" });
    if (serverParam === undefined) return renderPage(c, <MastodonSharePage view={view} text={text} back={back} form={form} />);
    const server = serverParam
      .trim()
      .toLowerCase()
      .replace(/^https?:\/\//, "")
      .replace(/\/.*$/, "");
    if (!/^(?=.{4,100}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/.test(server)) {
      return renderPage(c, <MastodonSharePage view={view} text={text} back={back} form={{ ...form, errors: { server: "invalid_host" } }} />, 400);
    }
    // Asked once: the server is remembered (first-party, HttpOnly) for the next share.
    setCookie(c, MASTODON_COOKIE, server, { path: "/", maxAge: ONE_YEAR, httpOnly: true, sameSite: "Lax", secure: c.var.deps.config.isProduction });
    const shareUrl = `https://${server}/share?text=${encodeURIComponent(text)}`;
    const changeHref = `/share/mastodon?${new URLSearchParams({ text, back, change: "1" }).toString()}`;
    return renderPage(c, <MastodonSharePage view={view} text={text} back={back} form={form} shareUrl={shareUrl} changeHref={remembered ? changeHref : undefined} />);
  });
