import { DataTable } from "../components/data-table.js";
import type { Child } from "hono/jsx";
import type { EventKind } from "../../db/schema/index.js";
import type { EventSummaryForAuthors } from "../../domain/events/event-summaries-for-authors.js";
import type { EventFields } from "../../domain/events/event-fields.js";
import type { EventAttendees } from "../../domain/events/list-event-attendees.js";
import type { EventsForStaff, StaffEventScope } from "../../domain/events/list-events-for-staff.js";
import type { GroupEventsForOrganizer } from "../../domain/events/list-group-events-for-organizer.js";
import { AdminLayout } from "../components/admin-layout.js";
import { EventForm } from "../components/event-form.js";
import { formatEventStart } from "../../lib/event-time.js";
import { CsrfField, ErrorSummary, Notice, TextArea, type FormState } from "../components/form.js";
import type { View } from "../view.js";
import { GroupFrame, groupBase } from "./organize-pages.js";

/** What the editor and cancel pages know about the event being changed (from getEventForEditing). */
export interface EventBeingEdited {
  id: number;
  groupId: number | null;
  path: string;
  status: "scheduled" | "cancelled";
  fields: EventFields;
  rsvps: { going: number; waitlisted: number };
}

export const organizerEventsBase = (groupId: number) => `${groupBase(groupId)}/events`;
export const STAFF_EVENTS_BASE = "/admin/events";

/** "Thursday, December 3, 2026, 7:00 PM (Central)": the saved wall-clock time, read back in the event's zone. */
function localWhen(view: View, fields: EventFields): string {
  const wallClock = new Date(`${fields.startsLocal}:00Z`);
  if (Number.isNaN(wallClock.getTime())) return fields.startsLocal;
  const text = wallClock.toLocaleString(view.locale === "es" ? "es-US" : "en-US", {
    weekday: "long",
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone: "UTC",
  });
  const zone = (view.t.eventsAdmin.form.timeZones as Record<string, string>)[fields.timeZone] ?? fields.timeZone;
  return `${text} (${zone})`;
}

function StatusLabel({ view, event, now }: { view: View; event: EventSummaryForAuthors; now: Date }) {
  const t = view.t.eventsAdmin.list;
  const parts: string[] = [t.statuses[event.status]];
  if (event.status === "scheduled" && event.startsAt <= now && now < event.endsAt) parts.push(t.statuses.live);
  if (event.featured && event.group === null && event.status === "scheduled") parts.push(t.statuses.featured);
  return <>{parts.join(" · ")}</>;
}

/**
 * Events in a table: title (to its public page), when, who is coming, status, and the actions
 * (edit, cancel; for staff, feature on the home page). `base` is where the edit/cancel paths start.
 */
function EventsTable({
  view,
  id,
  caption,
  events,
  base,
  now,
  staff,
}: {
  view: View;
  id: string;
  caption: string;
  events: EventSummaryForAuthors[];
  base: (event: EventSummaryForAuthors) => string;
  now: Date;
  staff: boolean;
}) {
  const t = view.t.eventsAdmin.list;
  const s = view.t.eventsAdmin.staff;
  return (
    <DataTable label={caption} id={id} caption="hidden" class="events-table" columns={[t.columns.event, t.columns.actions, t.columns.status, t.columns.rsvps, staff ? t.columns.group : null]}>
      {events.map((event) => {
        const canFeature = staff && event.group === null && event.status === "scheduled" && now < event.endsAt;
        return (
          <tr data-event-id={String(event.id)}>
            <th scope="row">
              <a href={view.href(event.path)}>{event.title}</a>
              <br />
              <span class="fine-print">
                {view.t.eventsAdmin.form.kinds[event.kind]} · {formatEventStart(view.locale, event.startsAt, event.timeZone)}
              </span>
            </th>
            <td>
              <ul class="event-actions">
                <li>
                  <a href={view.href(`${base(event)}/${event.id}/edit`)} aria-label={t.editNamed(event.title)}>
                    {t.edit}
                  </a>
                </li>
                <li>
                  <a href={view.href(`${base(event)}/${event.id}/attendees`)} aria-label={t.attendeesNamed(event.title)}>
                    {t.attendees}
                  </a>
                </li>
                {event.status === "scheduled" && now < event.endsAt ? (
                  <li>
                    <a href={view.href(`${base(event)}/${event.id}/cancel`)} aria-label={t.cancelNamed(event.title)}>
                      {t.cancel}
                    </a>
                  </li>
                ) : null}
                {canFeature ? (
                  <li>
                    {event.featured ? (
                      <form method="post" action={view.href(`${STAFF_EVENTS_BASE}/unfeature`)}>
                        <CsrfField view={view} />
                        <button type="submit" class="button-secondary">
                          {s.unfeature}
                        </button>
                      </form>
                    ) : (
                      <form method="post" action={view.href(`${STAFF_EVENTS_BASE}/${event.id}/feature`)}>
                        <CsrfField view={view} />
                        <button type="submit" class="button-secondary" aria-label={s.featureNamed(event.title)}>
                          {s.feature}
                        </button>
                      </form>
                    )}
                  </li>
                ) : null}
              </ul>
            </td>
            <td>
              <StatusLabel view={view} event={event} now={now} />
            </td>
            <td>{t.rsvps(event.rsvps.going, event.rsvps.waitlisted)}</td>
            {staff ? <td>{event.group ? event.group.name : t.national}</td> : null}
          </tr>
        );
      })}
    
    </DataTable>
  );
}

