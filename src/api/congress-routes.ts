import { Hono } from "hono";
import { z } from "zod";
import { actionOutcomes } from "../db/schema/index.js";
import { getActiveCampaign, getCampaign } from "../domain/campaigns/campaign-catalogue.js";
import { findRepresentatives, type Representatives, type Seat } from "../domain/campaigns/find-representatives.js";
import { findRepresentativesAtPoint } from "../domain/campaigns/find-representatives-at-point.js";
import { countsFor, getActionCounts } from "../domain/campaigns/get-action-counts.js";
import { locateAddress, type LocateAddressResult } from "../domain/campaigns/locate-address.js";
import type { MemberStance } from "../domain/campaigns/member-stance.js";
import { recordCampaignAction } from "../domain/campaigns/record-campaign-action.js";
import type { CongressMember } from "../domain/congress/congress-directory.js";
import { invalid, type FieldErrorCode, type FieldErrors } from "../domain/errors.js";
import { normalizeZip } from "../domain/places/lookup-zip.js";
import { rateLimit } from "../http/rate-limit.js";
import type { AppEnv } from "../http/types.js";
import { jsonError } from "./errors.js";

/** Outcome reports per client address: plenty for one person working through their three members. */
export const outcomeRateLimit = { bucket: "campaign-outcome", limit: 20, windowSeconds: 600 } as const;

const OutcomeBody = z.object({
  bioguideId: z.string().trim().min(1).max(16),
  outcome: z.enum(actionOutcomes),
  zip: z.string().max(10).optional(),
});

/**
 * Contact Congress as JSON (docs/api.md): who represents a ZIP code, where they stand on the
 * campaign's bill, and how to reach them; and reports of calls, letters and posts.
 */
export const congressApiRoutes = new Hono<AppEnv>()
  .get("/v1/representatives", async (c) => {
    const { ctx, geocoder } = c.var.deps;
    const zip = c.req.query("zip");
    const [lat, lng] = [c.req.query("lat"), c.req.query("lng")];
    if (lat !== undefined || lng !== undefined) {
      // A point (decision 0016): the district from our own shapes; a point is personal, so never cached.
      const campaignSlug = c.req.query("campaign") || (await getActiveCampaign({ ctx })).slug;
      const reps = await findRepresentativesAtPoint({ ctx, input: { campaignSlug, lat, lng } });
      c.header("Cache-Control", "private, no-store");
      return c.json({ ...presentRepresentatives(reps), narrowedBy: "location", nearDistrictLine: reps.location?.nearLine ?? false, ...presentSeats(reps) });
    }
    if (zip === undefined || zip.trim() === "") throw invalid("Add a ZIP code: /api/v1/representatives?zip=55401, or a point: ?lat=44.9537&lng=-93.09.", { zip: "required" });
    const campaignSlug = c.req.query("campaign") || (await getActiveCampaign({ ctx })).slug;

    let reps = await findRepresentatives({ ctx, input: { campaignSlug, zip } });
    const address = c.req.query("address")?.trim();
    let lookup: LocateAddressResult | undefined;
    if (address) {
      lookup = await locateAddress({ ctx: { ...ctx, geocoder }, input: { address, zip: reps.zip ?? undefined } });
      if (lookup.kind === "found") reps = await findRepresentatives({ ctx, input: { campaignSlug, zip, district: lookup.seats } });
    }

    // An answer that depends on a street address is personal: no shared cache may keep it.
    c.header("Cache-Control", address ? "private, no-store" : "public, max-age=300");
    return c.json({
      ...presentRepresentatives(reps),
      ...(lookup
        ? {
            narrowedBy: reps.narrowedTo || (lookup.kind === "found" && lookup.nearLine) ? "address" : null,
            addressLookup: lookup.kind,
            ...(lookup.kind === "found" ? { matchedAddress: lookup.matchedAddress, nearDistrictLine: lookup.nearLine } : {}),
          }
        : { narrowedBy: null }),
      ...presentSeats(reps),
    });
  })
  .post("/v1/campaigns/:campaign/outcomes", rateLimit(outcomeRateLimit), async (c) => {
    const { ctx } = c.var.deps;
    const campaign = await getCampaign({ ctx, input: { slug: c.req.param("campaign") } });
    // A cross-site HTML form can post text/plain without a preflight; JSON only keeps the counters honest.
    if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(c.req.header("content-type") ?? "")) {
      return jsonError(c, 415, "unsupported_media_type", "Send the report as JSON with Content-Type: application/json.");
    }
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw invalid("The body is not valid JSON.");
    }
    const parsed = OutcomeBody.safeParse(body);
    if (!parsed.success) {
      const fields: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "body");
        fields[field] ??= fieldCode(issue, body);
      }
      throw invalid(`Send { "bioguideId", "outcome" (one of ${actionOutcomes.join(", ")}), "zip" (optional) }.`, fields);
    }
    const { bioguideId, outcome, zip } = parsed.data;
    if (zip !== undefined && zip.trim() !== "" && !normalizeZip(zip)) throw invalid("A ZIP code has 5 digits, like 55401.", { zip: "invalid_zip" });

    const recorded = await recordCampaignAction({ ctx, input: { campaignSlug: campaign.slug, bioguideId, outcome, zip: zip?.trim() || undefined } });
    const counts = await getActionCounts({ ctx, input: { campaignSlug: campaign.slug } });
    return c.json(
      {
        id: recorded.id,
        campaign: recorded.campaignSlug,
        bioguideId: recorded.bioguideId,
        outcome: recorded.outcome,
        counts: { total: counts.total, thisWeek: counts.thisWeek, memberCallsThisWeek: countsFor(counts, bioguideId).callsThisWeek },
      },
      201,
    );
  });

