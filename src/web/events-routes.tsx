import { Hono, type Context } from "hono";
import { cancelRsvp, checkRsvpLink } from "../domain/events/cancel-rsvp.js";
import { eventToICal } from "../domain/events/event-mail.js";
import { eventIdFromParam, eventPath, loadEvent } from "../domain/events/event-records.js";
import { getEvent, type PublicEvent } from "../domain/events/get-event.js";
import { listCalendarEvents, listEvents, listPastEvents } from "../domain/events/list-events.js";
import { rsvpToEvent } from "../domain/events/rsvp-to-event.js";
import { DomainError, notFound } from "../domain/errors.js";
import { getGroup } from "../domain/groups/get-group.js";
import { loadGroupDirectory } from "../domain/groups/group-directory.js";
import { rateLimit } from "../http/rate-limit.js";
import type { AppEnv } from "../http/types.js";
import { buildICalendar, googleCalendarUrl, outlookCalendarUrl } from "../lib/ical.js";
import { emptyForm, type FormState } from "./components/form.js";
import { readForm, submitForm } from "./forms.js";
import { limitPerEmail } from "./groups-routes.js";
import { CancelRsvpPage, EventMessagePage, EventPage, EventsListPage, PastEventsPage } from "./pages/events-pages.js";
import { creditAction, yourLink } from "./referrals.js";
import { renderPage } from "./render.js";
import { viewFor } from "./view.js";

/** "12-monthly-meeting" (the slug is optional and may be out of date: the id decides). */
const EVENT = ":ref{[0-9]{1,9}(?:-[a-z0-9-]*)?}";
/** Per address an hour: a whole meeting may RSVP over one Wi-Fi connection. */
const rsvpLimit = rateLimit({ bucket: "events-rsvp", limit: 100, windowSeconds: 3600 });

function eventId(c: Context<AppEnv>): number {
  const id = eventIdFromParam(c.req.param("ref") ?? "");
  if (id === undefined) throw notFound("No such event.");
  return id;
}

function calendarText(c: Context<AppEnv>, body: string, filename: string) {
  return c.body(body, 200, {
    "Content-Type": "text/calendar; charset=utf-8",
    "Content-Disposition": `attachment; filename="${filename}"`,
    "Cache-Control": "public, max-age=300",
  });
}

async function eventPage(c: Context<AppEnv>, form: FormState, status: 200 | 400 = 200) {
  const ctx = c.var.deps.ctx;
  const attendeeToken = c.req.query("a");
  const event = await getEvent({ ctx, input: { eventId: eventId(c), attendeeToken } });
  // An old or missing slug: one address per event (a form re-render keeps its URL).
  if (status === 200 && c.req.param("ref") !== `${event.id}-${event.slug}`) {
    const url = new URL(c.req.url);
    return c.redirect(`${event.path}${url.search}`, 301);
  }
  return renderPage(c, <EventPage view={viewFor(c)} event={event} form={form} calendar={calendarLinksFor(c, event)} />, status);
}

function calendarLinksFor(c: Context<AppEnv>, event: PublicEvent) {
  const publicUrl = c.var.deps.config.publicUrl;
  const page = `${publicUrl}${event.path}`;
  const details = [event.livestreamUrl && event.format !== "in_person" ? event.livestreamUrl : "", page].filter(Boolean).join("\n\n");
  const linkEvent = { title: event.title, start: event.startsAt, end: event.endsAt, details, location: event.locationText };
  const token = event.viewer && event.viewer.status !== "cancelled" ? `?a=${encodeURIComponent(event.viewer.token)}` : "";
  return { google: googleCalendarUrl(linkEvent), outlook: outlookCalendarUrl(linkEvent), ics: `${event.path}.ics${token}` };
}

