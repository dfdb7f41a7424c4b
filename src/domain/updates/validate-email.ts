import type { FieldErrorCode } from "../errors.js";

/**
 * A practical check, not RFC 5322: one @, a dot in the domain, no spaces, a sane length.
 * Typos like "gmail,com" are caught; exotic-but-valid addresses are not refused.
 */
export function validateEmail(value: string): FieldErrorCode | undefined {
  const email = value.trim();
  if (!email) return "required";
  if (email.length > 254) return "too_long";
  if (!/^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$/.test(email) || email.includes("..")) return "invalid_email";
  return undefined;
}
