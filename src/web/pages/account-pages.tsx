import type { Actor } from "../../domain/accounts/actor.js";
import { CsrfField, ErrorSummary, Notice, TextField, type FormState } from "../components/form.js";
import { Layout } from "../components/layout.js";
import type { View } from "../view.js";

export function SignInPage({ view, linkForm, passwordForm, next, notice }: { view: View; linkForm: FormState; passwordForm: FormState; next: string; notice?: string | undefined }) {
  const t = view.t.accounts;
  const action = (path: string) => view.href(`${path}?next=${encodeURIComponent(next)}`);
  return (
    <Layout view={view} title={t.signInTitle}>
      <h1>{t.signInTitle}</h1>
      <p class="lead">{t.signInLead}</p>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorSummary view={view} form={linkForm} labels={{ email: t.emailLabel }} />
      <form method="post" action={action("/sign-in")} novalidate class="stack" id="sign-in-link">
        <CsrfField view={view} />
        <TextField view={view} form={linkForm} name="email" label={t.emailLabel} type="email" autocomplete="email" inputmode="email" maxlength={254} />
        <button type="submit" class="button">
          {t.sendLink}
        </button>
      </form>
      <h2>{t.passwordHeading}</h2>
      <ErrorSummary view={view} form={passwordForm} labels={{ account: t.emailLabel, password: t.passwordLabel }} />
      <form method="post" action={action("/sign-in/password")} novalidate class="stack" id="sign-in-password">
        <CsrfField view={view} />
        {/* Not "email": both forms are on one page and field ids come from names. */}
        <TextField view={view} form={passwordForm} name="account" label={t.emailLabel} type="email" autocomplete="username" inputmode="email" maxlength={254} />
        <TextField view={view} form={{ ...passwordForm, values: {} }} name="password" label={t.passwordLabel} type="password" autocomplete="current-password" maxlength={200} />
        <button type="submit" class="button-secondary">
          {t.passwordButton}
        </button>
      </form>
    </Layout>
  );
}

/** The page a sign-in link opens. It asks for a click: mail scanners that fetch links must not use them up. */
export function ConfirmSignInPage({ view, token, next }: { view: View; token: string; next: string }) {
  const t = view.t.accounts;
  return (
    <Layout view={view} title={t.confirmTitle}>
      <h1>{t.confirmTitle}</h1>
      <p>{t.confirmBody}</p>
      <form method="post" action={view.href(`/sign-in/${token}?next=${encodeURIComponent(next)}`)}>
        <CsrfField view={view} />
        <button type="submit" class="button">
          {t.confirmButton}
        </button>
      </form>
    </Layout>
  );
}

export function AccountPage({ view, actor, hasPassword, passwordForm, notice }: { view: View; actor: Actor; hasPassword: boolean; passwordForm: FormState; notice?: string | undefined }) {
  const t = view.t.accounts;
  return (
    <Layout view={view} title={t.accountTitle}>
      <h1>{t.accountTitle}</h1>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <p>{t.signedInAs(actor.name, actor.email)}</p>
      <ul>
        {actor.isAdmin ? (
          <li>
            {t.adminRole} <a href={view.href("/admin")}>{t.goAdmin}</a>
          </li>
        ) : null}
        {actor.organizerOf.size > 0 ? (
          <li>
            {t.organizerRole(actor.organizerOf.size)} <a href={view.href("/organize")}>{t.goOrganize}</a>
          </li>
        ) : null}
      </ul>
      <section class="card" aria-labelledby="password-heading">
        <h2 id="password-heading">{t.setPasswordHeading}</h2>
        <p>{hasPassword ? t.hasPassword : t.noPassword}</p>
        <p class="hint">{t.setPasswordHint}</p>
        <ErrorSummary view={view} form={passwordForm} labels={{ password: t.newPasswordLabel }} />
        <form method="post" action={view.href("/account/password")} novalidate class="stack">
          <CsrfField view={view} />
          <input type="hidden" name="username" autocomplete="username" value={actor.email} />
          <TextField view={view} form={{ ...passwordForm, values: {} }} name="password" label={t.newPasswordLabel} type="password" autocomplete="new-password" maxlength={200} />
          <button type="submit" class="button-secondary">
            {t.setPasswordButton}
          </button>
        </form>
      </section>
      <section class="card" aria-labelledby="everywhere-heading">
        <h2 id="everywhere-heading">{t.everywhereHeading}</h2>
        <p>{t.everywhereBody}</p>
        <form method="post" action={view.href("/account/sign-out-everywhere")}>
          <CsrfField view={view} />
          <button type="submit" class="button-secondary">
            {t.everywhereButton}
          </button>
        </form>
      </section>
      <SignOutForm view={view} />
    </Layout>
  );
}

export function SignOutForm({ view }: { view: View }) {
  return (
    <form method="post" action={view.href("/sign-out")} class="sign-out">
      <CsrfField view={view} />
      <button type="submit" class="button-secondary">
        {view.t.accounts.signOut}
      </button>
    </form>
  );
}
