import type { Campaign } from "../../domain/campaigns/campaign-catalogue.js";
import { composeMessages } from "../../domain/campaigns/compose-messages.js";
import type { Representatives, Seat } from "../../domain/campaigns/find-representatives.js";
import type { ActionCounts } from "../../domain/campaigns/get-action-counts.js";
import type { PublicGroup, StateEntry } from "../../domain/groups/group-directory.js";
import type { CongressMember } from "../../domain/congress/congress-directory.js";
import type { MemberStance } from "../../domain/campaigns/member-stance.js";
import { callOutcomes, type ActionOutcome } from "../../db/schema/index.js";
import { CsrfField, ErrorSummary, Honeypot, Notice, PersonFields, TextField, type FormState } from "../components/form.js";
import { EmbedLayout, NewTabLink } from "../components/embed-layout.js";
import { SOURCE_FIELDS } from "../referrals.js";
import type { View } from "../view.js";
import { MemberSummary, memberLabel, telHref, VacantSeatCard } from "./act-page.js";

/**
 * Where a visit to an embed came from, carried in hidden fields because the embed sets no
 * cookie: `ref` and `utm_*` from the embed's own URL, `utm_source=embed` and the campaign or
 * `groups-<state>` by default (decision 0014).
 */
export interface EmbedSource {
  ref: string | undefined;
  utmSource: string;
  utmCampaign: string;
}

/** The source as query parameters, for links and redirects that stay inside the embed. */
export function sourceQuery(source: EmbedSource): Record<string, string> {
  return {
    ...(source.ref ? { [SOURCE_FIELDS.ref]: source.ref } : {}),
    [SOURCE_FIELDS.utmSource]: source.utmSource,
    [SOURCE_FIELDS.utmCampaign]: source.utmCampaign,
  };
}