export const eventsRoutes = new Hono<AppEnv>()
  .get("/events", async (c) => {
    const ctx = c.var.deps.ctx;
    const query = { state: c.req.query("state") ?? "", near: c.req.query("near") ?? "", miles: c.req.query("miles") ?? "" };
    const directory = await loadGroupDirectory(ctx);
    const states = directory.states;
    const outcome = await submitForm(query, () => listEvents({ ctx, input: query }));
    if (!outcome.ok) {
      // Bad filters: say why, and still list everything, so the page is never empty for a typo.
      const listing = await listEvents({ ctx, input: {} });
      return renderPage(c, <EventsListPage view={viewFor(c)} listing={listing} form={outcome.form} states={states} />, 400);
    }
    return renderPage(c, <EventsListPage view={viewFor(c)} listing={outcome.result} form={emptyForm(query)} states={states} />);
  })
  .get("/events.ics", async (c) => {
    const ctx = c.var.deps.ctx;
    const rows = await listCalendarEvents({ ctx, input: {} });
    const body = buildICalendar({
      name: c.var.t.events.feeds.allName,
      events: rows.map((row) => eventToICal(row, ctx.mail, { attendee: false, stamp: row.updatedAt })),
    });
    return calendarText(c, body, "everybody-in-events.ics");
  })
  .get("/groups/:state{[a-z]{2}}/:slug{[a-z0-9-]+}/events.ics", async (c) => {
    const ctx = c.var.deps.ctx;
    const group = await getGroup({ ctx, input: { state: c.req.param("state"), slug: c.req.param("slug") } });
    const rows = await listCalendarEvents({ ctx, input: { groupId: group.id } });
    const body = buildICalendar({
      name: c.var.t.events.feeds.groupName(group.name),
      events: rows.map((row) => eventToICal(row, ctx.mail, { attendee: false, stamp: row.updatedAt })),
    });
    return calendarText(c, body, `${group.slug}-events.ics`);
  })
  .get("/events/past", async (c) => {
    const result = await listPastEvents({ ctx: c.var.deps.ctx, input: { page: c.req.query("page") } });
    return renderPage(c, <PastEventsPage view={viewFor(c)} events={result.events} page={result.page} hasMore={result.hasMore} />);
  })
  .get("/events/:file{[0-9]{1,9}(?:-[a-z0-9-]*)?\\.ics}", async (c) => {
    const ctx = c.var.deps.ctx;
    const id = eventIdFromParam(c.req.param("file").replace(/\.ics$/, ""));
    if (id === undefined) throw notFound("No such event.");
    const event = await getEvent({ ctx, input: { eventId: id, attendeeToken: c.req.query("a") } });
    const row = await loadEvent(ctx, id);
    const attendee = event.viewer !== null && event.viewer.status !== "cancelled";
    const body = buildICalendar({ events: [eventToICal(row, ctx.mail, { attendee, stamp: row.updatedAt })] });
    return calendarText(c, body, `event-${id}.ics`);
  })
  .get(`/events/${EVENT}`, (c) => eventPage(c, emptyForm()))
  .post(`/events/${EVENT}/rsvp`, rsvpLimit, async (c) => {
    const ctx = c.var.deps.ctx;
    const id = eventId(c);
    const { fields, isBot } = await readForm(c);
    if (isBot) {
      const event = await loadEvent(ctx, id);
      return c.redirect(viewFor(c).href(`${eventPath(event)}/going`), 303);
    }
    await limitPerEmail(c, "rsvp-email", fields.email);
    let outcome;
    try {
      outcome = await submitForm(fields, () =>
        rsvpToEvent({ ctx, input: { eventId: id, name: fields.name ?? "", email: fields.email ?? "", zip: fields.zip ?? "", locale: c.var.locale } }),
      );
    } catch (error) {
      // Cancelled or over while the form was open: show the page, which says so.
      if (error instanceof DomainError && error.code === "conflict") return eventPage(c, emptyForm(), 400);
      throw error;
    }
    if (!outcome.ok) return eventPage(c, outcome.form, 400);
    await creditAction(c, { kind: "rsvp", subject: `event:${id}`, personId: outcome.result.personId });
    return c.redirect(viewFor(c).href(`${outcome.result.path}/${outcome.result.status === "waitlisted" ? "waitlisted" : "going"}`), 303);
  })
  .get(`/events/${EVENT}/:outcome{going|waitlisted}`, async (c) => {
    const ctx = c.var.deps.ctx;
    const event = await loadEvent(ctx, eventId(c));
    const path = eventPath(event);
    const t = c.var.t.events.rsvped;
    const going = c.req.param("outcome") === "going";
    const view = viewFor(c);
    const share = { link: await yourLink(c, path), text: c.var.t.events.page.shareText(event.title) };
    return renderPage(
      c,
      <EventMessagePage
        view={view}
        title={going ? t.goingTitle : t.waitlistedTitle}
        body={going ? t.goingBody(event.title) : t.waitlistedBody(event.title)}
        extra={t.checkMail}
        back={{ href: view.href(path), label: t.back }}
        share={share}
      />,
    );
  })
  .get(`/events/${EVENT}/cancel-rsvp/:token{[0-9]{1,10}\\.[A-Za-z0-9_-]{32}}`, async (c) => {
    const ctx = c.var.deps.ctx;
    const t = c.var.t.events.cancelRsvp;
    const view = viewFor(c);
    try {
      const { event } = await checkRsvpLink({ ctx, input: { eventId: eventId(c), token: c.req.param("token") } });
      return renderPage(c, <CancelRsvpPage view={view} title={event.title} action={view.href(c.req.path)} />);
    } catch (error) {
      if (error instanceof DomainError && error.code === "not_found") {
        return renderPage(c, <EventMessagePage view={view} title={t.invalidTitle} body={t.invalidBody} />, 404);
      }
      throw error;
    }
  })
  .post(`/events/${EVENT}/cancel-rsvp/:token{[0-9]{1,10}\\.[A-Za-z0-9_-]{32}}`, async (c) => {
    const ctx = c.var.deps.ctx;
    const t = c.var.t.events.cancelRsvp;
    const view = viewFor(c);
    try {
      const { title, path } = await cancelRsvp({ ctx, input: { eventId: eventId(c), token: c.req.param("token") } });
      return renderPage(c, <EventMessagePage view={view} title={t.doneTitle} body={t.doneBody(title)} back={{ href: view.href(path), label: c.var.t.events.rsvped.back }} />);
    } catch (error) {
      if (error instanceof DomainError && error.code === "not_found") {
        return renderPage(c, <EventMessagePage view={view} title={t.invalidTitle} body={t.invalidBody} />, 404);
      }
      throw error;
    }
  });
