import type { FieldErrors } from "../errors.js";
import { normalizeZip } from "../places/lookup-zip.js";
import { validateEmail } from "../updates/validate-email.js";

/** A US phone number as 10 digits ("612-555-0123", "(612) 555 0123", "+1 612 555 0123"), or undefined. */
export function normalizePhone(value: string): string | undefined {
  const digits = value.replace(/[\s().+-]/g, "");
  if (!/^1?\d{10}$/.test(digits)) return undefined;
  const ten = digits.slice(-10);
  return `${ten.slice(0, 3)}-${ten.slice(3, 6)}-${ten.slice(6)}`;
}

export interface PersonFields {
  name: string;
  email: string;
  zip: string;
  phone?: string;
}

/**
 * The checks every "who are you" form shares (sign up, join, found a group). Returns the cleaned
 * values and the reasons per field; the caller adds its own fields' reasons before refusing.
 */
export function validatePersonFields(input: PersonFields, errors: FieldErrors) {
  const name = input.name.trim();
  if (!name) errors.name = "required";
  else if (name.length > 100) errors.name = "too_long";
  const emailProblem = validateEmail(input.email);
  if (emailProblem) errors.email = emailProblem;
  const zip = normalizeZip(input.zip);
  if (!input.zip.trim()) errors.zip = "required";
  else if (!zip) errors.zip = "invalid_zip";
  let phone: string | undefined;
  if (input.phone?.trim()) {
    phone = normalizePhone(input.phone);
    if (!phone) errors.phone = "invalid_phone";
  }
  return { name, email: input.email.trim(), zip, phone };
}

export function requireText(value: string | undefined, field: string, max: number, errors: FieldErrors, required = true) {
  const text = (value ?? "").trim();
  if (!text && required) errors[field] = "required";
  else if (text.length > max) errors[field] = "too_long";
  return text;
}