function SourceFields({ source }: { source: EmbedSource }) {
  return (
    <>
      {Object.entries(sourceQuery(source)).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

/** GET forms replace the query string: carry an explicitly chosen language along. */
function LangField({ view }: { view: View }) {
  return view.href("/") === "/" ? null : <input type="hidden" name="lang" value={view.locale} />;
}

export interface EmbedActPageProps {
  view: View;
  campaign: Campaign;
  counts: ActionCounts;
  source: EmbedSource;
  /** The ZIP form: value zip; errors when it was refused. */
  form: FormState;
  found?: Representatives | undefined;
  /** The member a report was just logged for. */
  logged?: string | undefined;
}

/** /embed/act/<campaign>: the ask, a ZIP box, then each member with a call link, a write link and outcome buttons. */
export function EmbedActPage(props: EmbedActPageProps) {
  const { view, campaign, form, found, source } = props;
  const t = view.t.act;
  const words = campaign.words(view.locale);
  return (
    <EmbedLayout view={view} title={words.title}>
      {/* The title is the ask in one line; the full page explains the bill. */}
      <h1 class="embed-title">{words.title}</h1>
      <p class="fine-print">{t.totals(props.counts.total, props.counts.thisWeek)}</p>
      <ErrorSummary view={view} form={form} labels={{ zip: t.zipLabel }} />
      <form method="get" action={campaign.path.replace(/^\/act\//, "/embed/act/")} class="zip-search" id="find">
        <LangField view={view} />
        <SourceFields source={source} />
        <TextField view={view} form={form} name="zip" label={t.zipLabel} hint={view.t.embed.zipHint} autocomplete="postal-code" inputmode="numeric" maxlength={10} class="input-short" />
        <button class="button" type="submit">
          {t.findButton}
        </button>
      </form>
      {found ? <EmbedResults {...props} found={found} /> : null}
      <p class="embed-more">
        <NewTabLink view={view} href={view.href(found?.zip ? `${campaign.path}?zip=${found.zip}` : campaign.path)}>
          {view.t.embed.moreWays}
        </NewTabLink>
      </p>
    </EmbedLayout>
  );
}

function EmbedResults(props: EmbedActPageProps & { found: Representatives }) {
  const { view, found, campaign } = props;
  const t = view.t.act;
  const place = found.city ? `${found.city}, ${found.states[0]?.code ?? ""}` : null;
  // The embed looks members up by ZIP only, so there is always one (the type also allows a point).
  const zip = found.zip ?? "";
  const callerPlace = place ? `${place} ${zip}` : zip;
  const seats = [...found.states.flatMap((state) => state.senators), ...found.house];
  return (
    <section class="act-results" aria-labelledby="results-heading">
      <h2 id="results-heading">{t.resultsHeading(zip, place)}</h2>
      {found.states
        .filter((state) => state.type !== "state")
        .map((state) => (
          <p class="list-notice">{t.noSenators(state.name)}</p>
        ))}
      {found.ambiguous ? (
        <p class="list-notice">
          {view.t.embed.splitNotice(found.districts.length)}{" "}
          <NewTabLink view={view} href={view.href(`${campaign.path}?zip=${zip}`)}>
            {view.t.embed.findExactMember}
          </NewTabLink>
        </p>
      ) : null}
      <ul class="card-list member-list">
        {seats.map((seat) => (
          <EmbedSeat {...props} seat={seat} callerPlace={callerPlace} />
        ))}
      </ul>
    </section>
  );
}

function EmbedSeat(props: EmbedActPageProps & { found: Representatives; seat: Seat; callerPlace: string }) {
  const { view, seat } = props;
  if (seat.kind === "vacant") return <VacantSeatCard view={view} seat={seat} Heading="h3" />;
  return <EmbedMember {...props} member={seat.member} stance={seat.stance} />;
}

function EmbedMember(props: EmbedActPageProps & { found: Representatives; member: CongressMember; stance: MemberStance; callerPlace: string }) {
  const { view, member, stance, campaign, found } = props;
  const t = view.t.act;
  const e = view.t.embed;
  const label = memberLabel(view, member);
  const messages = composeMessages({
    words: campaign.words(view.locale),
    member,
    stance,
    title: t.titles[member.title],
    callerName: t.scriptYourName,
    callerPlace: props.callerPlace,
  });
  const mainPhone = member.capitolPhone ?? member.localOffices[0]?.phone;
  const id = member.bioguideId;
  return (
    <li class="card member-card embed-member" id={`member-${id}`}>
      <MemberSummary view={view} member={member} stance={stance} Heading="h3" />
      <ul class="embed-actions">
        {mainPhone ? (
          <li>
            <a class="button" href={telHref(mainPhone)}>
              {e.callLabel(mainPhone)}
            </a>
          </li>
        ) : null}
        {member.contactFormUrl?.startsWith("mailto:") ? (
          <li>
            <a class="button-secondary" href={`${member.contactFormUrl}?subject=${encodeURIComponent(messages.letterSubject)}&body=${encodeURIComponent(messages.letterBody)}`}>
              {e.writeLink}
            </a>
          </li>
        ) : member.contactFormUrl || member.websiteUrl ? (
          <li>
            <NewTabLink view={view} class="button-secondary" href={(member.contactFormUrl ?? member.websiteUrl)!}>
              {e.writeLink}
            </NewTabLink>
          </li>
        ) : null}
      </ul>
      <details class="action">
        <summary>{t.scriptHeading}</summary>
        <div class="script">
          {messages.callScript.split(/\n\s*\n/).map((paragraph) => (
            <p>{paragraph}</p>
          ))}
        </div>
        <h4>{t.callOffices}</h4>
        <ul class="phone-list">
          {member.capitolPhone ? (
            <li>
              {t.capitolOffice}: <a href={telHref(member.capitolPhone)}>{member.capitolPhone}</a>
            </li>
          ) : null}
          {member.localOffices.map((office) => (
            <li>
              {t.localOffice(office.city ?? office.state ?? "")}: <a href={telHref(office.phone)}>{office.phone}</a>
            </li>
          ))}
        </ul>
      </details>
      <EmbedOutcomeForm {...props} bioguideId={id} zip={found.zip ?? ""} outcomes={[...callOutcomes, "sent_letter"]} logged={props.logged === id} />
    </li>
  );
}

function EmbedOutcomeForm(props: { view: View; campaign: Campaign; source: EmbedSource; bioguideId: string; zip: string; outcomes: readonly ActionOutcome[]; logged: boolean }) {
  const { view } = props;
  const t = view.t.act;
  return (
    <form method="post" action={view.href(`/embed/act/${props.campaign.slug}/outcomes`)} class="outcome-form">
      <CsrfField view={view} />
      <SourceFields source={props.source} />
      <input type="hidden" name="bioguideId" value={props.bioguideId} />
      <input type="hidden" name="zip" value={props.zip} />
      <h4>{t.outcomeHeading}</h4>
      {props.logged ? <Notice kind="success">{t.thanksLogged}</Notice> : null}
      <div class="outcome-buttons">
        {props.outcomes.map((outcome) => (
          <button type="submit" name="outcome" value={outcome} class="button-secondary">
            {t.outcomes[outcome]}
          </button>
        ))}
      </div>
    </form>
  );
}

export interface EmbedGroupsPageProps {
  view: View;
  state: StateEntry;
  groups: PublicGroup[];
  source: EmbedSource;
  /** The join form (values name, email, zip, group) or, without groups, the waitlist form. */
  form: FormState;
}

/** /embed/groups/<state>: the state's groups and one join form, or an invitation to start one. */
export function EmbedGroupsPage({ view, state, groups, source, form }: EmbedGroupsPageProps) {
  const e = view.t.embed;
  const u = view.t.updates;
  const t = view.t.groups;
  const code = state.code.toLowerCase();
  const labels = { name: u.name, email: u.email, zip: u.zip, group: e.groupLabel };
  const only = groups.length === 1 ? groups[0] : undefined;
  return (
    <EmbedLayout view={view} title={e.groupsHeading(state.name)}>
      <h1 class="embed-title">{e.groupsHeading(state.name)}</h1>
      {groups.length > 0 ? (
        <>
          <ul class="card-list embed-groups">
            {groups.map((group) => (
              <li class="card group-card">
                <h2>{group.name}</h2>
                <p class="group-meta">{[group.city, t.kinds[group.kind]].filter(Boolean).join(" · ")}</p>
                {summary(group) ? <p>{summary(group)}</p> : null}
                <p class="embed-group-links">
                  {only ? null : (
                    <a href={view.href(`/embed/groups/${code}?${new URLSearchParams({ group: group.slug, ...sourceQuery(source) }).toString()}#join`)}>
                      {e.joinThis}
                      <span class="visually-hidden">: {group.name}</span>
                    </a>
                  )}
                  <NewTabLink view={view} href={view.href(group.path)}>
                    {e.visitPage}
                    <span class="visually-hidden">: {group.name}</span>
                  </NewTabLink>
                </p>
              </li>
            ))}
          </ul>
          <section class="card" id="join" aria-labelledby="join-heading">
            <h2 id="join-heading">{only ? e.joinOneHeading(only.name) : e.joinHeading}</h2>
            <p class="hint">{e.joinLead}</p>
            <ErrorSummary view={view} form={form} labels={labels} />
            <form method="post" action={view.href(`/embed/groups/${code}/join`)} novalidate class="stack">
              <CsrfField view={view} />
              <Honeypot view={view} />
              <SourceFields source={source} />
              {only ? <input type="hidden" name="group" value={only.slug} /> : <GroupSelect view={view} form={form} groups={groups} />}
              <PersonFields view={view} form={form} />
              <button type="submit" class="button">
                {e.joinSubmit}
              </button>
            </form>
          </section>
        </>
      ) : (
        <>
          <p class="empty-state">
            {e.noGroupLead(state.name)}{" "}
            <NewTabLink view={view} href={view.href(`/start-a-group?state=${state.code}`)}>
              {t.startHere(state.name)}
            </NewTabLink>
          </p>
          <section class="card" id="wait" aria-labelledby="wait-heading">
            <h2 id="wait-heading">{t.waitHeading}</h2>
            <p class="hint">{t.waitLead}</p>
            <ErrorSummary view={view} form={form} labels={labels} />
            <form method="post" action={view.href(`/embed/groups/${code}/wait`)} novalidate class="stack">
              <CsrfField view={view} />
              <Honeypot view={view} />
              <SourceFields source={source} />
              <PersonFields view={view} form={form} />
              <button type="submit" class="button">
                {t.waitSubmit}
              </button>
            </form>
          </section>
        </>
      )}
    </EmbedLayout>
  );
}

const summary = (group: PublicGroup) => group.description?.split(/\n/)[0]?.replace(/[*_#>[\]]/g, "").slice(0, 160);

function GroupSelect({ view, form, groups }: { view: View; form: FormState; groups: PublicGroup[] }) {
  const e = view.t.embed;
  const code = form.errors.group;
  return (
    <div class={`field${code ? " field-error" : ""}`}>
      <label for="field-group">{e.groupLabel}</label>
      {code ? (
        <p class="error-message" id="error-group">
          {view.t.forms.fieldErrors[code]}
        </p>
      ) : null}
      <select id="field-group" name="group" aria-invalid={code ? "true" : undefined} aria-describedby={code ? "error-group" : undefined}>
        <option value="">{e.chooseGroup}</option>
        {groups.map((group) => (
          <option value={group.slug} selected={form.values.group === group.slug}>
            {group.city ? `${group.name} (${group.city})` : group.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** "Check your inbox" (after joining or asking to wait), inside the frame, with a way back. */
export function EmbedMessagePage({ view, title, heading, body, back }: { view: View; title: string; heading: string; body: string; back: { href: string; label: string } }) {
  return (
    <EmbedLayout view={view} title={title}>
      <div class="notice notice-success" role="status">
        <h1 class="embed-title">{heading}</h1>
        <p>{body}</p>
      </div>
      <p>
        <a href={back.href}>{back.label}</a>
      </p>
    </EmbedLayout>
  );
}

/** An error inside the frame (expired form, unknown campaign, too many tries), in the frame's own style. */
export function EmbedErrorPage({ view, heading, body, back }: { view: View; heading: string; body: string; back?: { href: string; label: string } | undefined }) {
  return (
    <EmbedLayout view={view} title={heading}>
      <div class="notice" role="alert">
        <h1 class="embed-title">{heading}</h1>
        <p>{body}</p>
      </div>
      {back ? (
        <p>
          <a class="button" href={back.href}>
            {back.label}
          </a>
        </p>
      ) : null}
    </EmbedLayout>
  );
}
