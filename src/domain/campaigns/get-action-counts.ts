import { and, count, eq, gte, sql } from "drizzle-orm";
import { campaignActions, callOutcomes } from "../../db/schema/index.js";
import { toCount } from "../../db/client.js";
import { cacheTags } from "../../db/read-cache.js";
import type { Ctx } from "../context.js";

export interface MemberActionCounts {
  /** Calls (any of the four call outcomes) in the last 7 days. */
  callsThisWeek: number;
  actionsThisWeek: number;
  /** "Mailbox full" reports in the last 24 hours: a hint to call a district office instead. */
  mailboxFullToday: number;
}

export interface ActionCounts {
  total: number;
  thisWeek: number;
  byMember: Map<string, MemberActionCounts>;
}

const WEEK_MS = 7 * 24 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;
const noCounts: MemberActionCounts = { callsThisWeek: 0, actionsThisWeek: 0, mailboxFullToday: 0 };

export const countsFor = (counts: ActionCounts, bioguideId: string) => counts.byMember.get(bioguideId) ?? noCounts;

/**
 * Counters for a campaign page. Held in memory until someone reports an action (any process),
 * and at most a minute, so "this week" slides forward even when nobody reports anything.
 */
export function getActionCounts({ ctx, input }: { ctx: Ctx; input: { campaignSlug: string } }): Promise<ActionCounts> {
  return ctx.cache.get(`${cacheTags.campaignActions}:counts:${input.campaignSlug}`, async () => {
    const now = ctx.now();
    const weekAgo = new Date(now.getTime() - WEEK_MS);
    const dayAgo = new Date(now.getTime() - DAY_MS);
    const isCall = sql`${campaignActions.outcome} in (${sql.join(callOutcomes.map((o) => sql`${o}`), sql`, `)})`;
    const [[total], rows] = await Promise.all([
      ctx.db.select({ n: count() }).from(campaignActions).where(eq(campaignActions.campaignSlug, input.campaignSlug)),
      ctx.db
        .select({
          bioguideId: campaignActions.bioguideId,
          actions: count(),
          calls: sql<number | string>`count(*) filter (where ${isCall})`,
          mailboxFull: sql<number | string>`count(*) filter (where ${campaignActions.outcome} = 'mailbox_full' and ${campaignActions.createdAt} >= ${dayAgo})`,
        })
        .from(campaignActions)
        .where(and(eq(campaignActions.campaignSlug, input.campaignSlug), gte(campaignActions.createdAt, weekAgo)))
        .groupBy(campaignActions.bioguideId),
    ]);
    const byMember = new Map<string, MemberActionCounts>();
    let thisWeek = 0;
    for (const row of rows) {
      const actions = toCount(row.actions);
      thisWeek += actions;
      byMember.set(row.bioguideId, { actionsThisWeek: actions, callsThisWeek: toCount(row.calls), mailboxFullToday: toCount(row.mailboxFull) });
    }
    return { total: toCount(total?.n ?? 0), thisWeek, byMember };
  }, { maxAgeMs: 60_000 });
}
