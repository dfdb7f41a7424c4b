import { YourLink } from "../components/share-bar.js";
import type { ListChoice } from "../../domain/updates/manage-subscriptions.js";
import { Layout } from "../components/layout.js";
import { CsrfField, ErrorSummary, Honeypot, Notice, PersonFields, RadioGroup, type FormState } from "../components/form.js";
import type { View } from "../view.js";

export function UpdatesSignUpPage({ view, form }: { view: View; form: FormState }) {
  const t = view.t.updates;
  const labels = { name: t.name, email: t.email, zip: t.zip, scope: t.scopeLegend };
  return (
    <Layout view={view} title={t.title} description={t.lead}>
      <h1>{t.heading}</h1>
      <p class="lead">{t.lead}</p>
      <ErrorSummary view={view} form={form} labels={labels} />
      <form method="post" action={view.href("/updates")} novalidate class="stack">
        <CsrfField view={view} />
        <Honeypot view={view} />
        <p class="list-notice">{t.listNotice}</p>
        <PersonFields view={view} form={form} zipHint={t.zipHint} />
        <RadioGroup
          view={view}
          form={form}
          name="scope"
          legend={t.scopeLegend}
          options={[
            { value: "national", label: t.scopeNational },
            { value: "state", label: t.scopeState },
          ]}
        />
        <button type="submit" class="button">
          {t.submit}
        </button>
        <p class="fine-print">{t.privacy}</p>
      </form>
    </Layout>
  );
}

export function CheckEmailPage({ view, link }: { view: View; link?: { url: string; count: number } | undefined }) {
  const t = view.t.updates;
  return (
    <Layout view={view} title={t.checkTitle} scripts={link ? ["share.js"] : undefined}>
      <h1>{t.checkHeading}</h1>
      <p>{t.checkBody}</p>
      <p class="fine-print">{t.checkAgain}</p>
      {link ? <YourLink view={view} link={link} text={view.t.share.texts.signedUp} /> : null}
    </Layout>
  );
}

export type ConfirmPageOutcome = "confirmed" | "already-confirmed" | "expired" | "invalid";

export function ConfirmResultPage({
  view,
  outcome,
  preferencesHref,
  joinedGroups = [],
  link,
}: {
  view: View;
  outcome: ConfirmPageOutcome;
  preferencesHref?: string;
  joinedGroups?: { name: string; path: string }[];
  /** The person's own share link, once confirmed. */
  link?: { url: string; count: number } | undefined;
}) {
  const t = view.t.updates;
  if (outcome === "confirmed" || outcome === "already-confirmed") {
    return (
      <Layout view={view} title={t.confirmedTitle} scripts={link ? ["share.js"] : undefined}>
        <h1>{t.confirmedHeading}</h1>
        <p>{outcome === "confirmed" ? t.confirmedBody : t.alreadyConfirmedBody}</p>
        {joinedGroups.length > 0 ? (
          <p>
            {view.t.groups.joinedGroups(joinedGroups.map((g) => g.name).join(", "))}{" "}
            {joinedGroups.map((g) => (
              <a href={view.href(g.path)}>{g.name}</a>
            ))}
          </p>
        ) : null}
        {preferencesHref ? (
          <p>
            <a href={preferencesHref}>{t.preferencesLink}</a>
          </p>
        ) : null}
        {link ? <YourLink view={view} link={link} text={view.t.share.texts.signedUp} /> : null}
      </Layout>
    );
  }
  const expired = outcome === "expired";
  return (
    <Layout view={view} title={expired ? t.expiredTitle : t.invalidLinkTitle}>
      <h1>{expired ? t.expiredHeading : t.invalidLinkHeading}</h1>
      <p>{expired ? t.expiredBody : t.invalidLinkBody}</p>
      <p>
        <a class="button" href={view.href("/updates")}>
          {t.signUpAgain}
        </a>
      </p>
    </Layout>
  );
}

export function UnsubscribePage({
  view,
  action,
  listLabel,
  list,
  done,
  preferencesHref,
}: {
  view: View;
  action: string;
  listLabel: string | undefined;
  list: string | undefined;
  done: boolean;
  preferencesHref: string;
}) {
  const t = view.t.unsubscribe;
  if (done) {
    return (
      <Layout view={view} title={t.doneTitle}>
        <h1>{t.doneHeading}</h1>
        <p>{listLabel ? t.doneBody(listLabel) : t.doneAllBody}</p>
        <p>
          {t.changeMind} <a href={preferencesHref}>{view.t.updates.preferencesLink}</a>
        </p>
      </Layout>
    );
  }
  return (
    <Layout view={view} title={t.title}>
      <h1>{t.heading}</h1>
      <form method="post" action={action} class="stack">
        <CsrfField view={view} />
        {list ? <input type="hidden" name="list" value={list} /> : null}
        <p>{listLabel ? t.question(listLabel) : t.questionAll}</p>
        <button type="submit" class="button">
          {t.button}
        </button>
      </form>
      <p>
        <a href={preferencesHref}>{view.t.updates.preferencesLink}</a>
      </p>
    </Layout>
  );
}

export function PreferencesPage({
  view,
  name,
  choices,
  action,
  saved,
}: {
  view: View;
  name: string;
  choices: ListChoice[];
  action: string;
  saved: boolean;
}) {
  const t = view.t.preferences;
  return (
    <Layout view={view} title={t.title}>
      <h1>{t.heading}</h1>
      {saved ? (
        <Notice kind="success">
          <p>{choices.some((c) => c.subscribed) ? t.saved : t.noneChosen}</p>
        </Notice>
      ) : null}
      <p>{t.greeting(name)}</p>
      <form method="post" action={action} class="stack">
        <CsrfField view={view} />
        <fieldset class="field">
          <legend>{t.legend}</legend>
          {choices.map((choice, n) => (
            <div class="choice">
              <input type="checkbox" id={`list-${n}`} name="lists" value={choice.list} checked={choice.subscribed} />
              <label for={`list-${n}`}>{choice.label}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit" class="button">
          {t.save}
        </button>
      </form>
    </Layout>
  );
}
