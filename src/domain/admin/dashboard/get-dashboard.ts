import { and, count, desc, eq, gte, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { toCount } from "../../../db/client.js";
import { campaignActions, groupApplications, groupMemberships, groups, people, states } from "../../../db/schema/index.js";
import type { Actor } from "../../accounts/actor.js";
import { authorize } from "../../access/policy.js";
import { getActiveCampaign } from "../../campaigns/campaign-catalogue.js";
import { loadCongressDirectory } from "../../congress/congress-directory.js";
import type { Ctx } from "../../context.js";
import { invalid } from "../../errors.js";
import { groupPath } from "../../groups/group-directory.js";

const DAY_MS = 24 * 3600 * 1000;
const WEEK_MS = 7 * DAY_MS;
/** "Not confirmed active for 6 months". */
export const STALE_AFTER_DAYS = 182;
export const DEFAULT_WEEKS = 26;
const TOP_MEMBERS = 20;
/** The stale list is for working through; the count says how many there are in all. */
const STALE_LIMIT = 200;

export interface DashboardWeek {
  /** Monday the week starts (UTC), "2026-03-02". */
  weekOf: string;
  /** Of the 50 states, how many had an active group by the end of the week (see `statesCoveredAt`). */
  statesCovered: number;
  /** People who confirmed their e-mail address that week. */
  signUps: number;
  /** Group memberships confirmed that week. */
  joins: number;
}

export interface MemberActions {
  bioguideId: string;
  /** From the congress directory; the bioguide id when the member is no longer serving. */
  name: string;
  party: string | null;
  state: string | null;
  district: number | null;
  chamber: "house" | "senate" | null;
  allTime: number;
  lastSevenDays: number;
}

export interface StaleGroup {
  id: number;
  name: string;
  state: string;
  path: string;
  lastConfirmedAt: Date | null;
}

export interface Dashboard {
  now: Date;
  headline: {
    activeGroups: number;
    statesCovered: number;
    statesTotal: number;
    peopleConfirmed: number;
    actionsLastSevenDays: number;
    pendingApplications: number;
  };
  weeks: DashboardWeek[];
  campaign: { slug: string; title: string } | null;
  members: MemberActions[];
  stale: { total: number; groups: StaleGroup[]; staleAfterDays: number };
}

/** Monday 00:00 UTC of the week `date` falls in (PostgreSQL's date_trunc('week') in UTC). */
export function weekStart(date: Date): Date {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY_MS);
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
/** A week bucket as text, computed the same way in SQL for any timestamp column. */
const weekOf = (column: unknown) => sql<string>`to_char(date_trunc('week', ${column} at time zone 'UTC'), 'YYYY-MM-DD')`;

/**
 * The admin home: headline numbers, weekly series for the last `weeks` weeks (the current week,
 * partial, is the last), the active campaign's actions per member of Congress, and the groups
 * nobody has confirmed as active for six months. A handful of grouped queries; the weekly
 * buckets are filled in here so weeks without any activity show as zero.
 *
 * States covered is approximate: we keep no history of a group's status. A group counts from
 * the day it went live (its approval, or the day it was added for imported groups) if it is
 * active today; groups since closed count in no week, pending groups never.
 */
export async function getDashboard({ ctx, input }: { ctx: Ctx; input: { actor: Actor | undefined; weeks?: number; locale?: string } }): Promise<Dashboard> {
  authorize(input.actor, { to: "administer" });
  const weeks = input.weeks ?? DEFAULT_WEEKS;
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 260) throw invalid("weeks must be a whole number from 1 to 260.", { weeks: "out_of_range" });

  const now = ctx.now();
  const firstWeek = new Date(weekStart(now).getTime() - (weeks - 1) * WEEK_MS);
  const weekAgo = new Date(now.getTime() - WEEK_MS);
  const staleBefore = new Date(now.getTime() - STALE_AFTER_DAYS * DAY_MS);
  const campaign = await getActiveCampaign({ ctx }).catch(() => null);

  // When each of the 50 states first had a group that is still active: the approval date for
  // groups founded through an application, otherwise the day the group was added.
  const liveSince = sql<Date | string>`min(coalesce((select max(${groupApplications.decidedAt}) from ${groupApplications} where ${groupApplications.groupId} = ${groups.id} and ${groupApplications.status} = 'approved'), ${groups.createdAt}))`;
  const signUpWeek = weekOf(people.emailConfirmedAt);
  const joinWeek = weekOf(groupMemberships.confirmedAt);
  const staleWhere = and(eq(groups.status, "active"), or(isNull(groups.lastConfirmedAt), lt(groups.lastConfirmedAt, staleBefore)));

  const [headline, coverageRows, signUpRows, joinRows, memberRows, staleRows, [staleCount]] = await Promise.all([
    ctx.db.execute(sql`select
        (select count(*) from ${groups} where ${groups.status} = 'active' and ${groups.state} <> 'US') as active_groups,
        (select count(*) from ${states} where ${states.type} = 'state') as states_total,
        (select count(*) from ${people} where ${people.emailConfirmedAt} is not null) as people_confirmed,
        (select count(*) from ${campaignActions} where ${campaignActions.createdAt} >= ${weekAgo}) as actions,
        (select count(*) from ${groupApplications} where ${groupApplications.status} = 'pending') as pending`),
    ctx.db
      .select({ state: groups.state, since: liveSince })
      .from(groups)
      .innerJoin(states, eq(states.usps, groups.state))
      .where(and(eq(groups.status, "active"), eq(states.type, "state")))
      .groupBy(groups.state),
    ctx.db
      .select({ week: signUpWeek, n: count() })
      .from(people)
      .where(and(isNotNull(people.emailConfirmedAt), gte(people.emailConfirmedAt, firstWeek), lt(people.emailConfirmedAt, now)))
      .groupBy(signUpWeek),
    ctx.db
      .select({ week: joinWeek, n: count() })
      .from(groupMemberships)
      .where(and(isNotNull(groupMemberships.confirmedAt), gte(groupMemberships.confirmedAt, firstWeek), lt(groupMemberships.confirmedAt, now)))
      .groupBy(joinWeek),
    campaign
      ? ctx.db
          .select({
            bioguideId: campaignActions.bioguideId,
            allTime: count(),
            recent: sql<number | string>`count(*) filter (where ${campaignActions.createdAt} >= ${weekAgo})`,
          })
          .from(campaignActions)
          .where(eq(campaignActions.campaignSlug, campaign.slug))
          .groupBy(campaignActions.bioguideId)
          .orderBy(desc(count()), campaignActions.bioguideId)
          .limit(TOP_MEMBERS)
      : Promise.resolve([]),
    ctx.db
      .select({ id: groups.id, name: groups.name, state: groups.state, slug: groups.slug, lastConfirmedAt: groups.lastConfirmedAt })
      .from(groups)
      .where(staleWhere)
      .orderBy(sql`${groups.lastConfirmedAt} asc nulls first`, groups.state, groups.name)
      .limit(STALE_LIMIT),
    ctx.db.select({ n: count() }).from(groups).where(staleWhere),
  ]);

  const signUps = new Map(signUpRows.map((r) => [r.week, toCount(r.n)]));
  const joins = new Map(joinRows.map((r) => [r.week, toCount(r.n)]));
  const coveredSince = coverageRows.map((r) => new Date(r.since).getTime());
  const weekRows: DashboardWeek[] = [];
  for (let i = 0; i < weeks; i++) {
    const start = new Date(firstWeek.getTime() + i * WEEK_MS);
    const end = Math.min(start.getTime() + WEEK_MS, now.getTime());
    const key = isoDay(start);
    weekRows.push({
      weekOf: key,
      statesCovered: coveredSince.filter((since) => since < end).length,
      signUps: signUps.get(key) ?? 0,
      joins: joins.get(key) ?? 0,
    });
  }

  const directory = memberRows.length > 0 ? await loadCongressDirectory(ctx) : undefined;
  const members: MemberActions[] = memberRows.map((row) => {
    const member = directory?.members.get(row.bioguideId);
    return {
      bioguideId: row.bioguideId,
      name: member?.name ?? row.bioguideId,
      party: member?.party ?? null,
      state: member?.state ?? null,
      district: member?.district ?? null,
      chamber: member?.chamber ?? null,
      allTime: toCount(row.allTime),
      lastSevenDays: toCount(row.recent),
    };
  });

  const h = (headline as unknown as { rows: Record<string, unknown>[] }).rows[0] ?? {};
  return {
    now,
    headline: {
      activeGroups: toCount(h.active_groups),
      statesCovered: coveredSince.length,
      statesTotal: toCount(h.states_total),
      peopleConfirmed: toCount(h.people_confirmed),
      actionsLastSevenDays: toCount(h.actions),
      pendingApplications: toCount(h.pending),
    },
    weeks: weekRows,
    campaign: campaign ? { slug: campaign.slug, title: campaign.words(input.locale ?? "en").title } : null,
    members,
    stale: {
      total: toCount(staleCount?.n ?? 0),
      staleAfterDays: STALE_AFTER_DAYS,
      groups: staleRows.map((g) => ({ id: g.id, name: g.name, state: g.state, path: groupPath(g.state, g.slug), lastConfirmedAt: g.lastConfirmedAt })),
    },
  };
}
