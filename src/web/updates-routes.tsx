import { Hono } from "hono";
import { confirmEmail } from "../domain/updates/confirm-email.js";
import { getPreferences, personForManageToken, unsubscribe, updatePreferences } from "../domain/updates/manage-subscriptions.js";
import { isListKey, listLabels } from "../domain/updates/lists.js";
import { signUpForUpdates } from "../domain/updates/sign-up-for-updates.js";
import { rateLimit } from "../http/rate-limit.js";
import type { AppEnv } from "../http/types.js";
import { emptyForm } from "./components/form.js";
import { renderErrorPage } from "./errors.js";
import { readForm, submitForm } from "./forms.js";
import {
  CheckEmailPage,
  ConfirmResultPage,
  PreferencesPage,
  UnsubscribePage,
  UpdatesSignUpPage,
} from "./pages/updates-pages.js";
import { renderPage } from "./render.js";
import { creditAction, personalLinkFor, trafficSource, yourLink } from "./referrals.js";
import { viewFor } from "./view.js";

/** Sign-up for activism updates, confirmation, one-click unsubscribe and preferences. */
export const updatesRoutes = new Hono<AppEnv>()
  .get("/updates", (c) => renderPage(c, <UpdatesSignUpPage view={viewFor(c)} form={emptyForm({ scope: "national" })} />))
  .post("/updates", rateLimit({ bucket: "updates-signup", limit: 100, windowSeconds: 3600 }), async (c) => {
    const { fields, isBot } = await readForm(c);
    // A filled honeypot gets the same answer as a person, so the bot learns nothing.
    if (isBot) return c.redirect(view(c, "/updates/check-email"), 303);
    const source = await trafficSource(c);
    const outcome = await submitForm(fields, () =>
      signUpForUpdates({
        ctx: c.var.deps.ctx,
        input: {
          name: fields.name ?? "",
          email: fields.email ?? "",
          zip: fields.zip ?? "",
          scope: fields.scope ?? "",
          locale: c.var.locale,
          sourcePage: "/updates",
          sourceCampaign: source.utmCampaign,
          referralCode: source.referralCode,
        },
      }),
    );
    if (!outcome.ok) return renderPage(c, <UpdatesSignUpPage view={viewFor(c)} form={outcome.form} />, 400);
    await creditAction(c, { kind: "signup", subject: `list:${fields.scope === "state" ? "state" : "national"}`, personId: outcome.result.personId });
    return c.redirect(view(c, "/updates/check-email"), 303);
  })
  .get("/updates/check-email", async (c) => renderPage(c, <CheckEmailPage view={viewFor(c)} link={await yourLink(c, "/")} />))
  .get("/updates/confirm/:token", async (c) => {
    const result = await confirmEmail({ ctx: c.var.deps.ctx, input: { token: c.req.param("token") } });
    const status = result.outcome === "expired" ? 410 : result.outcome === "invalid" ? 404 : 200;
    c.header("Cache-Control", "no-store");
    c.header("Referrer-Policy", "no-referrer");
    return renderPage(
      c,
      <ConfirmResultPage
        view={viewFor(c)}
        outcome={result.outcome}
        preferencesHref={result.outcome === "confirmed" ? view(c, `/preferences/${result.manageToken}`) : undefined}
        joinedGroups={result.outcome === "confirmed" ? result.joinedGroups : []}
        link={result.outcome === "confirmed" ? await personalLinkFor(c, result.personId, "/") : undefined}
      />,
      status,
    );
  })
  .get("/unsubscribe/:token", async (c) => {
    const token = c.req.param("token");
    const { ctx, config } = c.var.deps;
    const person = await personForManageToken(ctx, { secretKey: config.secretKey }, token);
    if (!person) return renderErrorPage(c, 404, { message: c.var.t.updates.invalidLinkBody });
    const list = listParam(c.req.query("list"));
    const label = list ? (await listLabels(ctx, c.var.t, [list], person.state)).get(list) : undefined;
    c.header("Cache-Control", "no-store");
    c.header("Referrer-Policy", "no-referrer");
    return renderPage(
      c,
      <UnsubscribePage
        view={viewFor(c)}
        action={c.req.path + (list ? `?list=${encodeURIComponent(list)}` : "")}
        list={list}
        listLabel={label}
        done={false}
        preferencesHref={view(c, `/preferences/${token}`)}
      />,
    );
  })
  // RFC 8058 one-click: mail apps POST "List-Unsubscribe=One-Click" here with no cookies or
  // token, so this path is exempt from the CSRF check; the signed token in the URL is the proof.
  .post("/unsubscribe/:token", async (c) => {
    const token = c.req.param("token");
    const { ctx, config } = c.var.deps;
    const { fields } = await readForm(c).catch(() => ({ fields: {} as Record<string, string> }));
    const list = listParam(c.req.query("list") ?? fields.list);
    const result = await unsubscribe({ ctx, input: { token, list, settings: { secretKey: config.secretKey } } });
    if (result.outcome === "invalid") return renderErrorPage(c, 404, { message: c.var.t.updates.invalidLinkBody });
    const label = list ? (await listLabels(ctx, c.var.t, [list], result.person.state)).get(list) : undefined;
    return renderPage(
      c,
      <UnsubscribePage view={viewFor(c)} action={c.req.path} list={list} listLabel={label} done preferencesHref={view(c, `/preferences/${token}`)} />,
    );
  })
  .get("/preferences/:token", async (c) => {
    const { ctx, config } = c.var.deps;
    const prefs = await getPreferences({ ctx, input: { token: c.req.param("token"), settings: { secretKey: config.secretKey }, t: c.var.t } });
    if (!prefs) return renderErrorPage(c, 404, { message: c.var.t.updates.invalidLinkBody });
    c.header("Cache-Control", "no-store");
    c.header("Referrer-Policy", "no-referrer");
    return renderPage(c, <PreferencesPage view={viewFor(c)} name={prefs.person.name} choices={prefs.choices} action={c.req.path} saved={false} />);
  })
  .post("/preferences/:token", async (c) => {
    const { ctx, config } = c.var.deps;
    const form = await readForm(c);
    const token = c.req.param("token");
    const result = await updatePreferences({
      ctx,
      input: { token, settings: { secretKey: config.secretKey }, t: c.var.t, subscribeTo: form.all("lists") },
    });
    if (result.outcome === "invalid") return renderErrorPage(c, 404, { message: c.var.t.updates.invalidLinkBody });
    const person = await personForManageToken(ctx, { secretKey: config.secretKey }, token);
    return renderPage(c, <PreferencesPage view={viewFor(c)} name={person?.name ?? ""} choices={result.choices} action={c.req.path} saved />);
  });

function listParam(value: string | undefined) {
  return value && isListKey(value) ? value : undefined;
}

function view(c: Parameters<typeof viewFor>[0], path: string) {
  return viewFor(c).href(path);
}

