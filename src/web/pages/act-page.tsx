import { ShareBar, YourLink } from "../components/share-bar.js";
import type { CampaignWords } from "../../db/schema/index.js";
import type { CampaignBill } from "../../domain/campaigns/get-campaign-overview.js";
import type { Campaign } from "../../domain/campaigns/campaign-catalogue.js";
import { composeMessages } from "../../domain/campaigns/compose-messages.js";
import type { Representatives, Seat } from "../../domain/campaigns/find-representatives.js";
import { countsFor, type ActionCounts } from "../../domain/campaigns/get-action-counts.js";
import type { LocateAddressResult } from "../../domain/campaigns/locate-address.js";
import type { MemberStance } from "../../domain/campaigns/member-stance.js";
import type { CongressMember } from "../../domain/congress/congress-directory.js";
import { callOutcomes, type ActionOutcome } from "../../db/schema/index.js";
import { CsrfField, ErrorSummary, Notice, TextField, type FormState } from "../components/form.js";
import { EmbedSnippet } from "../components/embed-snippet.js";
import { Layout } from "../components/layout.js";
import { LocateButton, type LocationProblem } from "../components/locate-button.js";
import { campaignCard } from "../previews/cards.js";
import { formatDate } from "../format.js";
import type { View } from "../view.js";

export interface ActPageProps {
  view: View;
  campaign: Campaign;
  bills: CampaignBill[];
  counts: ActionCounts;
  /** The ZIP form: values zip, name; errors when the ZIP was refused. */
  form: FormState;
  found?: Representatives | undefined;
  /** The caller's name for the scripts, as typed (not stored). */
  callerName?: string | undefined;
  address?: { value: string; result: LocateAddressResult | undefined } | undefined;
  /** Which member a report was just logged for (after a no-JS POST). */
  logged?: string | undefined;
  /** "Use my location" sent a point we could not use. */
  locationProblem?: LocationProblem | undefined;
  /** The caller's own share link, once they have reported an action. */
  yourLink?: { url: string; count: number } | undefined;
}

/** "Sen. Amy Klobuchar" */
export const memberLabel = (view: View, member: CongressMember) => `${view.t.act.shortTitles[member.title]} ${member.name}`;

/** The campaign page: find your members by ZIP, then call, write or post to each. */
export function ActPage(props: ActPageProps) {
  const { view, campaign, counts, form, found } = props;
  const t = view.t.act;
  const words = campaign.words(view.locale);
  return (
    <Layout view={view} title={words.title} description={words.summary} preview={{ card: campaignCard(view, campaign, props.bills) }} scripts={found ? ["act.js", "share.js", "locate.js"] : ["share.js", "locate.js"]}>
      <h1>{words.title}</h1>
      <p class="lead">{words.summary}</p>
      <p class="campaign-totals" data-totals>
        {t.totals(counts.total, counts.thisWeek)}
      </p>
      <ul class="bill-summary">
        {props.bills.map((bill) => (
          <li>
            <a href={view.href(bill.path)}>{t.billCosponsors(bill.number, bill.cosponsors, bill.asOf ? formatDate(view.locale, bill.asOf) : null)}</a>
          </li>
        ))}
      </ul>
      {/* A returning visitor's members come first; the ZIP box follows them ("Change ZIP"). */}
      {found ? <Results {...props} found={found} words={words} /> : null}
      <ZipForm view={view} campaign={campaign} form={form} locationProblem={props.locationProblem} />
      {props.yourLink ? (
        <YourLink view={view} link={props.yourLink} text={view.t.share.texts.called} />
      ) : (
        <ShareBar view={view} url={view.absoluteUrl(campaign.path)} text={view.t.share.texts.campaign} />
      )}
      <EmbedSnippet view={view} path={`/embed/act/${campaign.slug}`} title={words.title} />
    </Layout>
  );
}

/** GET forms replace the query string: carry an explicitly chosen language along. */
function LangField({ view }: { view: View }) {
  return view.href("/") === "/" ? null : <input type="hidden" name="lang" value={view.locale} />;
}

function ZipForm({ view, campaign, form, locationProblem }: { view: View; campaign: Campaign; form: FormState; locationProblem?: LocationProblem | undefined }) {
  const t = view.t.act;
  return (
    <section class="card act-find" aria-labelledby="find-heading">
      <h2 id="find-heading">{t.findButton}</h2>
      <ErrorSummary view={view} form={form} labels={{ zip: t.zipLabel, name: t.nameLabel }} />
      <form method="get" action={campaign.path} class="zip-search" id="find">
        <LangField view={view} />
        <TextField view={view} form={form} name="zip" label={t.zipLabel} hint={t.zipHint} autocomplete="postal-code" inputmode="numeric" maxlength={10} class="input-short" />
        <TextField view={view} form={form} name="name" label={t.nameLabel} hint={t.nameHint} autocomplete="given-name" maxlength={60} />
        <button class="button" type="submit">
          {t.findButton}
        </button>
      </form>
      <LocateButton view={view} campaign={campaign} problem={locationProblem} />
    </section>
  );
}

