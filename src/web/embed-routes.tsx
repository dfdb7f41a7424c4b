import { Hono, type Context } from "hono";
import { findRepresentatives, type Representatives } from "../domain/campaigns/find-representatives.js";
import { getCampaignOverview } from "../domain/campaigns/get-campaign-overview.js";
import { recordCampaignAction } from "../domain/campaigns/record-campaign-action.js";
import { DomainError, invalid } from "../domain/errors.js";
import { getStateGroups } from "../domain/groups/get-state-groups.js";
import { joinGroup } from "../domain/groups/join-group.js";
import { waitForGroup } from "../domain/groups/wait-for-group.js";
import { normalizeZip } from "../domain/places/lookup-zip.js";
import type { AppEnv } from "../http/types.js";
import { outcomeLimit } from "./act-routes.js";
import { emptyForm, type FormState } from "./components/form.js";
import { readForm, submitForm } from "./forms.js";
import { limitPerEmail, writeLimit } from "./groups-routes.js";
import { EmbedActPage, EmbedGroupsPage, EmbedMessagePage, sourceQuery, type EmbedSource } from "./pages/embed-pages.js";
import { creditAction, SOURCE_FIELDS } from "./referrals.js";
import { renderPage } from "./render.js";
import { viewFor } from "./view.js";

const CAMPAIGN = ":campaign{[a-z0-9-]+}";
const STATE = ":state{[a-z]{2}}";

/** A link parameter as people put it in URLs: short and plain, else dropped (never refused). */
const label = (value: string | undefined) => {
  const trimmed = value?.trim();
  return trimmed && /^[A-Za-z0-9._-]{1,60}$/.test(trimmed) ? trimmed : undefined;
};

/** Where this visit came from: the embed URL's (or the form's) ref and utm_*, with embed defaults. */
function embedSource(values: Record<string, string | undefined>, defaultCampaign: string): EmbedSource {
  return {
    ref: label(values[SOURCE_FIELDS.ref]),
    utmSource: label(values[SOURCE_FIELDS.utmSource]) ?? "embed",
    utmCampaign: label(values[SOURCE_FIELDS.utmCampaign]) ?? defaultCampaign,
  };
}

/** A path inside the embed, with the source and (through view.href) an explicit language kept. */
function embedHref(c: Context<AppEnv>, path: string, source: EmbedSource, params: Record<string, string> = {}, hash = "") {
  const query = new URLSearchParams({ ...params, ...sourceQuery(source) });
  return viewFor(c).href(`${path}?${query.toString()}${hash}`);
}

async function actPage(c: Context<AppEnv>, source: EmbedSource, zip: string | undefined, logged?: string) {
  const { ctx } = c.var.deps;
  const overview = await getCampaignOverview({ ctx, input: { slug: c.req.param("campaign") ?? "" } });
  const form: FormState = emptyForm({ zip: zip ?? "" });
  const page = (found: Representatives | undefined, status: 200 | 400 = 200) =>
    renderPage(
      c,
      <EmbedActPage view={viewFor(c)} campaign={overview.campaign} counts={overview.counts} source={source} form={form} found={found} logged={logged} />,
      status,
    );
  if (!zip) return page(undefined);
  try {
    return page(await findRepresentatives({ ctx, input: { campaignSlug: overview.campaign.slug, zip } }));
  } catch (error) {
    if (error instanceof DomainError && error.code === "invalid") {
      form.errors = error.fieldErrors;
      return page(undefined, 400);
    }
    throw error;
  }
}

async function groupsPage(c: Context<AppEnv>, source: EmbedSource, form: FormState, status: 200 | 400 = 200) {
  const { state, groups } = await getStateGroups({ ctx: c.var.deps.ctx, input: { state: c.req.param("state") ?? "" } });
  return renderPage(c, <EmbedGroupsPage view={viewFor(c)} state={state} groups={groups} source={source} form={form} />, status);
}

/**
 * Compact pages for partner sites' iframes (decision 0014). Framing is allowed only here
 * (security-headers.ts), forms carry a cookie-less token (embed-csrf.ts), and nothing here
 * sets a cookie: a page inside someone else's site leaves nothing behind in the browser.
 */
