import type { EventKind } from "../../db/schema/index.js";
import { EVENT_FIELD_NAMES, type EventFields } from "../../domain/events/event-fields.js";
import { US_TIME_ZONES } from "../../domain/events/time-zones.js";
import type { View } from "../view.js";
import { CsrfField, ErrorSummary, RadioGroup, TextArea, TextField, type FormState } from "./form.js";

/** Kinds staff choose from for a national event; a group's event is always a meeting. */
export const NATIONAL_EVENT_KINDS: readonly EventKind[] = ["conference", "call_in_day", "training"];

/** The form's values as the contract's EventFields: every field present, as a string. */
export function eventFieldsFrom(values: Record<string, string>): EventFields {
  return Object.fromEntries(EVENT_FIELD_NAMES.map((name) => [name, (values[name] ?? "").trim()])) as unknown as EventFields;
}

/** What a new event's form starts with. */
export function newEventValues(kind: EventKind, timeZone: string = "America/New_York"): Record<string, string> {
  return { kind, timeZone, format: kind === "meeting" ? "in_person" : "online" };
}

/** Field name → label, for the error summary at the top. */
export function eventFieldLabels(view: View): Record<keyof EventFields, string> {
  const t = view.t.eventsAdmin.form;
  return {
    title: t.titleLabel,
    kind: t.kindLegend,
    description: t.descriptionLabel,
    startsLocal: t.startsLabel,
    endsLocal: t.endsLabel,
    timeZone: t.timeZoneLabel,
    format: t.formatLegend,
    venueName: t.venueLabel,
    address: t.addressLabel,
    city: t.cityLabel,
    state: t.stateLabel,
    zip: t.zipLabel,
    addressForAttendeesOnly: t.addressForAttendeesOnly,
    livestreamUrl: t.livestreamLabel,
    recordingUrl: t.recordingLabel,
    notesUrl: t.notesLabel,
    slidesUrl: t.slidesLabel,
    capacity: t.capacityLabel,
  };
}

function TimeZoneSelect({ view, form }: { view: View; form: FormState }) {
  const t = view.t.eventsAdmin.form;
  const code = form.errors.timeZone;
  const value = form.values.timeZone ?? "";
  // A zone saved earlier that is not in the list stays selectable, so saving never changes it silently.
  const zones: string[] = [...US_TIME_ZONES];
  if (value && !zones.includes(value)) zones.push(value);
  return (
    <div class={`field${code ? " field-error" : ""}`}>
      <label for="field-timeZone">{t.timeZoneLabel}</label>
      {code ? (
        <p class="error-message" id="error-timeZone">
          {view.t.forms.fieldErrors[code]}
        </p>
      ) : null}
      <select id="field-timeZone" name="timeZone" aria-invalid={code ? "true" : undefined} aria-describedby={code ? "error-timeZone" : undefined}>
        {zones.map((zone) => (
          <option value={zone} selected={zone === value}>
            {(t.timeZones as Record<string, string>)[zone] ?? zone}
          </option>
        ))}
      </select>
    </div>
  );
}

function AttendeesOnlyCheckbox({ view, form }: { view: View; form: FormState }) {
  const t = view.t.eventsAdmin.form;
  const code = form.errors.addressForAttendeesOnly;
  return (
    <div class={`field${code ? " field-error" : ""}`}>
      {code ? (
        <p class="error-message" id="error-addressForAttendeesOnly">
          {view.t.forms.fieldErrors[code]}
        </p>
      ) : null}
      <div class="choice">
        <input
          type="checkbox"
          id="field-addressForAttendeesOnly"
          name="addressForAttendeesOnly"
          value="yes"
          checked={form.values.addressForAttendeesOnly === "yes"}
          aria-describedby={["hint-addressForAttendeesOnly", code ? "error-addressForAttendeesOnly" : ""].filter(Boolean).join(" ")}
        />
        <label for="field-addressForAttendeesOnly">{t.addressForAttendeesOnly}</label>
      </div>
      <p class="hint" id="hint-addressForAttendeesOnly">
        {t.addressForAttendeesOnlyHint}
      </p>
    </div>
  );
}

