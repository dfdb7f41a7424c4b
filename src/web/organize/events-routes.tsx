import { Hono, type Context } from "hono";
import { cancelEvent } from "../../domain/events/cancel-event.js";
import { createEvent } from "../../domain/events/create-event.js";
import { exportEventAttendeesCsv } from "../../domain/events/export-event-attendees-csv.js";
import { getEventForEditing } from "../../domain/events/get-event-for-editing.js";
import { listEventAttendees } from "../../domain/events/list-event-attendees.js";
import { listGroupEventsForOrganizer } from "../../domain/events/list-group-events-for-organizer.js";
import { updateEvent } from "../../domain/events/update-event.js";
import { notFound } from "../../domain/errors.js";
import { getGroupForEditing } from "../../domain/organize/get-group-for-editing.js";
import type { AppEnv } from "../../http/types.js";
import { eventFieldsFrom, newEventValues } from "../components/event-form.js";
import { emptyForm, type FormState } from "../components/form.js";
import { readForm, submitForm } from "../forms.js";
import { OrganizerAttendeesPage, OrganizerCancelEventPage, OrganizerEditEventPage, OrganizerEventsPage, OrganizerNewEventPage, organizerEventsBase } from "../pages/event-authoring-pages.js";
import { renderPage, sendCsv } from "../render.js";
import { viewFor } from "../view.js";
import { GROUP_PATH, groupIdParam } from "./groups-routes.js";

const EVENTS_PATH = `${GROUP_PATH}/events`;
const EVENT_PATH = `${EVENTS_PATH}/:eventId{[0-9]{1,9}}`;
const eventIdParam = (c: Context<AppEnv>) => Number(c.req.param("eventId"));

/** A number from the query string for a notice ("we are e-mailing 12 people"), or 0. */
const countParam = (c: Context<AppEnv>) => Math.max(0, Math.min(1_000_000, Number.parseInt(c.req.query("notified") ?? "0", 10) || 0));

/** The group in the URL (the domain checks the actor manages it). */
const groupOf = async (c: Context<AppEnv>) => {
  const group = await getGroupForEditing({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, groupId: groupIdParam(c) } });
  return { id: group.id, name: group.name };
};

/**
 * The event in the URL, as its editors see it. An event of another group is "not found" here,
 * even for someone who may manage both: the URL names one group and its events only.
 */
async function eventOf(c: Context<AppEnv>) {
  const event = await getEventForEditing({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, eventId: eventIdParam(c) } });
  if (event.groupId !== groupIdParam(c)) throw notFound(`Event ${event.id} is not one of this group's events.`);
  return event;
}

const toList = (c: Context<AppEnv>, query: string) => c.redirect(viewFor(c).href(`${organizerEventsBase(groupIdParam(c))}?${query}`), 303);

async function editPage(c: Context<AppEnv>, form?: FormState, status: 200 | 400 = 200) {
  const [group, event] = await Promise.all([groupOf(c), eventOf(c)]);
  return renderPage(c, <OrganizerEditEventPage view={viewFor(c)} group={group} event={event} form={form ?? emptyForm({ ...event.fields })} />, status);
}

async function cancelPage(c: Context<AppEnv>, form?: FormState, status: 200 | 400 = 200) {
  const [group, event] = await Promise.all([groupOf(c), eventOf(c)]);
  return renderPage(c, <OrganizerCancelEventPage view={viewFor(c)} group={group} event={event} form={form ?? emptyForm()} />, status);
}

/**
 * /organize/groups/:id/events: a group's events, and writing, editing and cancelling them.
 * Behind sign-in and "manage-group" for the group in the URL (organize/index.tsx); each domain
 * action authorizes again for the event itself.
 */
export const organizeEventsRoutes = new Hono<AppEnv>()
  .get(EVENTS_PATH, async (c) => {
    const ctx = c.var.deps.ctx;
    const list = await listGroupEventsForOrganizer({ ctx, input: { actor: c.var.actor, groupId: groupIdParam(c) } });
    const t = c.var.t.eventsAdmin;
    const done = c.req.query("done");
    const notice = done === "created" ? t.created : done === "saved" ? t.savedNotified(countParam(c)) : done === "cancelled" ? t.cancelled(countParam(c)) : undefined;
    return renderPage(c, <OrganizerEventsPage view={viewFor(c)} list={list} now={ctx.now()} notice={notice} />);
  })
  .get(`${EVENTS_PATH}/new`, async (c) => {
    const group = await groupOf(c);
    return renderPage(c, <OrganizerNewEventPage view={viewFor(c)} group={group} form={emptyForm(newEventValues("meeting"))} />);
  })
  .post(`${EVENTS_PATH}/new`, async (c) => {
    const { fields } = await readForm(c);
    const outcome = await submitForm(fields, () =>
      createEvent({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, groupId: groupIdParam(c), fields: eventFieldsFrom(fields) } }),
    );
    if (!outcome.ok) return renderPage(c, <OrganizerNewEventPage view={viewFor(c)} group={await groupOf(c)} form={outcome.form} />, 400);
    return toList(c, "done=created");
  })
  .get(`${EVENT_PATH}/edit`, (c) => editPage(c))
  .post(`${EVENT_PATH}/edit`, async (c) => {
    const { fields } = await readForm(c);
    await eventOf(c);
    const outcome = await submitForm(fields, () =>
      updateEvent({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, eventId: eventIdParam(c), fields: eventFieldsFrom(fields) } }),
    );
    if (!outcome.ok) return editPage(c, outcome.form, 400);
    return toList(c, `done=saved&notified=${outcome.result.notified}`);
  })
  .get(`${EVENT_PATH}/attendees`, async (c) => {
    await eventOf(c);
    const [group, list] = await Promise.all([groupOf(c), listEventAttendees({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, eventId: eventIdParam(c) } })]);
    return renderPage(c, <OrganizerAttendeesPage view={viewFor(c)} group={group} list={list} />);
  })
  .get(`${EVENT_PATH}/attendees.csv`, async (c) => {
    await eventOf(c);
    const { csv, filename } = await exportEventAttendeesCsv({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, eventId: eventIdParam(c) } });
    return sendCsv(c, csv, filename);
  })
  .get(`${EVENT_PATH}/cancel`, (c) => cancelPage(c))
  .post(`${EVENT_PATH}/cancel`, async (c) => {
    const { fields } = await readForm(c);
    await eventOf(c);
    const outcome = await submitForm(fields, () =>
      cancelEvent({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, eventId: eventIdParam(c), reason: (fields.reason ?? "").trim() || undefined } }),
    );
    if (!outcome.ok) return cancelPage(c, outcome.form, 400);
    return toList(c, `done=cancelled&notified=${outcome.result.notified}`);
  });
