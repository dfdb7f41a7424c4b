import { raw } from "hono/html";
import type { StateEntry } from "../../domain/groups/group-directory.js";
import type { EventListing, EventSummary } from "../../domain/events/list-events.js";
import type { PublicEvent } from "../../domain/events/get-event.js";
import { isoWithOffset } from "../../domain/events/time-zones.js";
import { renderMarkdown } from "../../lib/markdown.js";
import { formatEventDay, formatEventWhen } from "../../lib/event-time.js";
import { CsrfField, ErrorSummary, Honeypot, TextField, type FormState } from "../components/form.js";
import { Layout } from "../components/layout.js";
import { ShareBar, YourLink } from "../components/share-bar.js";
import type { View } from "../view.js";

export const MILES_CHOICES = [10, 25, 50, 100, 250];

/** "Central Time (Chicago)"-style name of a zone in the page's language: "Central Standard Time". */
function zoneName(view: View, start: Date, timeZone: string) {
  const part = new Intl.DateTimeFormat(view.locale === "es" ? "es-US" : "en-US", { timeZone, timeZoneName: "long" })
    .formatToParts(start)
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}

function EventBadges({ view, event }: { view: View; event: Pick<EventSummary, "format" | "status"> }) {
  const t = view.t.events.list;
  return (
    <>
      {event.status === "cancelled" ? <span class="event-badge event-badge-cancelled">{t.cancelledBadge}</span> : null}
      {event.format === "online" ? <span class="event-badge">{t.onlineBadge}</span> : null}
      {event.format === "hybrid" ? <span class="event-badge">{t.hybridBadge}</span> : null}
    </>
  );
}

export function EventCard({ view, event, showLinks = false }: { view: View; event: EventSummary; showLinks?: boolean }) {
  const t = view.t.events;
  const place = [event.city, event.state].filter(Boolean).join(", ");
  return (
    <li class="card event-card">
      <h3>
        <a href={view.href(event.path)}>{event.title}</a> <EventBadges view={view} event={event} />
      </h3>
      <p class="event-when">
        <time datetime={isoWithOffset(event.startsAt, event.timeZone)}>{formatEventWhen(view.locale, event.startsAt, event.endsAt, event.timeZone)}</time>
      </p>
      <p class="group-meta">
        {t.kinds[event.kind]}
        {place ? ` · ${place}` : ""}
        {event.distanceMiles !== null ? ` · ${t.list.distance(event.distanceMiles)}` : ""}
        {" · "}
        {event.group ? t.list.byGroup(event.group.name) : t.list.national}
      </p>
      {showLinks && (event.recordingUrl || event.notesUrl || event.slidesUrl) ? (
        <ul class="inline-list">
          {event.recordingUrl ? (
            <li>
              <a href={event.recordingUrl}>{t.past.recording}</a>
            </li>
          ) : null}
          {event.notesUrl ? (
            <li>
              <a href={event.notesUrl}>{t.past.notes}</a>
            </li>
          ) : null}
          {event.slidesUrl ? (
            <li>
              <a href={event.slidesUrl}>{t.past.slides}</a>
            </li>
          ) : null}
        </ul>
      ) : null}
    </li>
  );
}