/**
 * The one form for a group's meeting or a national event, new or edited. Plain HTML: every
 * field is always there (no script shows or hides parts), values and per-field errors come
 * back after a refused submission. `kinds` with one entry (a group's meeting) is sent hidden.
 */
export function EventForm({ view, form, action, kinds, submitLabel }: { view: View; form: FormState; action: string; kinds: readonly EventKind[]; submitLabel: string }) {
  const t = view.t.eventsAdmin.form;
  return (
    <>
      <ErrorSummary view={view} form={form} labels={eventFieldLabels(view)} />
      <form method="post" action={view.href(action)} novalidate class="stack event-form" id="event-form">
        <CsrfField view={view} />
        <TextField view={view} form={form} name="title" label={t.titleLabel} hint={t.titleHint} maxlength={200} />
        {kinds.length === 1 ? (
          <input type="hidden" name="kind" value={kinds[0]} />
        ) : (
          <RadioGroup view={view} form={form} name="kind" legend={t.kindLegend} options={kinds.map((kind) => ({ value: kind, label: t.kinds[kind] }))} />
        )}
        <TextArea view={view} form={form} name="description" label={t.descriptionLabel} hint={t.descriptionHint} rows={8} maxlength={10_000} />

        <fieldset class="field event-when">
          <legend>{t.whenLegend}</legend>
          <p class="hint">{t.whenHint}</p>
          <div class="event-when-row">
            <TextField view={view} form={form} name="startsLocal" type="datetime-local" label={t.startsLabel} />
            <TextField view={view} form={form} name="endsLocal" type="datetime-local" label={t.endsLabel} />
            <TimeZoneSelect view={view} form={form} />
          </div>
        </fieldset>

        <RadioGroup
          view={view}
          form={form}
          name="format"
          legend={t.formatLegend}
          options={(["in_person", "online", "hybrid"] as const).map((format) => ({ value: format, label: t.formats[format] }))}
        />

        <fieldset class="field">
          <legend>{t.placeLegend}</legend>
          <p class="hint">{t.placeHint}</p>
          <TextField view={view} form={form} name="venueName" label={t.venueLabel} hint={t.venueHint} maxlength={200} />
          <TextField view={view} form={form} name="address" label={t.addressLabel} autocomplete="off" maxlength={200} />
          <TextField view={view} form={form} name="city" label={t.cityLabel} autocomplete="off" maxlength={80} />
          <TextField view={view} form={form} name="state" label={t.stateLabel} hint={t.stateHint} autocomplete="off" maxlength={2} class="input-short" />
          <TextField view={view} form={form} name="zip" label={t.zipLabel} inputmode="numeric" autocomplete="off" maxlength={5} class="input-short" />
          <AttendeesOnlyCheckbox view={view} form={form} />
        </fieldset>

        <fieldset class="field">
          <legend>{t.onlineLegend}</legend>
          <TextField view={view} form={form} name="livestreamUrl" type="url" label={t.livestreamLabel} hint={t.livestreamHint} maxlength={500} />
        </fieldset>

        <TextField view={view} form={form} name="capacity" label={t.capacityLabel} hint={t.capacityHint} inputmode="numeric" maxlength={6} class="input-short" />

        <fieldset class="field">
          <legend>{t.afterLegend}</legend>
          <p class="hint">{t.afterHint}</p>
          <TextField view={view} form={form} name="recordingUrl" type="url" label={t.recordingLabel} maxlength={500} />
          <TextField view={view} form={form} name="notesUrl" type="url" label={t.notesLabel} maxlength={500} />
          <TextField view={view} form={form} name="slidesUrl" type="url" label={t.slidesLabel} maxlength={500} />
        </fieldset>

        <button type="submit" class="button">
          {submitLabel}
        </button>
      </form>
    </>
  );
}