function Results(props: ActPageProps & { found: Representatives; words: CampaignWords }) {
  const { view, found } = props;
  const t = view.t.act;
  const place = found.city ? `${found.city}, ${found.states[0]?.code ?? ""}` : null;
  // Found from a point there is no ZIP: the state names the caller's place in the scripts.
  const callerPlace = found.zip === null ? (found.states[0]?.name ?? "") : place ? `${place} ${found.zip}` : found.zip;
  const card = (seat: Seat) => <SeatCard {...props} seat={seat} callerPlace={callerPlace} />;
  const address = props.address;
  return (
    <section class="act-results" aria-labelledby="results-heading">
      <h2 id="results-heading">{found.zip === null ? view.t.locate.resultsHeading : t.resultsHeading(found.zip, place)}</h2>
      <p>
        <a href="#find">{found.zip === null ? view.t.locate.searchByZip : t.changeZip}</a>
      </p>
      {found.states.length > 1 ? <p class="list-notice">{t.crossState}</p> : null}
      {found.states.map((state) =>
        state.type === "state" ? (
          <section aria-labelledby={`senate-${state.code}`}>
            <h3 id={`senate-${state.code}`}>{t.senateHeading(state.name)}</h3>
            <ul class="card-list member-list">{state.senators.map(card)}</ul>
          </section>
        ) : (
          <p class="list-notice">{t.noSenators(state.name)}</p>
        ),
      )}
      <section aria-labelledby="house-heading">
        <h3 id="house-heading">{found.ambiguous ? t.houseHeadingAmbiguous : t.houseHeading}</h3>
        {found.location?.nearLine ? <Notice>{view.t.locate.nearLine(found.house.length)}</Notice> : null}
        {address?.result?.kind === "found" ? (
          <Notice kind="success">
            {address.result.nearLine ? view.t.locate.addressNearLine(address.result.matchedAddress, found.house.length) : t.addressFound(address.result.matchedAddress)}
          </Notice>
        ) : null}
        {address?.result?.kind === "not_found" ? <Notice>{t.addressNotFound}</Notice> : null}
        {address?.result?.kind === "unavailable" ? <Notice>{t.addressUnavailable}</Notice> : null}
        {found.ambiguous && found.zip !== null && !(address?.result?.kind === "found" && address.result.nearLine) ? <AddressForm {...props} /> : null}
        <ul class="card-list member-list">{found.house.map(card)}</ul>
      </section>
    </section>
  );
}

function AddressForm({ view, campaign, found, address, callerName }: ActPageProps & { found: Representatives }) {
  const t = view.t.act;
  const form: FormState = { values: { address: address?.value ?? "" }, errors: {} };
  return (
    <div class="address-search">
      <p>{t.ambiguousExplainer(found.districts.length)}</p>
      <form method="get" action={campaign.path} class="zip-search">
        <LangField view={view} />
        <input type="hidden" name="zip" value={found.zip ?? ""} />
        {callerName ? <input type="hidden" name="name" value={callerName} /> : null}
        <TextField view={view} form={form} name="address" label={t.addressLabel} hint={t.addressHint} autocomplete="street-address" maxlength={200} />
        <button class="button-secondary" type="submit">
          {t.addressButton}
        </button>
      </form>
    </div>
  );
}

function SeatCard(props: ActPageProps & { seat: Seat; words: CampaignWords; callerPlace: string; found: Representatives }) {
  const { view, seat } = props;
  const t = view.t.act;
  if (seat.kind === "vacant") return <VacantSeatCard view={view} seat={seat} Heading="h4" />;
  return <MemberCard {...props} member={seat.member} stance={seat.stance} />;
}

/** An empty seat, said plainly: the full page and the embed show it the same way. */
export function VacantSeatCard({ view, seat, Heading }: { view: View; seat: Extract<Seat, { kind: "vacant" }>; Heading: "h3" | "h4" }) {
  const t = view.t.act;
  return (
    <li class="card member-card member-vacant">
      <Heading>{t.vacantHeading}</Heading>
      <p>{seat.chamber === "senate" ? t.vacantSenate(seat.stateName) : t.vacantBody(t.seatLabel(seat.stateName, seat.district))}</p>
    </li>
  );
}