export function EventsListPage({ view, listing, form, states }: { view: View; listing: EventListing | null; form: FormState; states: StateEntry[] }) {
  const t = view.t.events.list;
  const stateName = listing?.state ? (states.find((s) => s.code === listing.state)?.name ?? listing.state) : null;
  const heading = listing?.near ? t.nearHeading(listing.near, listing.miles!) : stateName ? t.stateHeading(stateName) : t.allHeading;
  const selectedMiles = form.values.miles || "25";
  return (
    <Layout view={view} title={t.title} description={t.description}>
      <h1>{t.heading}</h1>
      <p class="lead">{t.lead}</p>
      <ErrorSummary view={view} form={form} labels={{ state: t.state, near: t.near, miles: t.miles }} />
      <form method="get" action={view.href("/events")} class="zip-search event-filters" role="search" aria-label={t.filterHeading}>
        {view.locale !== "en" ? <input type="hidden" name="lang" value={view.locale} /> : null}
        <div class={`field${form.errors.state ? " field-error" : ""}`}>
          <label for="field-state">{t.state}</label>
          <select id="field-state" name="state">
            <option value="">{t.anyState}</option>
            {states.map((s) => (
              <option value={s.code} selected={form.values.state?.toUpperCase() === s.code}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <TextField view={view} form={form} name="near" label={t.near} autocomplete="postal-code" inputmode="numeric" maxlength={10} class="input-short" />
        <div class={`field${form.errors.miles ? " field-error" : ""}`}>
          <label for="field-miles">{t.miles}</label>
          <select id="field-miles" name="miles">
            {MILES_CHOICES.map((n) => (
              <option value={String(n)} selected={selectedMiles === String(n)}>
                {t.milesOption(n)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button">
          {t.search}
        </button>
      </form>
      {listing && (listing.state || listing.near) ? (
        <p>
          <a href={view.href("/events")}>{t.clear}</a>
        </p>
      ) : null}
      {listing ? (
        <>
          <section aria-labelledby="local-heading">
            <h2 id="local-heading">{heading}</h2>
            {listing.local.length === 0 ? (
              <p class="empty-state">{t.none}</p>
            ) : (
              <ul class="card-list">
                {listing.local.map((event) => (
                  <EventCard view={view} event={event} />
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="online-heading">
            <h2 id="online-heading">{t.onlineHeading}</h2>
            {listing.online.length === 0 ? (
              <p class="empty-state">{t.noneOnline}</p>
            ) : (
              <ul class="card-list">
                {listing.online.map((event) => (
                  <EventCard view={view} event={event} />
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}
      <ul class="link-list event-more">
        <li>
          <a href={view.href("/events/past")}>{t.pastLink}</a>
        </li>
        <li>
          <a href="/events.ics">{t.calendarLink}</a> <span class="hint">{t.calendarHint}</span>
        </li>
      </ul>
    </Layout>
  );
}

export function PastEventsPage({ view, events, page, hasMore }: { view: View; events: EventSummary[]; page: number; hasMore: boolean }) {
  const t = view.t.events.past;
  return (
    <Layout view={view} title={page > 1 ? `${t.title} (${page})` : t.title} description={t.lead}>
      <h1>{t.heading}</h1>
      <p class="lead">{t.lead}</p>
      {events.length === 0 ? (
        <p class="empty-state">{t.none}</p>
      ) : (
        <ul class="card-list">
          {events.map((event) => (
            <EventCard view={view} event={event} showLinks />
          ))}
        </ul>
      )}
      <nav class="pager" aria-label={t.heading}>
        {page > 1 ? <a href={view.href(page === 2 ? "/events/past" : `/events/past?page=${page - 1}`)}>{t.newer}</a> : null}
        {hasMore ? <a href={view.href(`/events/past?page=${page + 1}`)}>{t.older}</a> : null}
      </nav>
      <p>
        <a href={view.href("/events")}>{t.upcomingLink}</a>
      </p>
    </Layout>
  );
}

export interface CalendarLinks {
  google: string;
  outlook: string;
  ics: string;
}

/** schema.org Event for search engines and link previews. */
function eventJsonLd(view: View, event: PublicEvent) {
  const place =
    event.format === "online"
      ? null
      : {
          "@type": "Place",
          name: event.venueName ?? event.city ?? undefined,
          address: {
            "@type": "PostalAddress",
            ...(event.address ? { streetAddress: event.address } : {}),
            ...(event.city ? { addressLocality: event.city } : {}),
            ...(event.state ? { addressRegion: event.state } : {}),
            ...(event.zip ? { postalCode: event.zip } : {}),
            addressCountry: "US",
          },
        };
  const virtual = event.livestreamUrl && event.format !== "in_person" ? { "@type": "VirtualLocation", url: event.livestreamUrl } : null;
  const locations = [place, virtual].filter(Boolean);
  return {
    "@context": "https://schema.org",
    "@type": "Event",
    name: event.title,
    startDate: isoWithOffset(event.startsAt, event.timeZone),
    endDate: isoWithOffset(event.endsAt, event.timeZone),
    eventStatus: event.status === "cancelled" ? "https://schema.org/EventCancelled" : "https://schema.org/EventScheduled",
    eventAttendanceMode:
      event.format === "online"
        ? "https://schema.org/OnlineEventAttendanceMode"
        : event.format === "hybrid"
          ? "https://schema.org/MixedEventAttendanceMode"
          : "https://schema.org/OfflineEventAttendanceMode",
    ...(locations.length > 0 ? { location: locations.length === 1 ? locations[0] : locations } : {}),
    url: view.absoluteUrl(event.path),
    organizer: event.group
      ? { "@type": "Organization", name: event.group.name, ...(event.group.path ? { url: view.absoluteUrl(event.group.path) } : {}) }
      : { "@type": "Organization", name: view.t.meta.siteName, url: view.absoluteUrl("/") },
  };
}

export function EventPage({ view, event, form, calendar }: { view: View; event: PublicEvent; form: FormState; calendar: CalendarLinks }) {
  const t = view.t.events.page;
  const open = event.status === "scheduled" && !event.isPast;
  const full = event.placesLeft !== null && event.placesLeft <= 0;
  const attending = event.viewer && event.viewer.status !== "cancelled" ? event.viewer : null;
  const description = `${view.t.events.kinds[event.kind]} · ${formatEventWhen(view.locale, event.startsAt, event.endsAt, event.timeZone)}`;
  return (
    <Layout
      view={view}
      scripts={["share.js", "local-time.js"]}
      title={event.title}
      description={description}
      preview={{ jsonLd: eventJsonLd(view, event) }}
      noindex={event.viewer !== null || undefined}
    >
      <p class="breadcrumb">
        <a href={view.href("/events")}>{view.t.events.list.heading}</a>
      </p>
      <h1>{event.title}</h1>
      <p class="group-meta">
        {view.t.events.kinds[event.kind]} <EventBadges view={view} event={event} />
      </p>
      {event.status === "cancelled" ? <p class="notice event-cancelled">{t.cancelled}</p> : event.isPast ? <p class="notice">{t.past}</p> : null}
      {attending ? (
        <div class="notice notice-success" role="status">
          <p>{attending.status === "going" ? t.youreGoing : t.youreWaitlisted}</p>
          {open ? (
            <p>
              <a href={view.href(`${event.path}/cancel-rsvp/${attending.token}`)}>{t.cancelRsvpLink}</a>
            </p>
          ) : null}
        </div>
      ) : null}
      <dl class="facts">
        <dt>{t.when}</dt>
        <dd>
          <time datetime={isoWithOffset(event.startsAt, event.timeZone)}>{formatEventWhen(view.locale, event.startsAt, event.endsAt, event.timeZone)}</time>
          <br />
          <span class="hint">{t.timeZoneNote(zoneName(view, event.startsAt, event.timeZone))}</span>
          {/* Filled by local-time.js when the visitor's own zone differs from the event's. */}
          <span
            class="hint local-time"
            hidden
            data-local-time
            data-start={event.startsAt.toISOString()}
            data-end={event.endsAt.toISOString()}
            data-zone={event.timeZone}
            data-lang={view.locale === "es" ? "es-US" : "en-US"}
            data-label={t.yourTime}
          ></span>
        </dd>
        <dt>{t.where}</dt>
        <dd>
          {event.format !== "online" ? <span>{event.locationText}</span> : <span>{t.online}</span>}
          {event.addressHidden ? <span class="hint"> {t.addressHidden}</span> : null}
          {event.format === "hybrid" ? <span> · {t.online}</span> : null}
        </dd>
        <dt>{t.hostedBy}</dt>
        <dd>{event.group ? event.group.path ? <a href={view.href(event.group.path)}>{event.group.name}</a> : event.group.name : t.nationalHost}</dd>
      </dl>
      {event.livestreamUrl && open ? (
        <p>
          <a class="button" href={event.livestreamUrl}>
            {t.watchLive}
          </a>
        </p>
      ) : null}
      {event.description ? <div class="prose">{raw(renderMarkdown(event.description).html)}</div> : null}
      {event.recordingUrl || event.notesUrl || event.slidesUrl ? (
        <section aria-labelledby="afterwards-heading">
          <h2 id="afterwards-heading">{t.afterwards}</h2>
          <ul class="link-list">
            {event.recordingUrl ? (
              <li>
                <a href={event.recordingUrl}>{t.recording}</a>
              </li>
            ) : null}
            {event.notesUrl ? (
              <li>
                <a href={event.notesUrl}>{t.notes}</a>
              </li>
            ) : null}
            {event.slidesUrl ? (
              <li>
                <a href={event.slidesUrl}>{t.slides}</a>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}
      {event.status === "scheduled" ? (
        <section aria-labelledby="calendar-heading">
          <h2 id="calendar-heading">{t.calendarHeading}</h2>
          <ul class="inline-list calendar-links">
            <li>
              <a href={calendar.google}>{t.google}</a>
            </li>
            <li>
              <a href={calendar.outlook}>{t.outlook}</a>
            </li>
            <li>
              <a href={calendar.ics} download={`event-${event.id}.ics`}>
                {t.ics}
              </a>
            </li>
          </ul>
        </section>
      ) : null}
      {open && !attending ? (
        <section class="card" aria-labelledby="rsvp-heading" id="rsvp">
          <h2 id="rsvp-heading">{t.rsvpHeading}</h2>
          <p>{t.rsvpLead}</p>
          {event.placesLeft !== null ? <p class="event-places">{full ? t.full : t.placesLeft(event.placesLeft)}</p> : null}
          <ErrorSummary view={view} form={form} labels={{ name: t.name, email: t.email, zip: t.zip }} />
          <form method="post" action={view.href(`${event.path}/rsvp`)} novalidate class="stack">
            <CsrfField view={view} />
            <Honeypot view={view} />
            <TextField view={view} form={form} name="name" label={t.name} autocomplete="name" maxlength={100} />
            <TextField view={view} form={form} name="email" label={t.email} type="email" autocomplete="email" inputmode="email" maxlength={254} />
            <TextField view={view} form={form} name="zip" label={t.zip} autocomplete="postal-code" inputmode="numeric" maxlength={10} class="input-short" />
            <p class="fine-print">{t.privacy}</p>
            <button type="submit" class="button">
              {full ? t.waitlistButton : t.rsvpButton}
            </button>
          </form>
        </section>
      ) : null}
      {open ? <ShareBar view={view} url={view.absoluteUrl(event.path)} text={t.shareText(event.title)} /> : null}
    </Layout>
  );
}

export function EventMessagePage({
  view,
  title,
  body,
  extra,
  back,
  share,
}: {
  view: View;
  title: string;
  body: string;
  extra?: string;
  back?: { href: string; label: string };
  share?: { link: { url: string; count: number } | undefined; text: string };
}) {
  return (
    <Layout view={view} title={title} noindex scripts={share?.link ? ["share.js"] : undefined}>
      <h1>{title}</h1>
      <p>{body}</p>
      {extra ? <p>{extra}</p> : null}
      {share?.link ? <YourLink view={view} link={share.link} text={share.text} /> : null}
      {back ? (
        <p>
          <a href={back.href}>{back.label}</a>
        </p>
      ) : null}
    </Layout>
  );
}

export function CancelRsvpPage({ view, title, action }: { view: View; title: string; action: string }) {
  const t = view.t.events.cancelRsvp;
  return (
    <Layout view={view} title={t.title} noindex>
      <h1>{t.title}</h1>
      <p>{t.body(title)}</p>
      <form method="post" action={action}>
        <CsrfField view={view} />
        <button type="submit" class="button">
          {t.button}
        </button>
      </form>
    </Layout>
  );
}
