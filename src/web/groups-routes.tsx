import { listGroupUpcomingEvents } from "../domain/events/list-events.js";
import { Hono, type Context } from "hono";
import { answerApplicationQuestion, getApplicationQuestion } from "../domain/groups/answer-application-question.js";
import { applyToFoundGroup } from "../domain/groups/apply-to-found-group.js";
import { contactOrganizers } from "../domain/groups/contact-organizers.js";
import { findGroupsNear } from "../domain/groups/find-groups-near.js";
import { getCoverage } from "../domain/groups/get-coverage.js";
import { getGroup } from "../domain/groups/get-group.js";
import { getStateGroups } from "../domain/groups/get-state-groups.js";
import { joinGroup } from "../domain/groups/join-group.js";
import { reportGroupChange } from "../domain/groups/report-group-change.js";
import { listGroupDirectory } from "../domain/groups/list-group-directory.js";
import { waitForGroup } from "../domain/groups/wait-for-group.js";
import { cacheTags } from "../db/read-cache.js";
import { DomainError } from "../domain/errors.js";
import { HttpProblem } from "../http/http-problem.js";
import { hitRateLimit, rateLimit } from "../http/rate-limit.js";
import type { AppEnv } from "../http/types.js";
import { emptyForm, type FormState } from "./components/form.js";
import { readForm, submitForm } from "./forms.js";
import { cachedPage } from "./page-cache.js";
import { coverageMapSvg, stateMapSvg } from "./maps.js";
import { AnswerQuestionPage, DirectoryPage, FoundGroupPage, GroupPage, MessagePage, NearPage, StatePage } from "./pages/groups-pages.js";
import { renderPage } from "./render.js";
import { creditAction, yourLink } from "./referrals.js";
import { viewFor } from "./view.js";

const STATE = ":state{[a-z]{2}}";
const GROUP = `${STATE}/:slug{[a-z0-9-]+}`;
/** Per address an hour: generous, because a whole meeting may sign up over one Wi-Fi connection. */
export const writeLimit = rateLimit({ bucket: "groups-write", limit: 100, windowSeconds: 3600 });

/**
 * Besides the per-address limit: one e-mail address may not be used to join or write more than
 * a few times an hour from anywhere, so nobody can flood a person or an organizer from many IPs.
 */
export async function limitPerEmail(c: Context<AppEnv>, bucket: string, email: string | undefined) {
  const key = (email ?? "").trim().toLowerCase();
  if (!key) return;
  const { ctx } = c.var.deps;
  const result = await hitRateLimit(ctx.db, { bucket, limit: 10, windowSeconds: 3600 }, key, ctx.now());
  if (!result.allowed) throw new HttpProblem("rate_limited", "Too many requests for this address.", result.retryAfterSeconds);
}

async function directoryPage(c: Context<AppEnv>, search: FormState, status: 200 | 400) {
  const ctx = c.var.deps.ctx;
  const [listing, coverage] = await Promise.all([listGroupDirectory({ ctx }), getCoverage({ ctx })]);
  const view = viewFor(c);
  return renderPage(c, <DirectoryPage view={view} listing={listing} coverage={coverage} mapSvg={await coverageMapSvg(ctx, view)} search={search} />, status);
}

async function groupPage(c: Context<AppEnv>, forms: { join?: FormState; contact?: FormState; report?: FormState }, status: 200 | 400 = 200) {
  const group = await getGroup({ ctx: c.var.deps.ctx, input: { state: c.req.param("state") ?? "", slug: c.req.param("slug") ?? "" } });
  const events = await listGroupUpcomingEvents({ ctx: c.var.deps.ctx, input: { groupId: group.id } });
  return renderPage(
    c,
    <GroupPage
      view={viewFor(c)}
      group={group}
      joinForm={forms.join ?? emptyForm()}
      contactForm={forms.contact ?? emptyForm()}
      reportForm={forms.report ?? emptyForm()}
      events={events}
    />,
    status,
  );
}

async function statePage(c: Context<AppEnv>, waitForm: FormState, status: 200 | 400 = 200) {
  const ctx = c.var.deps.ctx;
  const { state, groups } = await getStateGroups({ ctx, input: { state: c.req.param("state") ?? "" } });
  const view = viewFor(c);
  return renderPage(c, <StatePage view={view} state={state} groups={groups} mapSvg={stateMapSvg(view, state, groups)} waitForm={waitForm} />, status);
}

