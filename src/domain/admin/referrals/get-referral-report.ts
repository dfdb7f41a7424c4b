import { and, desc, eq, gte, isNotNull, sql } from "drizzle-orm";
import { z } from "zod";
import { toCount } from "../../../db/client.js";
import { attributions, people, referralCodes } from "../../../db/schema/index.js";
import type { Actor } from "../../accounts/actor.js";
import { authorize } from "../../access/policy.js";
import type { Ctx } from "../../context.js";
import { invalid } from "../../errors.js";

export const REPORT_PERIODS = ["7", "30", "90", "all"] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];
const ROWS = 20;

export interface SourceRow {
  utmSource: string | null;
  utmCampaign: string | null;
  signups: number;
  joins: number;
  rsvps: number;
  actions: number;
  /** Also counts founding applications, which get no column of their own. */
  total: number;
}

export interface ReferrerRow {
  code: string;
  /** Only a name: staff see who shares best, not how to reach them (that is the people page). */
  name: string | null;
  personId: number | null;
  people: number;
}

export interface ReferralReport {
  period: ReportPeriod;
  since: Date | null;
  sources: SourceRow[];
  referrers: ReferrerRow[];
  /** Attributed events in the period, and how many of them came through a personal link. */
  total: number;
  throughReferrals: number;
}

const Input = z.object({ actor: z.custom<Actor | undefined>(), period: z.string().optional() });

/** Top link sources (utm_source / utm_campaign) and top personal referrers, for national staff. */
export async function getReferralReport({ ctx, input }: { ctx: Ctx; input: z.input<typeof Input> }): Promise<ReferralReport> {
  const { actor, period: rawPeriod } = Input.parse(input);
  authorize(actor, { to: "administer" });
  const period = (rawPeriod ?? "30") as ReportPeriod;
  if (!REPORT_PERIODS.includes(period)) throw invalid(`period must be one of ${REPORT_PERIODS.join(", ")}.`, { period: "invalid_choice" });
  const since = period === "all" ? null : new Date(ctx.now().getTime() - Number(period) * 24 * 3600 * 1000);
  const inPeriod = since ? gte(attributions.createdAt, since) : undefined;

  const byKind = (kind: string) => sql<number | string>`count(*) filter (where ${attributions.kind} = ${kind})`;
  const sourceRows = await ctx.db
    .select({
      utmSource: attributions.utmSource,
      utmCampaign: attributions.utmCampaign,
      signups: byKind("signup"),
      joins: byKind("join"),
      rsvps: byKind("rsvp"),
      actions: byKind("action"),
      total: sql<number | string>`count(*)`,
    })
    .from(attributions)
    .where(and(inPeriod, sql`(${attributions.utmSource} is not null or ${attributions.utmCampaign} is not null)`))
    .groupBy(attributions.utmSource, attributions.utmCampaign)
    .orderBy(desc(sql`count(*)`), attributions.utmSource, attributions.utmCampaign)
    .limit(ROWS);

  const reached = sql<number | string>`count(distinct ${attributions.personId}) + count(*) filter (where ${attributions.personId} is null)`;
  const referrerRows = await ctx.db
    .select({ code: referralCodes.code, personId: referralCodes.personId, name: people.name, people: reached })
    .from(attributions)
    .innerJoin(referralCodes, eq(referralCodes.code, attributions.referralCode))
    .leftJoin(people, eq(people.id, referralCodes.personId))
    .where(and(inPeriod, isNotNull(attributions.referralCode)))
    .groupBy(referralCodes.code, referralCodes.personId, people.name)
    .orderBy(desc(reached), referralCodes.code)
    .limit(ROWS);

  const [totals] = await ctx.db
    .select({ total: sql<number | string>`count(*)`, throughReferrals: sql<number | string>`count(${attributions.referralCode})` })
    .from(attributions)
    .where(inPeriod);

  return {
    period,
    since,
    sources: sourceRows.map((r) => ({
      utmSource: r.utmSource,
      utmCampaign: r.utmCampaign,
      signups: toCount(r.signups),
      joins: toCount(r.joins),
      rsvps: toCount(r.rsvps),
      actions: toCount(r.actions),
      total: toCount(r.total),
    })),
    referrers: referrerRows.map((r) => ({ code: r.code, name: r.name, personId: r.personId, people: toCount(r.people) })),
    total: toCount(totals?.total ?? 0),
    throughReferrals: toCount(totals?.throughReferrals ?? 0),
  };
}