function UpcomingAndPast({
  view,
  upcoming,
  past,
  base,
  now,
  staff,
}: {
  view: View;
  upcoming: EventSummaryForAuthors[];
  past: EventSummaryForAuthors[];
  base: (event: EventSummaryForAuthors) => string;
  now: Date;
  staff: boolean;
}) {
  const t = view.t.eventsAdmin.list;
  return (
    <>
      <h2 id="upcoming-heading">{t.upcomingHeading}</h2>
      {upcoming.length === 0 ? <p>{t.noUpcoming}</p> : <EventsTable view={view} id="upcoming-events" caption={t.upcomingHeading} events={upcoming} base={base} now={now} staff={staff} />}
      <h2 id="past-heading">{t.pastHeading}</h2>
      {past.length === 0 ? <p>{t.noPast}</p> : <EventsTable view={view} id="past-events" caption={t.pastHeading} events={past} base={base} now={now} staff={staff} />}
    </>
  );
}

/** /organize/groups/:id/events */
export function OrganizerEventsPage({ view, list, now, notice }: { view: View; list: GroupEventsForOrganizer; now: Date; notice?: string | undefined }) {
  const t = view.t.eventsAdmin.list;
  const base = organizerEventsBase(list.group.id);
  return (
    <GroupFrame view={view} group={list.group} section="events">
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <p>{t.lead}</p>
      <p>
        <a class="button" href={view.href(`${base}/new`)}>
          {t.newEvent}
        </a>
      </p>
      <UpcomingAndPast view={view} upcoming={list.upcoming} past={list.past} base={() => base} now={now} staff={false} />
    </GroupFrame>
  );
}

/** What the editor shows above the form of an existing event: its public page, who is told of changes, the way to cancel it. */
function EditIntro({ view, event, cancelPath, notice }: { view: View; event: EventBeingEdited; cancelPath: string; notice?: string | undefined }) {
  const t = view.t.eventsAdmin;
  const attendees = event.rsvps.going + event.rsvps.waitlisted;
  return (
    <>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <p>
        <a href={view.href(event.path)}>{t.list.publicPage}</a>
        {event.status === "scheduled" ? (
          <>
            {" · "}
            <a href={view.href(cancelPath)}>{t.cancelTitle}</a>
          </>
        ) : null}
      </p>
      {event.status === "cancelled" ? <Notice>{t.cancelledNote}</Notice> : null}
      <p class="list-notice" id="attendees-note">
        {t.attendeesNote(attendees)}
      </p>
    </>
  );
}

/** The confirm step before cancelling: who will be told, and an optional reason for them. */
function CancelBody({ view, event, action, back, form }: { view: View; event: EventBeingEdited; action: string; back: string; form: FormState }) {
  const t = view.t.eventsAdmin;
  if (event.status === "cancelled") {
    return (
      <>
        <Notice>{t.alreadyCancelled}</Notice>
        <p>
          <a href={view.href(back)}>{t.list.title}</a>
        </p>
      </>
    );
  }
  return (
    <>
      <p class="lead">{t.cancelLead(event.fields.title, localWhen(view, event.fields))}</p>
      <p>{t.cancelWhoIsTold(event.rsvps.going + event.rsvps.waitlisted)}</p>
      <ErrorSummary view={view} form={form} labels={{ reason: t.reasonLabel }} />
      <form method="post" action={view.href(action)} novalidate class="stack" id="cancel-event-form">
        <CsrfField view={view} />
        <TextArea view={view} form={form} name="reason" label={t.reasonLabel} hint={t.reasonHint} rows={3} maxlength={1000} />
        <div class="form-actions">
          <button type="submit" class="button">
            {t.confirmCancel}
          </button>
          <a href={view.href(back)}>{t.keepIt}</a>
        </div>
      </form>
    </>
  );
}