/** The fields every answer starts with, listed one by one (zip and city are null for a point). */
function presentRepresentatives(reps: Representatives) {
  return {
    zip: reps.zip,
    city: reps.city,
    campaign: reps.campaign.slug,
    state: reps.states[0]?.code ?? null,
    states: reps.states.map((s) => s.code),
    districts: reps.districts.map((d) => ({ state: d.state, district: d.district })),
    ambiguous: reps.ambiguous,
    noSenators: reps.states.every((s) => s.senators.length === 0),
  };
}

function presentSeats(reps: Representatives) {
  return {
    members: seatsOf(reps).flatMap((seat) => (seat.kind === "member" ? [presentMember(seat.member, seat.stance)] : [])),
    vacancies: seatsOf(reps).flatMap((seat) =>
      seat.kind === "vacant"
        ? [seat.chamber === "house" ? { chamber: seat.chamber, state: seat.state, district: seat.district } : { chamber: seat.chamber, state: seat.state }]
        : [],
    ),
  };
}

/** Senators of each state the ZIP touches (senior first), then the House seats in district order. */
function seatsOf(reps: Representatives): Seat[] {
  return [...reps.states.flatMap((s) => s.senators), ...reps.house];
}

const apiStatus = { sponsor: "sponsor", cosponsor: "cosponsor", withdrawn: "withdrawn", "not-cosponsor": "not_cosponsor", unknown: "unknown" } as const;

function presentMember(member: CongressMember, stance: MemberStance) {
  return {
    bioguideId: member.bioguideId,
    name: member.name,
    chamber: member.chamber,
    title: member.title,
    party: member.party,
    state: member.state,
    ...(member.chamber === "house" ? { district: member.district ?? 0 } : {}),
    phones: [
      ...(member.capitolPhone ? [{ office: "Washington, DC", number: member.capitolPhone }] : []),
      ...member.localOffices.map((o) => ({ office: o.city ?? o.state ?? "District office", number: o.phone })),
    ],
    contactForm: member.contactFormUrl,
    twitter: member.twitter,
    cosponsor: {
      bill: stance.bill?.number ?? null,
      billId: stance.bill?.id ?? null,
      status: apiStatus[stance.status],
      since: stance.since,
      withdrawnAt: stance.withdrawnOn,
      asOf: stance.asOf,
    },
  };
}

function fieldCode(issue: z.core.$ZodIssue, body: unknown): FieldErrorCode {
  const field = issue.path[0];
  const given = typeof body === "object" && body !== null && typeof field === "string" ? (body as Record<string, unknown>)[field] : undefined;
  if (given === undefined || given === null || (typeof given === "string" && given.trim() === "")) return "required";
  if (issue.code === "too_big") return "too_long";
  return "invalid_choice";
}