export function statusText(view: View, stance: MemberStance): string {
  const t = view.t.act;
  if (!stance.bill) return t.statusNoBill;
  const date = (d: string | null) => (d ? formatDate(view.locale, d) : null);
  switch (stance.status) {
    case "sponsor":
      return t.statusSponsor(stance.bill.number);
    case "cosponsor":
      return t.statusCosponsor(stance.bill.number, date(stance.since));
    case "withdrawn":
      return t.statusWithdrew(stance.bill.number, date(stance.withdrawnOn));
    case "not-cosponsor":
      return t.statusNot(stance.bill.number, date(stance.asOf));
    case "unknown":
      return t.statusUnknown(stance.bill.number);
  }
}

/** The top of a member's card (the full page's and the embed's): name, party and seat, and where they stand. */
export function MemberSummary({
  view,
  member,
  stance,
  Heading,
  linkToCosponsors = false,
}: {
  view: View;
  member: CongressMember;
  stance: MemberStance;
  Heading: "h3" | "h4";
  linkToCosponsors?: boolean;
}) {
  const t = view.t.act;
  return (
    <>
      <Heading>{memberLabel(view, member)}</Heading>
      <p class="member-meta">
        {t.parties[member.party] ?? member.party} · {t.seatLabel(member.stateName, member.district)}
      </p>
      <p class={`status status-${stance.status}`}>
        <strong>{statusText(view, stance)}</strong>
        {linkToCosponsors && stance.bill ? (
          <>
            {" · "}
            <a href={view.href(stance.bill.path)}>{t.seeCosponsors}</a>
          </>
        ) : null}
      </p>
    </>
  );
}

export const telHref = (phone: string) => `tel:+1${phone.replace(/\D/g, "").replace(/^1(?=\d{10}$)/, "")}`;

