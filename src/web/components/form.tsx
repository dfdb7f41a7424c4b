import type { Child } from "hono/jsx";
import type { FieldErrorCode, FieldErrors } from "../../domain/errors.js";
import type { View } from "../view.js";

/** Field values to re-render after a failed submission, and why each field was refused. */
export interface FormState {
  values: Record<string, string>;
  errors: FieldErrors;
}

export const emptyForm = (values: Record<string, string> = {}): FormState => ({ values, errors: {} });

export function CsrfField({ view }: { view: View }) {
  return <input type="hidden" name="_csrf" value={view.csrfToken} />;
}

/**
 * A field that people never see and bots fill in. Submissions with it filled are dropped
 * quietly (the bot sees the usual success page).
 */
export const HONEYPOT_FIELD = "website";
export function Honeypot({ view }: { view: View }) {
  return (
    <div class="hp" aria-hidden="true">
      <label for="hp-website">{view.t.forms.honeypotLabel}</label>
      <input id="hp-website" type="text" name={HONEYPOT_FIELD} tabindex={-1} autocomplete="off" />
    </div>
  );
}

/** The list of problems at the top of a refused form, each linking to its field (GOV.UK pattern). */
export function ErrorSummary({ view, form, labels }: { view: View; form: FormState; labels: Record<string, string> }) {
  const entries = Object.entries(form.errors).filter((e): e is [string, NonNullable<(typeof e)[1]>] => e[1] !== undefined);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">{view.t.forms.errorSummaryHeading}</h2>
      <ul>
        {entries.map(([field, code]) => (
          <li>
            <a href={`#field-${field}`}>
              {labels[field] ?? field}: {view.t.forms.fieldErrors[code]}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What a control needs to be tied to its label, hint and error. */
export interface FieldAria {
  id: string;
  "aria-invalid": "true" | undefined;
  "aria-describedby": string | undefined;
}

/**
 * Label, hint and error message of one field, wired to the control by id (GOV.UK pattern). The
 * control comes from `children(aria)`. `errorText` replaces the standard words for an error code
 * (undefined: show none under the field, when the page explains it elsewhere).
 */
export function Field(props: {
  view: View;
  form: FormState;
  name: string;
  label: string;
  hint?: string | undefined;
  errorText?: (code: FieldErrorCode) => string | undefined;
  children: (aria: FieldAria) => Child;
}) {
  const { form, name, hint } = props;
  const code = form.errors[name];
  const message = code ? (props.errorText ? props.errorText(code) : props.view.t.forms.fieldErrors[code]) : undefined;
  const describedBy = [hint ? `hint-${name}` : "", message ? `error-${name}` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class={`field${code ? " field-error" : ""}`}>
      <label for={`field-${name}`}>{props.label}</label>
      {hint ? (
        <p class="hint" id={`hint-${name}`}>
          {hint}
        </p>
      ) : null}
      {message ? (
        <p class="error-message" id={`error-${name}`}>
          {message}
        </p>
      ) : null}
      {props.children({ id: `field-${name}`, "aria-invalid": code ? "true" : undefined, "aria-describedby": describedBy })}
    </div>
  );
}

export function TextField(props: {
  view: View;
  form: FormState;
  name: string;
  label: string;
  type?: "text" | "email" | "tel" | "password" | "url" | "datetime-local";
  autocomplete?: string;
  inputmode?: "numeric" | "email" | "tel" | "text";
  hint?: string;
  maxlength?: number;
  class?: string;
}) {
  const { form, name } = props;
  return (
    <Field view={props.view} form={form} name={name} label={props.label} hint={props.hint}>
      {(aria) => (
        <input
          id={aria.id}
          name={name}
          type={props.type ?? "text"}
          value={form.values[name] ?? ""}
          autocomplete={props.autocomplete}
          inputmode={props.inputmode}
          maxlength={props.maxlength}
          class={props.class}
          aria-invalid={aria["aria-invalid"]}
          aria-describedby={aria["aria-describedby"]}
        />
      )}
    </Field>
  );
}

export function RadioGroup(props: {
  view: View;
  form: FormState;
  name: string;
  legend: string;
  options: { value: string; label: string }[];
}) {
  const { view, form, name } = props;
  const code = form.errors[name];
  return (
    <fieldset class={`field${code ? " field-error" : ""}`} id={`field-${name}`} aria-describedby={code ? `error-${name}` : undefined}>
      <legend>{props.legend}</legend>
      {code ? (
        <p class="error-message" id={`error-${name}`}>
          {view.t.forms.fieldErrors[code]}
        </p>
      ) : null}
      {props.options.map((option) => (
        <div class="choice">
          <input
            type="radio"
            id={`field-${name}-${option.value}`}
            name={name}
            value={option.value}
            checked={form.values[name] === option.value}
          />
          <label for={`field-${name}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

export function Notice({ children, kind = "info" }: { children?: Child; kind?: "info" | "success" }) {
  return (
    <div class={`notice notice-${kind}`} role="status">
      {children}
    </div>
  );
}

export function TextArea(props: { view: View; form: FormState; name: string; label: string; hint?: string; rows?: number; maxlength?: number }) {
  const { form, name } = props;
  return (
    <Field view={props.view} form={form} name={name} label={props.label} hint={props.hint}>
      {(aria) => (
        <textarea id={aria.id} name={name} rows={props.rows ?? 5} maxlength={props.maxlength} aria-invalid={aria["aria-invalid"]} aria-describedby={aria["aria-describedby"]}>
          {form.values[name] ?? ""}
        </textarea>
      )}
    </Field>
  );
}

export function Checkbox({ form, name, label }: { form: FormState; name: string; label: string }) {
  return (
    <div class="choice">
      <input type="checkbox" id={`field-${name}`} name={name} value="yes" checked={form.values[name] === "yes"} />
      <label for={`field-${name}`}>{label}</label>
    </div>
  );
}

/**
 * The name, e-mail and ZIP code every "who are you" form asks for (checked by
 * src/domain/people/validate-person-fields.ts), with the same labels, autocomplete and limits.
 */
export function PersonFields({ view, form, zipHint }: { view: View; form: FormState; zipHint?: string | undefined }) {
  const u = view.t.updates;
  return (
    <>
      <TextField view={view} form={form} name="name" label={u.name} autocomplete="name" maxlength={100} />
      <TextField view={view} form={form} name="email" label={u.email} type="email" autocomplete="email" inputmode="email" maxlength={254} />
      <TextField view={view} form={form} name="zip" label={u.zip} hint={zipHint} autocomplete="postal-code" inputmode="numeric" maxlength={10} class="input-short" />
    </>
  );
}