export const embedRoutes = new Hono<AppEnv>()
  .use("/embed/*", async (c, next) => {
    await next();
    // Shared middleware may want to remember things (the traffic source, a share code): not here.
    c.res.headers.delete("Set-Cookie");
    // Each page holds a freshly signed form token: never serve one from a cache.
    c.res.headers.set("Cache-Control", "no-store");
  })
  .get(`/embed/act/${CAMPAIGN}`, (c) => {
    const query = c.req.query();
    return actPage(c, embedSource(query, c.req.param("campaign")), query.zip, query.logged);
  })
  .post(`/embed/act/${CAMPAIGN}/outcomes`, outcomeLimit, async (c) => {
    const { fields } = await readForm(c);
    const slug = c.req.param("campaign");
    const source = embedSource(fields, slug);
    const recorded = await recordCampaignAction({
      ctx: c.var.deps.ctx,
      input: { campaignSlug: slug, bioguideId: fields.bioguideId ?? "", outcome: fields.outcome ?? "", zip: fields.zip },
    });
    await creditAction(c, { kind: "action", subject: `campaign:${recorded.campaignSlug}` }, { remember: false });
    const zip = normalizeZip(fields.zip ?? "");
    const params: Record<string, string> = { ...(zip ? { zip } : {}), logged: recorded.bioguideId };
    return c.redirect(embedHref(c, `/embed/act/${slug}`, source, params, `#member-${recorded.bioguideId}`), 303);
  })
  .get(`/embed/groups/${STATE}`, (c) => {
    const state = c.req.param("state");
    // "Join this group" on a card comes back here with that group chosen in the form.
    return groupsPage(c, embedSource(c.req.query(), `groups-${state}`), emptyForm({ group: c.req.query("group") ?? "" }));
  })
  .post(`/embed/groups/${STATE}/join`, writeLimit, async (c) => {
    const { fields, isBot } = await readForm(c);
    const state = c.req.param("state");
    const source = embedSource(fields, `groups-${state}`);
    const slug = fields.group ?? "";
    const done = embedHref(c, `/embed/groups/${state}/joined`, source, { group: slug });
    if (isBot) return c.redirect(done, 303);
    await limitPerEmail(c, "join-email", fields.email);
    const { groups } = await getStateGroups({ ctx: c.var.deps.ctx, input: { state } });
    const outcome = await submitForm(fields, async () => {
      // A choice that is not one of this state's groups is a field to fix, not a missing page.
      if (!groups.some((group) => group.slug === slug)) throw invalid("Choose a group.", { group: slug ? "invalid_choice" : "required" });
      return joinGroup({
        ctx: c.var.deps.ctx,
        input: {
          state,
          slug,
          name: fields.name ?? "",
          email: fields.email ?? "",
          zip: fields.zip ?? "",
          nationalUpdates: false,
          locale: c.var.locale,
          sourcePage: `/embed/groups/${state}`,
        },
      });
    });
    if (!outcome.ok) return groupsPage(c, source, outcome.form, 400);
    await creditAction(c, { kind: "join", subject: `group:${outcome.result.groupId}`, personId: outcome.result.personId }, { remember: false });
    return c.redirect(done, 303);
  })
  .get(`/embed/groups/${STATE}/joined`, async (c) => {
    const state = c.req.param("state");
    const { state: entry, groups } = await getStateGroups({ ctx: c.var.deps.ctx, input: { state } });
    const group = groups.find((g) => g.slug === c.req.query("group"));
    const t = c.var.t.groups;
    const source = embedSource(c.req.query(), `groups-${state}`);
    const body = t.joinedBody(group?.name ?? entry.name);
    return renderPage(
      c,
      <EmbedMessagePage view={viewFor(c)} title={t.joinedTitle} heading={t.joinedHeading} body={body} back={{ href: embedHref(c, `/embed/groups/${state}`, source), label: c.var.t.embed.groupsHeading(entry.name) }} />,
    );
  })
  .post(`/embed/groups/${STATE}/wait`, writeLimit, async (c) => {
    const { fields, isBot } = await readForm(c);
    const state = c.req.param("state");
    const source = embedSource(fields, `groups-${state}`);
    const done = embedHref(c, `/embed/groups/${state}/waiting`, source);
    if (isBot) return c.redirect(done, 303);
    await limitPerEmail(c, "join-email", fields.email);
    const outcome = await submitForm(fields, () =>
      waitForGroup({ ctx: c.var.deps.ctx, input: { state, name: fields.name ?? "", email: fields.email ?? "", zip: fields.zip ?? "", locale: c.var.locale } }),
    );
    if (!outcome.ok) return groupsPage(c, source, outcome.form, 400);
    await creditAction(c, { kind: "signup", subject: `wait:${state.toUpperCase()}`, personId: outcome.result.personId }, { remember: false });
    return c.redirect(done, 303);
  })
  .get(`/embed/groups/${STATE}/waiting`, async (c) => {
    const state = c.req.param("state");
    const { state: entry } = await getStateGroups({ ctx: c.var.deps.ctx, input: { state } });
    const t = c.var.t.groups;
    const source = embedSource(c.req.query(), `groups-${state}`);
    return renderPage(
      c,
      <EmbedMessagePage view={viewFor(c)} title={t.waitingTitle} heading={t.waitingTitle} body={t.waitingBody(entry.name)} back={{ href: embedHref(c, `/embed/groups/${state}`, source), label: c.var.t.embed.groupsHeading(entry.name) }} />,
    );
  });