function MemberCard(props: ActPageProps & { member: CongressMember; stance: MemberStance; words: CampaignWords; callerPlace: string; found: Representatives }) {
  const { view, member, stance, campaign, counts, found } = props;
  const t = view.t.act;
  const label = memberLabel(view, member);
  const messages = composeMessages({
    words: props.words,
    member,
    stance,
    title: t.titles[member.title],
    callerName: props.callerName || t.scriptYourName,
    callerPlace: props.callerPlace,
  });
  const memberCounts = countsFor(counts, member.bioguideId);
  const id = member.bioguideId;
  const logged = props.logged === id;
  return (
    <li class="card member-card" id={`member-${id}`}>
      <MemberSummary view={view} member={member} stance={stance} Heading="h4" linkToCosponsors />
      <p class="member-counter" data-counter={id}>
        {t.callsThisWeek(memberCounts.callsThisWeek, label)}
      </p>
      {memberCounts.mailboxFullToday > 0 && member.localOffices.length > 0 ? <p class="list-notice">{t.mailboxFullWarning(memberCounts.mailboxFullToday)}</p> : null}

      <details class="action" open={logged ? true : undefined}>
        <summary>{t.callHeading}</summary>
        <h5>{t.callOffices}</h5>
        <ul class="phone-list">
          {member.capitolPhone ? (
            <li>
              {t.capitolOffice}: <a href={telHref(member.capitolPhone)}>{member.capitolPhone}</a>
            </li>
          ) : (
            <li>{t.noPhone}</li>
          )}
          {member.localOffices.map((office) => (
            <li>
              {t.localOffice(office.city ?? office.state ?? "")}: <a href={telHref(office.phone)}>{office.phone}</a>
            </li>
          ))}
        </ul>
        <h5>{t.scriptHeading}</h5>
        <div class="script">
          {messages.callScript.split(/\n\s*\n/).map((paragraph) => (
            <p>{paragraph}</p>
          ))}
        </div>
        <OutcomeForm view={view} campaign={campaign} bioguideId={id} zip={found.zip ?? ""} outcomes={callOutcomes} heading={t.outcomeHeading} hint={t.outcomeHint} logged={logged} />
      </details>

      <details class="action">
        <summary>{t.writeHeading}</summary>
        <p>
          {member.contactFormUrl?.startsWith("mailto:") ? (
            // A few offices publish an address instead of a form: open the letter ready to send.
            <a href={`${member.contactFormUrl}?subject=${encodeURIComponent(messages.letterSubject)}&body=${encodeURIComponent(messages.letterBody)}`}>
              {t.emailThem(label)}
            </a>
          ) : member.contactFormUrl ? (
            <a href={member.contactFormUrl} rel="noopener noreferrer" target="_blank">
              {t.contactForm(label)}
            </a>
          ) : member.websiteUrl ? (
            <a href={member.websiteUrl} rel="noopener noreferrer" target="_blank">
              {t.website}
            </a>
          ) : (
            t.noContactForm
          )}
        </p>
        <CopyField view={view} id={`subject-${id}`} label={t.subjectLabel} value={messages.letterSubject} rows={2} />
        <CopyField view={view} id={`letter-${id}`} label={t.letterLabel} value={messages.letterBody} rows={12} />
        <OutcomeForm view={view} campaign={campaign} bioguideId={id} zip={found.zip ?? ""} outcomes={["sent_letter"]} logged={false} />
      </details>

      <details class="action">
        <summary>{t.postHeading}</summary>
        <CopyField view={view} id={`post-${id}`} label={t.postLabel} value={messages.post.x} rows={4} />
        {member.twitter ? null : <p class="hint">{t.noHandle("X")}</p>}
        <ul class="share-links">
          <li>
            <a class="button-secondary" href={`https://twitter.com/intent/tweet?text=${encodeURIComponent(messages.post.x)}`} rel="noopener noreferrer" target="_blank">
              {t.postOnX}
            </a>
          </li>
          <li>
            <a class="button-secondary" href={`https://bsky.app/intent/compose?text=${encodeURIComponent(messages.post.bluesky)}`} rel="noopener noreferrer" target="_blank">
              {t.postOnBluesky}
            </a>
          </li>
          <li>
            <a class="button-secondary" href={view.href(`/share/mastodon?text=${encodeURIComponent(messages.post.mastodon)}&back=${encodeURIComponent(`${campaign.path}${found.zip ? `?zip=${found.zip}` : ""}#member-${id}`)}`)}>
              {t.postOnMastodon}
            </a>
          </li>
        </ul>
        <OutcomeForm view={view} campaign={campaign} bioguideId={id} zip={found.zip ?? ""} outcomes={["posted"]} logged={false} />
      </details>
    </li>
  );
}

function CopyField({ view, id, label, value, rows }: { view: View; id: string; label: string; value: string; rows: number }) {
  return (
    <div class="field copy-field">
      <label for={id}>{label}</label>
      <textarea id={id} rows={rows} readonly>
        {value}
      </textarea>
      {/* Shown by act.js: copying needs JavaScript; without it, select the text. */}
      <button type="button" class="button-secondary copy-button" data-copy={id} data-copied={view.t.act.copied} hidden>
        {view.t.act.copy}
      </button>
    </div>
  );
}

function OutcomeForm(props: {
  view: View;
  campaign: Campaign;
  bioguideId: string;
  zip: string;
  outcomes: readonly ActionOutcome[];
  heading?: string;
  hint?: string;
  logged: boolean;
}) {
  const { view } = props;
  const t = view.t.act;
  return (
    <form method="post" action={view.href(`${props.campaign.path}/outcomes`)} class="outcome-form" data-outcome-form>
      <CsrfField view={view} />
      <input type="hidden" name="bioguideId" value={props.bioguideId} />
      <input type="hidden" name="zip" value={props.zip} />
      {props.heading ? <h5>{props.heading}</h5> : null}
      {props.hint ? <p class="hint">{props.hint}</p> : null}
      <div class="outcome-buttons">
        {props.outcomes.map((outcome) => (
          <button type="submit" name="outcome" value={outcome} class="button-secondary">
            {t.outcomes[outcome]}
          </button>
        ))}
      </div>
      <p class="outcome-status" role="status">
        {props.logged ? t.thanksLogged : ""}
      </p>
    </form>
  );
}

/** Mastodon has no single site: ask for the person's server, then link to its share page. */
export function MastodonSharePage({
  view,
  text,
  back,
  form,
  shareUrl,
  changeHref,
}: {
  view: View;
  text: string;
  back: string;
  form: FormState;
  shareUrl?: string | undefined;
  /** When the server was remembered: a link to pick another one instead of the form. */
  changeHref?: string | undefined;
}) {
  const t = view.t.act;
  return (
    <Layout view={view} title={t.mastodonTitle}>
      <h1>{t.mastodonTitle}</h1>
      <p>{t.mastodonLead}</p>
      <blockquote class="script">
        <p>{text}</p>
      </blockquote>
      {shareUrl ? (
        <p>
          <a class="button" href={shareUrl} rel="noopener noreferrer">
            {t.mastodonOpen(new URL(shareUrl).host)}
          </a>
        </p>
      ) : null}
      {changeHref ? (
        <p>
          <a href={view.href(changeHref)}>{view.t.share.mastodonChange}</a>
        </p>
      ) : (
        <>
          <ErrorSummary view={view} form={form} labels={{ server: t.mastodonInstanceLabel }} />
          <form method="get" action="/share/mastodon" class="zip-search">
            <LangField view={view} />
            <input type="hidden" name="text" value={text} />
            <input type="hidden" name="back" value={back} />
            <TextField view={view} form={form} name="server" label={t.mastodonInstanceLabel} hint={t.mastodonInstanceHint} maxlength={100} />
            <button class="button-secondary" type="submit">
              {t.mastodonContinue}
            </button>
          </form>
        </>
      )}
      <p>
        <a href={view.href(back)}>{back.startsWith("/act") ? t.backToCampaign : view.t.share.backToPage}</a>
      </p>
    </Layout>
  );
}