/** The group directory, state pages, group pages, joining, contacting organizers and founding groups. */
export const groupsRoutes = new Hono<AppEnv>()
  .get("/groups", async (c) => {
    const near = c.req.query("near");
    const miles = c.req.query("miles");
    const search = emptyForm({ near: near ?? "", miles: miles ?? "" });
    if (near === undefined) {
      // The directory is the same for everyone until a group changes: rendered and compressed
      // once per language, invalidated with the groups cache in every process.
      const view = viewFor(c);
      const key = `${cacheTags.groups}:${cacheTags.publicData}:page:${view.locale}:${view.href("/groups")}`;
      return cachedPage(c, key, () => directoryPage(c, search, 200));
    }
    try {
      const result = await findGroupsNear({ ctx: c.var.deps.ctx, input: { zip: near, miles } });
      return renderPage(c, <NearPage view={viewFor(c)} near={result} search={search} />);
    } catch (error) {
      // A bad ZIP is answered on the same page, with the box to fix it: not an empty list.
      if (error instanceof DomainError && error.code === "invalid") return directoryPage(c, { ...search, errors: error.fieldErrors }, 400);
      throw error;
    }
  })
  .get(`/groups/${STATE}`, (c) => statePage(c, emptyForm()))
  .get("/groups/:state{[A-Z]{2}}", (c) => c.redirect(`/groups/${c.req.param("state").toLowerCase()}`, 301))
  .post(`/groups/${STATE}/wait`, writeLimit, async (c) => {
    const { fields, isBot } = await readForm(c);
    const state = c.req.param("state");
    if (isBot) return c.redirect(viewFor(c).href(`/groups/${state}/waiting`), 303);
    const outcome = await submitForm(fields, () =>
      waitForGroup({ ctx: c.var.deps.ctx, input: { state, name: fields.name ?? "", email: fields.email ?? "", zip: fields.zip ?? "", locale: c.var.locale } }),
    );
    if (!outcome.ok) return statePage(c, outcome.form, 400);
    await creditAction(c, { kind: "signup", subject: `wait:${state.toUpperCase()}`, personId: outcome.result.personId });
    return c.redirect(viewFor(c).href(`/groups/${state}/waiting`), 303);
  })
  .get(`/groups/${STATE}/waiting`, async (c) => {
    const { state } = await getStateGroups({ ctx: c.var.deps.ctx, input: { state: c.req.param("state") } });
    const t = c.var.t.groups;
    const share = { link: await yourLink(c, `/groups/${state.code.toLowerCase()}`), text: c.var.t.share.texts.state(state.name) };
    return renderPage(c, <MessagePage view={viewFor(c)} title={t.waitingTitle} heading={t.waitingTitle} body={t.waitingBody(state.name)} share={share} />);
  })
  .get(`/groups/${GROUP}`, (c) => groupPage(c, {}))
  .post(`/groups/${GROUP}/join`, writeLimit, async (c) => {
    const { fields, isBot } = await readForm(c);
    const { state, slug } = c.req.param();
    const done = viewFor(c).href(`/groups/${state}/${slug}/joined`);
    if (isBot) return c.redirect(done, 303);
    await limitPerEmail(c, "join-email", fields.email);
    const outcome = await submitForm(fields, () =>
      joinGroup({
        ctx: c.var.deps.ctx,
        input: {
          state,
          slug,
          name: fields.name ?? "",
          email: fields.email ?? "",
          zip: fields.zip ?? "",
          phone: fields.phone,
          nationalUpdates: fields.nationalUpdates === "yes",
          locale: c.var.locale,
        },
      }),
    );
    if (!outcome.ok) return groupPage(c, { join: outcome.form }, 400);
    await creditAction(c, { kind: "join", subject: `group:${outcome.result.groupId}`, personId: outcome.result.personId });
    return c.redirect(done, 303);
  })
  .get(`/groups/${GROUP}/joined`, async (c) => {
    const group = await getGroup({ ctx: c.var.deps.ctx, input: c.req.param() });
    const t = c.var.t.groups;
    const view = viewFor(c);
    const share = { link: await yourLink(c, group.path), text: c.var.t.share.texts.joined(group.name) };
    return renderPage(
      c,
      <MessagePage
        view={view}
        title={t.joinedTitle}
        heading={t.joinedHeading}
        body={t.joinedBody(group.name)}
        back={{ href: view.href(group.path), label: t.backToGroup }}
        share={share}
      />,
    );
  })
  .post(`/groups/${GROUP}/contact`, writeLimit, async (c) => {
    const { fields, isBot } = await readForm(c);
    const { state, slug } = c.req.param();
    const done = viewFor(c).href(`/groups/${state}/${slug}/contacted`);
    if (isBot) return c.redirect(done, 303);
    await limitPerEmail(c, "contact-email", fields.email);
    const outcome = await submitForm(fields, () =>
      contactOrganizers({
        ctx: c.var.deps.ctx,
        input: { state, slug, name: fields.name ?? "", email: fields.email ?? "", message: fields.message ?? "" },
      }),
    );
    if (!outcome.ok) return groupPage(c, { contact: outcome.form }, 400);
    return c.redirect(done, 303);
  })
  .get(`/groups/${GROUP}/contacted`, async (c) => {
    const group = await getGroup({ ctx: c.var.deps.ctx, input: c.req.param() });
    const t = c.var.t.groups;
    const view = viewFor(c);
    return renderPage(
      c,
      <MessagePage view={view} title={t.contactSentTitle} heading={t.contactSentTitle} body={t.contactSentBody(group.name)} back={{ href: view.href(group.path), label: t.backToGroup }} />,
    );
  })
  .post(`/groups/${GROUP}/report`, writeLimit, async (c) => {
    const { fields, isBot } = await readForm(c);
    const { state, slug } = c.req.param();
    const done = viewFor(c).href(`/groups/${state}/${slug}/reported`);
    if (isBot) return c.redirect(done, 303);
    const outcome = await submitForm(fields, () =>
      reportGroupChange({
        ctx: c.var.deps.ctx,
        input: { state, slug, kind: fields.reportKind ?? "", message: fields.reportMessage ?? "", email: fields.reportEmail },
      }),
    );
    if (!outcome.ok) {
      // The domain names fields kind/message/email; on this page they carry a "report" prefix.
      const { kind, message, email } = outcome.form.errors;
      return groupPage(c, { report: { values: outcome.form.values, errors: { reportKind: kind, reportMessage: message, reportEmail: email } } }, 400);
    }
    return c.redirect(done, 303);
  })
  .get(`/groups/${GROUP}/reported`, async (c) => {
    const group = await getGroup({ ctx: c.var.deps.ctx, input: c.req.param() });
    const t = c.var.t.groups;
    const view = viewFor(c);
    return renderPage(
      c,
      <MessagePage view={view} title={t.reportSentTitle} heading={t.reportSentTitle} body={t.reportSentBody(group.name)} back={{ href: view.href(group.path), label: t.backToGroup }} />,
    );
  })
  .get("/start-a-group", (c) => renderPage(c, <FoundGroupPage view={viewFor(c)} form={emptyForm()} />))
  .post("/start-a-group", writeLimit, async (c) => {
    const { fields, isBot } = await readForm(c);
    const done = viewFor(c).href("/start-a-group/sent");
    if (isBot) return c.redirect(done, 303);
    const outcome = await submitForm(fields, () =>
      applyToFoundGroup({
        ctx: c.var.deps.ctx,
        input: {
          name: fields.name ?? "",
          email: fields.email ?? "",
          zip: fields.zip ?? "",
          groupName: fields.groupName ?? "",
          city: fields.city ?? "",
          why: fields.why ?? "",
          whoTheyKnow: fields.whoTheyKnow,
          experience: fields.experience,
          locale: c.var.locale,
        },
      }),
    );
    if (!outcome.ok) return renderPage(c, <FoundGroupPage view={viewFor(c)} form={outcome.form} />, 400);
    await creditAction(c, { kind: "found", subject: `group:${outcome.result.groupId}` });
    return c.redirect(done, 303);
  })
  .get("/start-a-group/answer/:token", async (c) => {
    const token = c.req.param("token");
    const question = await getApplicationQuestion({ ctx: c.var.deps.ctx, input: { token } });
    c.header("Cache-Control", "no-store");
    c.header("Referrer-Policy", "no-referrer");
    return renderPage(c, <AnswerQuestionPage view={viewFor(c)} token={token} question={question} form={emptyForm()} />);
  })
  .post("/start-a-group/answer/:token", writeLimit, async (c) => {
    const token = c.req.param("token");
    const { fields } = await readForm(c);
    const ctx = c.var.deps.ctx;
    const outcome = await submitForm(fields, () => answerApplicationQuestion({ ctx, input: { token, answer: fields.answer ?? "" } }));
    if (!outcome.ok) {
      const question = await getApplicationQuestion({ ctx, input: { token } });
      return renderPage(c, <AnswerQuestionPage view={viewFor(c)} token={token} question={question} form={outcome.form} />, 400);
    }
    const t = c.var.t.found;
    return renderPage(c, <MessagePage view={viewFor(c)} title={t.answeredTitle} heading={t.answeredTitle} body={t.answeredBody(outcome.result.groupName)} />);
  })
  .get("/start-a-group/sent", async (c) => {
    const t = c.var.t.found;
    const share = { link: await yourLink(c, "/"), text: c.var.t.share.texts.founding };
    return renderPage(c, <MessagePage view={viewFor(c)} title={t.sentTitle} heading={t.sentHeading} body={t.sentBody} share={share} />);
  });