function OrganizerEventFrame({ view, group, title, children }: { view: View; group: { id: number; name: string }; title: string; children?: Child }) {
  return (
    <GroupFrame view={view} group={group} section="events" title={title}>
      {children}
    </GroupFrame>
  );
}

/** /organize/groups/:id/events/new */
export function OrganizerNewEventPage({ view, group, form }: { view: View; group: { id: number; name: string }; form: FormState }) {
  const t = view.t.eventsAdmin;
  return (
    <OrganizerEventFrame view={view} group={group} title={t.newTitle}>
      <EventForm view={view} form={form} action={`${organizerEventsBase(group.id)}/new`} kinds={["meeting"]} submitLabel={t.form.createButton} />
    </OrganizerEventFrame>
  );
}

/** /organize/groups/:id/events/:eventId/edit */
export function OrganizerEditEventPage({ view, group, event, form, notice }: { view: View; group: { id: number; name: string }; event: EventBeingEdited; form: FormState; notice?: string | undefined }) {
  const t = view.t.eventsAdmin;
  const base = `${organizerEventsBase(group.id)}/${event.id}`;
  return (
    <OrganizerEventFrame view={view} group={group} title={t.editTitle}>
      <EditIntro view={view} event={event} cancelPath={`${base}/cancel`} notice={notice} />
      <EventForm view={view} form={form} action={`${base}/edit`} kinds={["meeting"]} submitLabel={t.form.saveButton} />
    </OrganizerEventFrame>
  );
}

/** /organize/groups/:id/events/:eventId/cancel */
export function OrganizerCancelEventPage({ view, group, event, form }: { view: View; group: { id: number; name: string }; event: EventBeingEdited; form: FormState }) {
  const base = organizerEventsBase(group.id);
  return (
    <OrganizerEventFrame view={view} group={group} title={view.t.eventsAdmin.cancelTitle}>
      <CancelBody view={view} event={event} action={`${base}/${event.id}/cancel`} back={base} form={form} />
    </OrganizerEventFrame>
  );
}

/** /admin/events */
export function StaffEventsPage({ view, list, now, notice }: { view: View; list: EventsForStaff; now: Date; notice?: string | undefined }) {
  const t = view.t.eventsAdmin.staff;
  return (
    <AdminLayout view={view} title={t.title} section="events">
      <h1>{t.title}</h1>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <p class="lead">{t.lead}</p>
      <p>
        <a class="button" href={view.href(`${STAFF_EVENTS_BASE}/new`)}>
          {t.newNational}
        </a>
      </p>
      <p class="fine-print">{t.featureHint}</p>
      <form method="get" action={view.href(STAFF_EVENTS_BASE)} class="admin-filters" aria-label={t.scopeLabel}>
        <div class="field">
          <label for="field-scope">{t.scopeLabel}</label>
          <select id="field-scope" name="scope">
            {(["all", "national", "groups"] as StaffEventScope[]).map((scope) => (
              <option value={scope} selected={scope === list.scope}>
                {t.scopes[scope]}
              </option>
            ))}
          </select>
        </div>
        {view.href("/") !== "/" ? <input type="hidden" name="lang" value={view.locale} /> : null}
        <div class="field">
          <button type="submit" class="button-secondary">
            {t.show}
          </button>
        </div>
      </form>
      <UpcomingAndPast view={view} upcoming={list.upcoming} past={list.past} base={() => STAFF_EVENTS_BASE} now={now} staff={true} />
    </AdminLayout>
  );
}

function StaffEventFrame({ view, title, children }: { view: View; title: string; children?: Child }) {
  return (
    <AdminLayout view={view} title={title} section="events">
      <p class="fine-print">
        <a href={view.href(STAFF_EVENTS_BASE)}>{view.t.eventsAdmin.staff.title}</a>
      </p>
      <h1>{title}</h1>
      {children}
    </AdminLayout>
  );
}

