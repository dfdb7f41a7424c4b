import { exportEventAttendeesCsv } from "../../domain/events/export-event-attendees-csv.js";
import { listEventAttendees } from "../../domain/events/list-event-attendees.js";
import { Hono, type Context } from "hono";
import { cancelEvent } from "../../domain/events/cancel-event.js";
import { createEvent } from "../../domain/events/create-event.js";
import { getEventForEditing } from "../../domain/events/get-event-for-editing.js";
import { listEventsForStaff } from "../../domain/events/list-events-for-staff.js";
import { setFeaturedEvent } from "../../domain/events/set-featured-event.js";
import { updateEvent } from "../../domain/events/update-event.js";
import type { EventKind } from "../../db/schema/index.js";
import type { AppEnv } from "../../http/types.js";
import { eventFieldsFrom, NATIONAL_EVENT_KINDS, newEventValues } from "../components/event-form.js";
import { emptyForm, type FormState } from "../components/form.js";
import { readForm, submitForm } from "../forms.js";
import { STAFF_EVENTS_BASE, StaffAttendeesPage, StaffCancelEventPage, StaffEditEventPage, StaffEventsPage, StaffNewEventPage, type EventBeingEdited } from "../pages/event-authoring-pages.js";
import { renderPage, sendCsv } from "../render.js";
import { viewFor } from "../view.js";

const EVENT_PATH = `${STAFF_EVENTS_BASE}/:eventId{[0-9]{1,9}}`;
const eventIdParam = (c: Context<AppEnv>) => Number(c.req.param("eventId"));
const countParam = (c: Context<AppEnv>) => Math.max(0, Math.min(1_000_000, Number.parseInt(c.req.query("notified") ?? "0", 10) || 0));

/** A group's event stays a meeting; a national one is a conference, call-in day or training. */
const kindsFor = (event: { groupId: number | null }): readonly EventKind[] => (event.groupId === null ? NATIONAL_EVENT_KINDS : ["meeting"]);

const eventOf = (c: Context<AppEnv>): Promise<EventBeingEdited> => getEventForEditing({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, eventId: eventIdParam(c) } });

const toList = (c: Context<AppEnv>, query: string) => c.redirect(viewFor(c).href(`${STAFF_EVENTS_BASE}?${query}`), 303);

async function editPage(c: Context<AppEnv>, form?: FormState, status: 200 | 400 = 200) {
  const event = await eventOf(c);
  return renderPage(c, <StaffEditEventPage view={viewFor(c)} event={event} kinds={kindsFor(event)} form={form ?? emptyForm({ ...event.fields })} />, status);
}

async function cancelPage(c: Context<AppEnv>, form?: FormState, status: 200 | 400 = 200) {
  return renderPage(c, <StaffCancelEventPage view={viewFor(c)} event={await eventOf(c)} form={form ?? emptyForm()} />, status);
}

/**
 * /admin/events: every event; national events (created here), editing and cancelling any event,
 * and the one event featured on the home page. Mounted by admin/index.tsx behind sign-in and
 * "administer"; the domain actions authorize again.
 */
export const eventsAdminRoutes = new Hono<AppEnv>()
  .get(STAFF_EVENTS_BASE, async (c) => {
    const ctx = c.var.deps.ctx;
    const list = await listEventsForStaff({ ctx, input: { actor: c.var.actor, scope: c.req.query("scope") } });
    const t = c.var.t.eventsAdmin;
    const done = c.req.query("done");
    const featured = list.upcoming.find((e) => e.featured && e.group === null && e.status === "scheduled");
    const notice =
      done === "created"
        ? t.created
        : done === "saved"
          ? t.savedNotified(countParam(c))
          : done === "cancelled"
            ? t.cancelled(countParam(c))
            : done === "featured" && featured
              ? t.staff.featured(featured.title)
              : done === "unfeatured"
                ? t.staff.unfeatured
                : undefined;
    return renderPage(c, <StaffEventsPage view={viewFor(c)} list={list} now={ctx.now()} notice={notice} />);
  })
  .get(`${STAFF_EVENTS_BASE}/new`, (c) => renderPage(c, <StaffNewEventPage view={viewFor(c)} kinds={NATIONAL_EVENT_KINDS} form={emptyForm(newEventValues("conference"))} />))
  .post(`${STAFF_EVENTS_BASE}/new`, async (c) => {
    const { fields } = await readForm(c);
    const outcome = await submitForm(fields, () => createEvent({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, groupId: null, fields: eventFieldsFrom(fields) } }));
    if (!outcome.ok) return renderPage(c, <StaffNewEventPage view={viewFor(c)} kinds={NATIONAL_EVENT_KINDS} form={outcome.form} />, 400);
    return toList(c, "done=created");
  })
  .post(`${STAFF_EVENTS_BASE}/unfeature`, async (c) => {
    await setFeaturedEvent({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, eventId: null } });
    return toList(c, "done=unfeatured");
  })
  .get(`${EVENT_PATH}/edit`, (c) => editPage(c))
  .post(`${EVENT_PATH}/edit`, async (c) => {
    const { fields } = await readForm(c);
    const outcome = await submitForm(fields, () => updateEvent({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, eventId: eventIdParam(c), fields: eventFieldsFrom(fields) } }));
    if (!outcome.ok) return editPage(c, outcome.form, 400);
    return toList(c, `done=saved&notified=${outcome.result.notified}`);
  })
  .get(`${EVENT_PATH}/attendees`, async (c) => {
    const list = await listEventAttendees({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, eventId: eventIdParam(c) } });
    return renderPage(c, <StaffAttendeesPage view={viewFor(c)} list={list} />);
  })
  .get(`${EVENT_PATH}/attendees.csv`, async (c) => {
    const { csv, filename } = await exportEventAttendeesCsv({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, eventId: eventIdParam(c) } });
    return sendCsv(c, csv, filename);
  })
  .get(`${EVENT_PATH}/cancel`, (c) => cancelPage(c))
  .post(`${EVENT_PATH}/cancel`, async (c) => {
    const { fields } = await readForm(c);
    const outcome = await submitForm(fields, () =>
      cancelEvent({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, eventId: eventIdParam(c), reason: (fields.reason ?? "").trim() || undefined } }),
    );
    if (!outcome.ok) return cancelPage(c, outcome.form, 400);
    return toList(c, `done=cancelled&notified=${outcome.result.notified}`);
  })
  .post(`${EVENT_PATH}/feature`, async (c) => {
    await setFeaturedEvent({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, eventId: eventIdParam(c) } });
    return toList(c, "done=featured");
  });
