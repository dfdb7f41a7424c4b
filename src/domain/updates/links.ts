import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { MailSettings } from "../context.js";

/**
 * Links we put in e-mail.
 *
 * Confirmation links carry a random single-use token; only its hash is stored.
 * Unsubscribe and preference links carry a signed, long-lived "manage" token
 * (`<personId>.<linkVersion>.<signature>`): every message needs one, so it is computed rather
 * than stored; bumping the person's linkVersion revokes every such link already sent.
 */
export function newConfirmToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string) {
  return createHash("sha256").update(token).digest("base64url");
}

export function manageToken(secretKey: string, personId: number, linkVersion: number) {
  return `${personId}.${linkVersion}.${sign(secretKey, personId, linkVersion)}`;
}

/** The person and link version a manage token names, or undefined when it was not signed by us. */
export function readManageToken(secretKey: string, token: string): { personId: number; linkVersion: number } | undefined {
  const match = /^(\d{1,10})\.(\d{1,6})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!match) return undefined;
  const personId = Number(match[1]);
  const linkVersion = Number(match[2]);
  const expected = Buffer.from(sign(secretKey, personId, linkVersion));
  const given = Buffer.from(match[3]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { personId, linkVersion } : undefined;
}

function sign(secretKey: string, personId: number, linkVersion: number) {
  return createHmac("sha256", secretKey).update(`manage:${personId}:${linkVersion}`).digest("base64url").slice(0, 32);
}

export function mailLinks(settings: Pick<MailSettings, "publicUrl" | "secretKey">) {
  const base = settings.publicUrl;
  return {
    confirm: (token: string) => `${base}/updates/confirm/${token}`,
    unsubscribe: (personId: number, linkVersion: number, list: string) =>
      `${base}/unsubscribe/${manageToken(settings.secretKey, personId, linkVersion)}?list=${encodeURIComponent(list)}`,
    preferences: (personId: number, linkVersion: number) =>
      `${base}/preferences/${manageToken(settings.secretKey, personId, linkVersion)}`,
    groups: () => `${base}/groups`,
  };
}
