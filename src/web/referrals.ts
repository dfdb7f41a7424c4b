import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { AttributionKind } from "../db/schema/index.js";
import { countReferrals } from "../domain/referrals/count-referrals.js";
import { ensureReferralCode } from "../domain/referrals/ensure-referral-code.js";
import { isEmptySource, isReferralCode, parseTrafficSource, type TrafficSource } from "../domain/referrals/referral-code.js";
import { recordAttribution } from "../domain/referrals/record-attribution.js";
import type { AppEnv } from "../http/types.js";

/** Where the current visit came from (last link with ?ref= or utm_* in the past 30 days). */
export const SOURCE_COOKIE = "ei_src";
/** This browser's own share code, so thank-you pages can show "N people joined through your link". */
export const OWN_CODE_COOKIE = "ei_me";
const THIRTY_DAYS = 30 * 24 * 3600;
const ONE_YEAR = 365 * 24 * 3600;
/** Hidden form fields that carry the source where cookies cannot (inside a partner site's iframe). */
export const SOURCE_FIELDS = { ref: "ref", utmSource: "utm_source", utmCampaign: "utm_campaign" } as const;

function cookieOptions(c: Context<AppEnv>, maxAge: number) {
  return { path: "/", maxAge, httpOnly: true, sameSite: "Lax" as const, secure: c.var.deps.config.isProduction };
}

const encodeSource = (s: TrafficSource) => [s.referralCode ?? "", s.utmSource ?? "", s.utmCampaign ?? ""].join("~");
function decodeSource(value: string | undefined): TrafficSource {
  const [ref, utmSource, utmCampaign] = (value ?? "").split("~");
  return parseTrafficSource({ ref: ref || undefined, utmSource: utmSource || undefined, utmCampaign: utmCampaign || undefined });
}

/** The source named in a query string or form, if any of its three fields is there. */
function sourceIn(values: Record<string, unknown>): TrafficSource | undefined {
  const pick = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : undefined);
  const source = parseTrafficSource({ ref: pick(SOURCE_FIELDS.ref), utmSource: pick(SOURCE_FIELDS.utmSource), utmCampaign: pick(SOURCE_FIELDS.utmCampaign) });
  return isEmptySource(source) ? undefined : source;
}

/**
 * Remember a visit's source when someone arrives by a link carrying ?ref=, utm_source or
 * utm_campaign. A first-party cookie read only by us: no third party learns anything. The
 * latest tagged link wins, the way people expect "the link that brought me" to work.
 */
export const captureTrafficSource = createMiddleware<AppEnv>(async (c, next) => {
  // Not for embeds: inside a partner's iframe the form's hidden fields carry the source instead.
  const skip = ["/static/", "/api/", "/embed/", "/og/"].some((prefix) => c.req.path.startsWith(prefix));
  if (c.req.method === "GET" && !skip) {
    const source = sourceIn(c.req.query());
    if (source) setCookie(c, SOURCE_COOKIE, encodeSource(source), cookieOptions(c, THIRTY_DAYS));
  }
  await next();
});

/** The source of a form post: its hidden fields when it has them (embeds), otherwise the cookie. */
export async function trafficSource(c: Context<AppEnv>): Promise<TrafficSource> {
  const type = c.req.header("content-type") ?? "";
  if (c.req.method === "POST" && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"))) {
    const fromForm = sourceIn(await c.req.parseBody());
    if (fromForm) return fromForm;
  }
  return decodeSource(getCookie(c, SOURCE_COOKIE));
}

/**
 * After a sign-up, join or action succeeded: note what brought it, and make sure whoever acted
 * has a personal share code (kept in a cookie for the thank-you page). Returns that code.
 * `subject` names what was done: "list:national", "group:12", "campaign:medicare-for-all".
 */
export async function creditAction(
  c: Context<AppEnv>,
  input: { kind: AttributionKind; subject: string; personId?: number | undefined },
  options: { remember?: boolean } = {},
): Promise<string | undefined> {
  const { ctx } = c.var.deps;
  const source = await trafficSource(c);
  const current = getCookie(c, OWN_CODE_COOKIE);
  await recordAttribution({
    ctx,
    input: {
      kind: input.kind,
      subject: input.subject,
      personId: input.personId,
      ref: source.referralCode,
      utmSource: source.utmSource,
      utmCampaign: source.utmCampaign,
      ownCode: current,
    },
  });
  // Inside a partner's iframe no cookie can hold an anonymous code, so minting one per action
  // would only pile up codes nobody can share; a person still gets theirs for later.
  if (options.remember === false && input.personId === undefined) return undefined;
  const code = await ensureReferralCode({ ctx, input: { personId: input.personId, current } });
  if (options.remember !== false) setCookie(c, OWN_CODE_COOKIE, code, cookieOptions(c, ONE_YEAR));
  return code;
}

/**
 * A person's own link, when we know who they are but they did not just act on this device (they
 * followed their confirmation e-mail): their code, remembered here for later thank-you pages.
 */
export async function personalLinkFor(c: Context<AppEnv>, personId: number, path: string) {
  const code = await ensureReferralCode({ ctx: c.var.deps.ctx, input: { personId, current: getCookie(c, OWN_CODE_COOKIE) } });
  setCookie(c, OWN_CODE_COOKIE, code, cookieOptions(c, ONE_YEAR));
  return yourLink(c, path, code);
}

/** The personal link to `path` for this browser's code, with how many came through it; undefined before its first action. */
export async function yourLink(c: Context<AppEnv>, path: string, code = getCookie(c, OWN_CODE_COOKIE)): Promise<{ url: string; count: number } | undefined> {
  if (!isReferralCode(code)) return undefined;
  const url = new URL(path, c.var.deps.config.publicUrl);
  url.searchParams.set("ref", code);
  return { url: url.toString(), count: await countReferrals({ ctx: c.var.deps.ctx, input: { code } }) };
}
