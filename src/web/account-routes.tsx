import { Hono, type Context } from "hono";
import { emailKey } from "../domain/people/find-or-create-person.js";
import { requestSignInLink } from "../domain/accounts/request-sign-in-link.js";
import { signOut, signOutEverywhere } from "../domain/accounts/sessions.js";
import { hasPassword, setPassword, signInWithLink, signInWithPassword } from "../domain/accounts/sign-in.js";
import { createSession } from "../domain/accounts/sessions.js";
import { DomainError } from "../domain/errors.js";
import { HttpProblem } from "../http/http-problem.js";
import { hitRateLimit } from "../http/rate-limit.js";
import { clearSessionCookie, loadActorMiddleware, requireSignedIn, safeNext, sessionToken, setSessionCookie } from "../http/session.js";
import type { AppEnv } from "../http/types.js";
import { emptyForm, type FormState } from "./components/form.js";
import { readForm, submitForm } from "./forms.js";
import { MessagePage } from "./pages/groups-pages.js";
import { AccountPage, ConfirmSignInPage, SignInPage } from "./pages/account-pages.js";
import { renderPage } from "./render.js";
import { viewFor } from "./view.js";

/** Where someone lands after signing in when they came from nowhere in particular. */
const home = (c: Context<AppEnv>) => (c.var.actor?.isAdmin ? "/admin" : "/organize");
const nextParam = (c: Context<AppEnv>) => safeNext(c.req.query("next"), "");

/** A limit that answers 429 with the usual page: per address, and per e-mail across addresses. */
async function limit(c: Context<AppEnv>, bucket: string, key: string, limit: number, windowSeconds: number) {
  const { ctx } = c.var.deps;
  const result = await hitRateLimit(ctx.db, { bucket, limit, windowSeconds }, key, ctx.now());
  if (!result.allowed) throw new HttpProblem("rate_limited", "Too many sign-in attempts.", result.retryAfterSeconds);
}

function signInPage(c: Context<AppEnv>, forms: { link?: FormState; password?: FormState }, status: 200 | 400 = 200) {
  return renderPage(
    c,
    <SignInPage view={viewFor(c)} linkForm={forms.link ?? emptyForm()} passwordForm={forms.password ?? emptyForm()} next={nextParam(c)} />,
    status,
  );
}

async function accountPage(c: Context<AppEnv>, form: FormState = emptyForm(), status: 200 | 400 = 200, notice?: string) {
  const actor = c.var.actor!;
  const withPassword = await hasPassword(c.var.deps.ctx, actor.personId);
  return renderPage(c, <AccountPage view={viewFor(c)} actor={actor} hasPassword={withPassword} passwordForm={form} notice={notice} />, status);
}

/** Sign-in by e-mailed link or password, sign-out, and the account page. */
export const accountRoutes = new Hono<AppEnv>()
  .use("/sign-in", loadActorMiddleware)
  .use("/sign-in/*", loadActorMiddleware)
  .use("/sign-out", loadActorMiddleware)
  .use("/account", loadActorMiddleware)
  .use("/account/*", loadActorMiddleware)
  .get("/sign-in", async (c) => (c.var.actor ? c.redirect(safeNext(c.req.query("next"), home(c)), 303) : signInPage(c, {})))
  .post("/sign-in", async (c) => {
    const { fields } = await readForm(c);
    await limit(c, "sign-in-link-ip", c.var.clientIp, 20, 3600);
    const email = (fields.email ?? "").trim();
    const outcome = await submitForm(fields, async () => {
      // Per address too, so nobody can flood one mailbox with links from many networks.
      await limit(c, "sign-in-link-email", emailKey(email), 5, 3600);
      await requestSignInLink({ ctx: c.var.deps.ctx, input: { email } });
    });
    if (!outcome.ok) return signInPage(c, { link: outcome.form }, 400);
    const t = c.var.t.accounts;
    return renderPage(c, <MessagePage view={viewFor(c)} title={t.checkEmailTitle} heading={t.checkEmailTitle} body={`${t.checkEmailBody(email)} ${t.checkEmailHint}`} />);
  })
  .post("/sign-in/password", async (c) => {
    const { fields } = await readForm(c);
    const email = (fields.account ?? "").trim();
    // Lockout: a handful of tries per address and per e-mail, then wait.
    await limit(c, "sign-in-password-ip", c.var.clientIp, 30, 900);
    await limit(c, "sign-in-password-email", emailKey(email), 8, 900);
    const outcome = await submitForm(fields, () =>
      signInWithPassword({ ctx: c.var.deps.ctx, input: { email, password: fields.password ?? "", userAgent: c.req.header("user-agent") } }),
    );
    if (!outcome.ok) return signInPage(c, { password: outcome.form }, 400);
    setSessionCookie(c, outcome.result.sessionToken);
    return c.redirect(safeNext(c.req.query("next"), "/account"), 303);
  })
  .get("/sign-in/:token{[A-Za-z0-9_-]{20,64}}", (c) =>
    renderPage(c, <ConfirmSignInPage view={viewFor(c)} token={c.req.param("token")} next={nextParam(c)} />),
  )
  .post("/sign-in/:token{[A-Za-z0-9_-]{20,64}}", async (c) => {
    await limit(c, "sign-in-token-ip", c.var.clientIp, 30, 900);
    try {
      const { sessionToken: token } = await signInWithLink({ ctx: c.var.deps.ctx, input: { token: c.req.param("token"), userAgent: c.req.header("user-agent") } });
      setSessionCookie(c, token);
      return c.redirect(safeNext(c.req.query("next"), "/account"), 303);
    } catch (error) {
      if (!(error instanceof DomainError && error.code === "invalid")) throw error;
      const t = c.var.t.accounts;
      return renderPage(
        c,
        <MessagePage view={viewFor(c)} title={t.linkExpiredTitle} heading={t.linkExpiredTitle} body={t.linkExpiredBody} back={{ href: viewFor(c).href("/sign-in"), label: t.askAgain }} />,
        400,
      );
    }
  })
  .post("/sign-out", async (c) => {
    await signOut({ ctx: c.var.deps.ctx, input: { token: sessionToken(c) } });
    clearSessionCookie(c);
    const t = c.var.t.accounts;
    return renderPage(c, <MessagePage view={viewFor(c)} title={t.signedOutTitle} heading={t.signedOutTitle} body={t.signedOutBody} />);
  })
  .get("/account", requireSignedIn, (c) => accountPage(c))
  .post("/account/password", requireSignedIn, async (c) => {
    const { fields } = await readForm(c);
    const { ctx } = c.var.deps;
    const actor = c.var.actor!;
    const outcome = await submitForm(fields, () => setPassword({ ctx, input: { personId: actor.personId, password: fields.password ?? "" } }));
    if (!outcome.ok) return accountPage(c, outcome.form, 400);
    // A new password ends every other session: whoever knew the old one is out.
    await signOutEverywhere({ ctx, input: { personId: actor.personId } });
    setSessionCookie(c, await createSession(ctx, actor.personId, c.req.header("user-agent")));
    return accountPage(c, emptyForm(), 200, c.var.t.accounts.passwordSaved);
  })
  .post("/account/sign-out-everywhere", requireSignedIn, async (c) => {
    await signOutEverywhere({ ctx: c.var.deps.ctx, input: { personId: c.var.actor!.personId } });
    clearSessionCookie(c);
    const t = c.var.t.accounts;
    return renderPage(c, <MessagePage view={viewFor(c)} title={t.signedOutTitle} heading={t.signedOutTitle} body={t.signedOutBody} />);
  });
