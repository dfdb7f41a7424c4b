import type { ApplicationQuestion } from "../../domain/groups/answer-application-question.js";
import type { EventSummary } from "../../domain/events/list-events.js";
import { EventCard } from "./events-pages.js";
import { ShareBar, YourLink } from "../components/share-bar.js";
import { raw } from "hono/html";
import type { Coverage } from "../../domain/groups/get-coverage.js";
import type { PublicGroup, StateEntry } from "../../domain/groups/group-directory.js";
import type { GroupsNear } from "../../domain/groups/find-groups-near.js";
import type { DirectoryListing } from "../../domain/groups/list-group-directory.js";
import { renderMarkdown } from "../../lib/markdown.js";
import { CoverageSection } from "../components/coverage.js";
import { Checkbox, CsrfField, ErrorSummary, Honeypot, PersonFields, RadioGroup, TextArea, TextField, type FormState } from "../components/form.js";
import { GroupCard } from "../components/group-card.js";
import { EmbedSnippet } from "../components/embed-snippet.js";
import { Layout } from "../components/layout.js";
import { groupCard, groupPlace, homeCard, stateCard } from "../previews/cards.js";
import { groupJsonLd } from "../previews/structured-data.js";
import { formatDate } from "../format.js";
import type { View } from "../view.js";

/** The ZIP search box: a GET form, so results have a shareable URL and work without JavaScript. */
export function ZipSearch({ view, form, withMiles = false }: { view: View; form: FormState; withMiles?: boolean }) {
  const t = view.t.groups;
  return (
    <form method="get" action="/groups" class="zip-search" role="search">
      {view.locale !== "en" ? <input type="hidden" name="lang" value={view.locale} /> : null}
      <TextField view={view} form={form} name="near" label={t.searchLabel} hint={t.searchHint} autocomplete="postal-code" inputmode="numeric" maxlength={10} class="input-short" />
      {withMiles ? <TextField view={view} form={form} name="miles" label={t.milesLabel} inputmode="numeric" maxlength={4} class="input-short" /> : null}
      <button type="submit" class="button">
        {t.searchButton}
      </button>
    </form>
  );
}

export function DirectoryPage({ view, listing, coverage, mapSvg, search }: { view: View; listing: DirectoryListing; coverage: Coverage; mapSvg?: string; search: FormState }) {
  const t = view.t.groups;
  return (
    <Layout view={view} scripts={["share.js"]} title={t.directoryTitle} description={t.directoryLead} preview={{ card: homeCard(view, coverage) }}>
      <h1>{t.directoryHeading}</h1>
      <p class="lead">{t.directoryLead}</p>
      <ErrorSummary view={view} form={search} labels={{ near: t.searchLabel, miles: t.milesLabel }} />
      <ZipSearch view={view} form={search} withMiles />
      <nav aria-labelledby="jump-heading" class="state-index">
        <h2 id="jump-heading">{t.jumpToState}</h2>
        <ul class="inline-list">
          {listing.states.map((state) => (
            <li>
              <a href={`#state-${state.code.toLowerCase()}`}>{state.code}</a>
            </li>
          ))}
        </ul>
      </nav>
      {listing.states.map((state) => (
        <section id={`state-${state.code.toLowerCase()}`} class="state-section" aria-labelledby={`heading-${state.code}`}>
          <h2 id={`heading-${state.code}`}>
            <a href={view.href(`/groups/${state.code.toLowerCase()}`)}>{state.name}</a>{" "}
            <span class="count">({t.groupCount(state.groups.length)})</span>
          </h2>
          {state.groups.length > 0 ? (
            <ul class="card-list">
              {state.groups.map((group) => (
                <GroupCard view={view} group={group} />
              ))}
            </ul>
          ) : (
            <p class="empty-state">
              {t.noGroupYet(state.name)} <a href={view.href(`/start-a-group?state=${state.code}`)}>{t.startOne(state.name)}</a>
              {" · "}
              <a href={view.href(`/groups/${state.code.toLowerCase()}#wait`)}>{t.tellMeWhenOne}</a>
            </p>
          )}
        </section>
      ))}
      <section aria-labelledby="national-heading">
        <h2 id="national-heading">{t.nationalHeading}</h2>
        <p>{t.nationalLead}</p>
        <ul class="card-list">
          {listing.national.map((group) => (
            <GroupCard view={view} group={group} />
          ))}
        </ul>
      </section>
      <CoverageSection view={view} coverage={coverage} mapSvg={mapSvg} />
      <ShareBar view={view} url={view.absoluteUrl("/groups")} text={view.t.share.texts.directory} />
    </Layout>
  );
}

