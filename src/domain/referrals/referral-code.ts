import { randomInt } from "node:crypto";
import { z } from "zod";

/** Lower case letters and digits without look-alikes (no i, l, o, 0, 1): easy to read aloud or retype. */
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
export const REFERRAL_CODE_LENGTH = 8;
const CODE = new RegExp(`^[${ALPHABET}]{${REFERRAL_CODE_LENGTH}}$`);

export const isReferralCode = (value: string | undefined): value is string => value !== undefined && CODE.test(value);

export function newReferralCode() {
  let code = "";
  for (let i = 0; i < REFERRAL_CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** utm_source / utm_campaign as people type them into links: short, plain, lower case. */
const sourceLabel = z
  .string()
  .trim()
  .toLowerCase()
  .max(60)
  .regex(/^[a-z0-9][a-z0-9._-]*$/);

/** Where a visit came from: the three link parameters we count. Anything malformed is dropped, not refused. */
export interface TrafficSource {
  referralCode?: string | undefined;
  utmSource?: string | undefined;
  utmCampaign?: string | undefined;
}

export function parseTrafficSource(raw: { ref?: string | undefined; utmSource?: string | undefined; utmCampaign?: string | undefined }): TrafficSource {
  const ref = raw.ref?.trim().toLowerCase();
  const source = sourceLabel.safeParse(raw.utmSource ?? "");
  const campaign = sourceLabel.safeParse(raw.utmCampaign ?? "");
  return {
    referralCode: isReferralCode(ref) ? ref : undefined,
    utmSource: source.success ? source.data : undefined,
    utmCampaign: campaign.success ? campaign.data : undefined,
  };
}

export const isEmptySource = (source: TrafficSource) => !source.referralCode && !source.utmSource && !source.utmCampaign;