/** /admin/events/new: a national event. */
export function StaffNewEventPage({ view, form, kinds }: { view: View; form: FormState; kinds: readonly EventKind[] }) {
  const t = view.t.eventsAdmin;
  return (
    <StaffEventFrame view={view} title={t.newNationalTitle}>
      <EventForm view={view} form={form} action={`${STAFF_EVENTS_BASE}/new`} kinds={kinds} submitLabel={t.form.createButton} />
    </StaffEventFrame>
  );
}

/** /admin/events/:id/edit: any event, national or a group's. */
export function StaffEditEventPage({ view, event, form, kinds, notice }: { view: View; event: EventBeingEdited; form: FormState; kinds: readonly EventKind[]; notice?: string | undefined }) {
  const t = view.t.eventsAdmin;
  const base = `${STAFF_EVENTS_BASE}/${event.id}`;
  return (
    <StaffEventFrame view={view} title={t.editTitle}>
      <EditIntro view={view} event={event} cancelPath={`${base}/cancel`} notice={notice} />
      <EventForm view={view} form={form} action={`${base}/edit`} kinds={kinds} submitLabel={t.form.saveButton} />
    </StaffEventFrame>
  );
}

/** /admin/events/:id/cancel */
export function StaffCancelEventPage({ view, event, form }: { view: View; event: EventBeingEdited; form: FormState }) {
  return (
    <StaffEventFrame view={view} title={view.t.eventsAdmin.cancelTitle}>
      <CancelBody view={view} event={event} action={`${STAFF_EVENTS_BASE}/${event.id}/cancel`} back={STAFF_EVENTS_BASE} form={form} />
    </StaffEventFrame>
  );
}

/** The attendee list and its CSV download; `base` is the page's own path (organizer or staff). */
function AttendeesBody({ view, list, base, back }: { view: View; list: EventAttendees; base: string; back: string }) {
  const t = view.t.eventsAdmin.attendees;
  const going = list.attendees.filter((a) => a.status === "going").length;
  return (
    <>
      <p class="lead">{t.lead}</p>
      {list.includesEmail ? null : <p class="fine-print">{t.noEmailNote}</p>}
      <p role="status">{t.counts(going, list.attendees.length - going)}</p>
      {list.attendees.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <>
          <DataTable label={t.caption} id="attendees" caption="visible" columns={[t.columns.name, list.includesEmail ? t.columns.email : null, t.columns.zip, t.columns.status, t.columns.since]}>
            {list.attendees.map((a) => (
              <tr>
                <th scope="row">{a.name}</th>
                {list.includesEmail ? <td>{a.email}</td> : null}
                <td>{a.zip ?? ""}</td>
                <td>{t.statuses[a.status]}</td>
                <td>{formatEventStart(view.locale, a.since, list.event.timeZone)}</td>
              </tr>
            ))}
          
          </DataTable>
          <p>
            <a href={view.href(`${base}.csv`)} download>
              {t.download}
            </a>
          </p>
        </>
      )}
      <p>
        <a href={view.href(list.event.path)}>{t.publicPage}</a>
        {" · "}
        <a href={view.href(back)}>{t.back}</a>
      </p>
    </>
  );
}

/** /organize/groups/:id/events/:eventId/attendees */
export function OrganizerAttendeesPage({ view, group, list }: { view: View; group: { id: number; name: string }; list: EventAttendees }) {
  const base = organizerEventsBase(group.id);
  return (
    <OrganizerEventFrame view={view} group={group} title={view.t.eventsAdmin.attendees.title(list.event.title)}>
      <AttendeesBody view={view} list={list} base={`${base}/${list.event.id}/attendees`} back={base} />
    </OrganizerEventFrame>
  );
}

/** /admin/events/:eventId/attendees */
export function StaffAttendeesPage({ view, list }: { view: View; list: EventAttendees }) {
  const title = view.t.eventsAdmin.attendees.title(list.event.title);
  return (
    <AdminLayout view={view} title={title} section="events">
      <h1>{title}</h1>
      <AttendeesBody view={view} list={list} base={`${STAFF_EVENTS_BASE}/${list.event.id}/attendees`} back={STAFF_EVENTS_BASE} />
    </AdminLayout>
  );
}