export function NearPage({ view, near, search }: { view: View; near: GroupsNear; search: FormState }) {
  const t = view.t.groups;
  const stateName = near.stateNames[0] ?? "";
  return (
    <Layout view={view} title={t.nearTitle(near.zip)}>
      <h1>{t.nearHeading(near.zip, near.city)}</h1>
      <ZipSearch view={view} form={search} withMiles />
      {near.groups.length === 0 ? (
        <p class="empty-state">
          {near.miles ? t.nearNoneWithin(near.miles) : t.nearNone}{" "}
          <a href={view.href(`/start-a-group`)}>{t.startHere(stateName)}</a>
        </p>
      ) : (
        <ul class="card-list">
          {near.groups.map(({ group, distanceMiles }) => (
            <GroupCard view={view} group={group} headingLevel={2} distance={distanceMiles === null ? t.statewide(group.stateName) : t.milesAway(distanceMiles)} />
          ))}
        </ul>
      )}
      <p>
        {near.states.map((state, n) => (
          <a class="button-secondary" href={view.href(`/groups/${state.toLowerCase()}`)}>
            {t.seeAllInState(near.stateNames[n] ?? state)}
          </a>
        ))}
      </p>
    </Layout>
  );
}

export function StatePage({ view, state, groups, mapSvg, waitForm }: { view: View; state: StateEntry; groups: PublicGroup[]; mapSvg?: string; waitForm: FormState }) {
  const t = view.t.groups;
  return (
    <Layout view={view} scripts={["share.js"]} title={t.stateTitle(state.name)} description={view.t.previews.statePageDescription(state.name, groups.length)} preview={{ card: stateCard(view, state, groups.length) }}>
      <h1>{t.stateHeading(state.name)}</h1>
      {mapSvg ? <div class="state-map">{raw(mapSvg)}</div> : null}
      {groups.length > 0 ? (
        <ul class="card-list">
          {groups.map((group) => (
            <GroupCard view={view} group={group} headingLevel={2} />
          ))}
        </ul>
      ) : (
        <p class="empty-state">{t.stateEmpty(state.name)}</p>
      )}
      <p>
        <a class="button" href={view.href(`/start-a-group?state=${state.code}`)}>
          {t.startHere(state.name)}
        </a>
      </p>
      {groups.length === 0 ? (
        <section id="wait" aria-labelledby="wait-heading" class="card">
          <h2 id="wait-heading">{t.waitHeading}</h2>
          <p>{t.waitLead}</p>
          <ErrorSummary view={view} form={waitForm} labels={{ name: view.t.updates.name, email: view.t.updates.email, zip: view.t.updates.zip }} />
          <form method="post" action={view.href(`/groups/${state.code.toLowerCase()}/wait`)} novalidate class="stack">
            <CsrfField view={view} />
            <Honeypot view={view} />
            <PersonFields view={view} form={waitForm} />
            <button type="submit" class="button">
              {t.waitSubmit}
            </button>
          </form>
        </section>
      ) : null}
      <ShareBar view={view} url={view.absoluteUrl(`/groups/${state.code.toLowerCase()}`)} text={view.t.share.texts.state(state.name)} />
      <EmbedSnippet view={view} path={`/embed/groups/${state.code.toLowerCase()}`} title={view.t.embed.groupsHeading(state.name)} />
    </Layout>
  );
}

