import type { Context } from "hono";
import { DomainError } from "../domain/errors.js";
import type { FormState } from "./components/form.js";
import { HONEYPOT_FIELD } from "./components/form.js";

/** A submitted form as plain strings (repeated fields as arrays), without the CSRF token. */
export async function readForm(c: Context): Promise<{ fields: Record<string, string>; all: (name: string) => string[]; isBot: boolean }> {
  const body = await c.req.parseBody({ all: true });
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) {
    if (name === "_csrf") continue;
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string") fields[name] = first;
  }
  return {
    fields,
    all: (name) => {
      const value = body[name];
      return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === "string");
    },
    isBot: Boolean(fields[HONEYPOT_FIELD]),
  };
}

/**
 * Run a domain action for a form; on "invalid", hand back the form state (values and per-field
 * reasons) so the page can be shown again with status 400 instead of losing what was typed.
 */
export async function submitForm<T>(
  fields: Record<string, string>,
  action: () => Promise<T>,
): Promise<{ ok: true; result: T } | { ok: false; form: FormState }> {
  try {
    return { ok: true, result: await action() };
  } catch (error) {
    if (error instanceof DomainError && error.code === "invalid") {
      const { [HONEYPOT_FIELD]: _ignored, ...values } = fields;
      return { ok: false, form: { values, errors: error.fieldErrors } };
    }
    throw error;
  }
}