export function GroupPage({
  view,
  group,
  joinForm,
  contactForm,
  reportForm,
  events = [],
}: {
  view: View;
  group: PublicGroup;
  joinForm: FormState;
  contactForm: FormState;
  reportForm: FormState;
  /** Its events that have not ended yet. */
  events?: EventSummary[];
}) {
  const stateName = group.stateName;
  const t = view.t.groups;
  const u = view.t.updates;
  const freshness = group.lastConfirmedAt
    ? t.lastConfirmed(formatDate(view.locale, group.lastConfirmedAt))
    : group.sourceAsOf && group.sourceAsOf !== "undated"
      ? t.fromSource(group.sourceAsOf)
      : t.fromUndatedSource;
  const social = Object.entries(group.socialLinks).filter(([, url]) => /^https:\/\//.test(url ?? ""));
  return (
    <Layout view={view} scripts={["share.js"]} title={group.name} description={view.t.previews.groupDescription(group.name, groupPlace(view, group))} preview={{ card: groupCard(view, group), jsonLd: groupJsonLd(view, group) }}>
      <p class="breadcrumb">
        <a href={view.href("/groups")}>{view.t.nav.groups}</a> › <a href={view.href(`/groups/${group.state.toLowerCase()}`)}>{stateName}</a>
      </p>
      <h1>{group.name}</h1>
      <p class="group-meta">{[group.city, stateName, t.kinds[group.kind]].filter(Boolean).join(" · ")}</p>
      {group.memberCount > 0 ? <p>{t.members(group.memberCount)}</p> : null}
      {group.description ? (
        <section aria-labelledby="about-heading">
          <h2 id="about-heading">{t.about}</h2>
          <div class="prose">{raw(renderMarkdown(group.description).html)}</div>
        </section>
      ) : null}
      {group.meetingDetails ? (
        <section aria-labelledby="meetings-heading">
          <h2 id="meetings-heading">{t.meetings}</h2>
          <p>{group.meetingDetails}</p>
        </section>
      ) : null}
      <GroupEvents view={view} group={group} events={events} />
      <ul class="link-list">
        {group.websiteUrl ? (
          <li>
            {t.website}: <a href={group.websiteUrl}>{group.websiteUrl.replace(/^https?:\/\/(www\.)?/, "").replace(/\/$/, "")}</a>
          </li>
        ) : null}
        {group.contactUrl ? (
          <li>
            <a href={group.contactUrl}>{t.contactPage}</a>
          </li>
        ) : null}
        {social.map(([network, url]) => (
          <li>
            <a href={url}>{network}</a>
          </li>
        ))}
      </ul>
      <p class="fine-print">
        {freshness}
        {group.sourceUrl ? (
          <>
            {" "}
            <a href={group.sourceUrl}>{t.sourceLink}</a>
          </>
        ) : null}
      </p>

      <section aria-labelledby="join-heading" class="card" id="join">
        <h2 id="join-heading">{t.joinHeading(group.name)}</h2>
        <p>{t.joinLead}</p>
        <ErrorSummary view={view} form={joinForm} labels={{ name: u.name, email: u.email, zip: u.zip, phone: t.phone }} />
        <form method="post" action={view.href(`${group.path}/join`)} novalidate class="stack">
          <CsrfField view={view} />
          <Honeypot view={view} />
          <PersonFields view={view} form={joinForm} />
          <TextField view={view} form={joinForm} name="phone" label={t.phone} hint={t.phoneHint} type="tel" autocomplete="tel" inputmode="tel" maxlength={20} />
          <Checkbox form={joinForm} name="nationalUpdates" label={t.nationalOptIn} />
          <button type="submit" class="button">
            {t.joinSubmit}
          </button>
        </form>
      </section>

      <section aria-labelledby="contact-heading" class="card" id="contact">
        <h2 id="contact-heading">{t.contactHeading}</h2>
        {group.canBeContacted ? (
          <>
            <p>{t.contactLead}</p>
            <ErrorSummary view={view} form={contactForm} labels={{ name: u.name, email: u.email, message: t.message }} />
            <form method="post" action={view.href(`${group.path}/contact`)} novalidate class="stack">
              <CsrfField view={view} />
              <Honeypot view={view} />
              <TextField view={view} form={contactForm} name="name" label={u.name} autocomplete="name" maxlength={100} />
              <TextField view={view} form={contactForm} name="email" label={u.email} type="email" autocomplete="email" inputmode="email" maxlength={254} />
              <TextArea view={view} form={contactForm} name="message" label={t.message} maxlength={5000} />
              <button type="submit" class="button">
                {t.contactSubmit}
              </button>
            </form>
          </>
        ) : (
          <p>{t.contactUnavailable}</p>
        )}
      </section>

      <section aria-labelledby="report-heading" id="report">
        {/* Open when the form came back with problems, so they are seen. */}
        <details open={Object.keys(reportForm.errors).length > 0 ? true : undefined}>
          <summary>
            <h2 id="report-heading" class="summary-heading">
              {t.reportHeading}
            </h2>
          </summary>
          <p>{t.reportLead}</p>
          <ErrorSummary view={view} form={reportForm} labels={{ reportKind: t.reportKind, reportMessage: t.reportMessage, reportEmail: t.reportEmail }} />
          <form method="post" action={view.href(`${group.path}/report`)} novalidate class="stack">
            <CsrfField view={view} />
            <Honeypot view={view} />
            <RadioGroup
              view={view}
              form={reportForm}
              name="reportKind"
              legend={t.reportKind}
              options={[
                { value: "not_meeting", label: t.reportKinds.not_meeting },
                { value: "wrong_details", label: t.reportKinds.wrong_details },
                { value: "other", label: t.reportKinds.other },
              ]}
            />
            <TextArea view={view} form={reportForm} name="reportMessage" label={t.reportMessage} maxlength={2000} rows={4} />
            <TextField view={view} form={reportForm} name="reportEmail" label={t.reportEmail} hint={t.reportEmailHint} type="email" autocomplete="email" inputmode="email" maxlength={254} />
            <button type="submit" class="button-secondary">
              {t.reportSubmit}
            </button>
          </form>
        </details>
      </section>
      <ShareBar view={view} url={view.absoluteUrl(group.path)} text={view.t.share.texts.group(group.name)} />
    </Layout>
  );
}

function GroupEvents({ view, group, events }: { view: View; group: PublicGroup; events: EventSummary[] }) {
  const t = view.t.events.groupSection;
  return (
    <section aria-labelledby="group-events-heading" class="group-events">
      <h2 id="group-events-heading">{t.heading}</h2>
      {events.length > 0 ? (
        <ul class="card-list">
          {events.map((event) => (
            <EventCard view={view} event={event} />
          ))}
        </ul>
      ) : (
        <p>{t.none}</p>
      )}
      <p>
        <a href={view.href("/events")}>{t.allEvents}</a>
        {" · "}
        <a href={`${group.path}/events.ics`} type="text/calendar">
          {t.subscribe}
        </a>
      </p>
    </section>
  );
}

export function MessagePage({
  view,
  title,
  heading,
  body,
  back,
  share,
}: {
  view: View;
  title: string;
  heading: string;
  body: string;
  back?: { href: string; label: string };
  /** On a thank-you page: the person's own share link (once they have one) and what a share says. */
  share?: { link: { url: string; count: number } | undefined; text: string };
}) {
  return (
    <Layout view={view} title={title} scripts={share?.link ? ["share.js"] : undefined}>
      <h1>{heading}</h1>
      <p>{body}</p>
      {share?.link ? <YourLink view={view} link={share.link} text={share.text} /> : null}
      {back ? (
        <p>
          <a href={back.href}>{back.label}</a>
        </p>
      ) : null}
    </Layout>
  );
}

export function FoundGroupPage({ view, form }: { view: View; form: FormState }) {
  const t = view.t.found;
  const u = view.t.updates;
  const labels = { name: u.name, email: u.email, zip: u.zip, groupName: t.groupName, city: t.city, why: t.why, whoTheyKnow: t.whoTheyKnow, experience: t.experience };
  return (
    <Layout view={view} title={t.title} description={t.lead}>
      <h1>{t.heading}</h1>
      <p class="lead">{t.lead}</p>
      <ErrorSummary view={view} form={form} labels={labels} />
      <form method="post" action={view.href("/start-a-group")} novalidate class="stack">
        <CsrfField view={view} />
        <Honeypot view={view} />
        <PersonFields view={view} form={form} zipHint={u.zipHint} />
        <TextField view={view} form={form} name="groupName" label={t.groupName} hint={t.groupNameHint} maxlength={120} />
        <TextField view={view} form={form} name="city" label={t.city} autocomplete="address-level2" maxlength={80} />
        <TextArea view={view} form={form} name="why" label={t.why} maxlength={4000} />
        <TextArea view={view} form={form} name="whoTheyKnow" label={t.whoTheyKnow} hint={t.whoTheyKnowHint} maxlength={4000} />
        <TextArea view={view} form={form} name="experience" label={t.experience} hint={t.experienceHint} maxlength={4000} />
        <button type="submit" class="button">
          {t.submit}
        </button>
      </form>
    </Layout>
  );
}

/** /start-a-group/answer/<token>: the applicant answers staff's question (linked from the question's e-mail). */
export function AnswerQuestionPage({ view, token, question, form }: { view: View; token: string; question: ApplicationQuestion; form: FormState }) {
  const t = view.t.found;
  return (
    <Layout view={view} title={t.answerTitle} noindex>
      <h1>{t.answerTitle}</h1>
      {question.open ? (
        <>
          <p>{t.answerLead(question.groupName)}</p>
          <blockquote class="script">
            {question.question.split(/\n{2,}/).map((paragraph) => (
              <p>{paragraph}</p>
            ))}
          </blockquote>
          {question.answer ? (
            <p class="fine-print">
              {t.previousAnswer} {question.answer}
            </p>
          ) : null}
          <ErrorSummary view={view} form={form} labels={{ answer: t.answerLabel }} />
          <form method="post" action={view.href(`/start-a-group/answer/${token}`)} novalidate class="stack">
            <CsrfField view={view} />
            <TextArea view={view} form={form} name="answer" label={t.answerLabel} hint={t.answerHint} rows={8} maxlength={4000} />
            <button type="submit" class="button">
              {t.answerButton}
            </button>
          </form>
        </>
      ) : (
        <p>{t.closedBody(question.groupName)}</p>
      )}
    </Layout>
  );
}
