import { and, count, countDistinct, eq, isNull, ne } from "drizzle-orm";
import { billCosponsors, bills, groups, members, states } from "../../db/schema/index.js";
import { cacheTags } from "../../db/read-cache.js";
import type { Ctx } from "../context.js";

export interface MovementStats {
  groupCount: number;
  /** Of the 50 states, how many have at least one active local group. */
  statesWithGroup: number;
  statesWithoutGroup: number;
  memberCount: number;
  currentBills: { chamber: "house" | "senate"; number: string; cosponsorCount: number; asOf: string | null }[];
  /** False until the public data has been imported: pages then explain how to load it. */
  hasPublicData: boolean;
}

/** Headline numbers for the home page. Cached in memory; imports invalidate it. */
export function getMovementStats({ ctx }: { ctx: Ctx }): Promise<MovementStats> {
  return ctx.cache.get(`${cacheTags.publicData}:${cacheTags.groups}:stats`, () => loadStats(ctx));
}

async function loadStats({ db }: Ctx): Promise<MovementStats> {
  const activeLocal = and(eq(groups.status, "active"), ne(groups.state, "US"));
  const [[groupRow], [coveredRow], [stateRow], [memberRow], billRows] = await Promise.all([
    db.select({ n: count() }).from(groups).where(activeLocal),
    db
      .select({ n: countDistinct(groups.state) })
      .from(groups)
      .innerJoin(states, eq(states.usps, groups.state))
      .where(and(activeLocal, eq(states.type, "state"))),
    db.select({ n: count() }).from(states).where(eq(states.type, "state")),
    db.select({ n: count() }).from(members),
    db
      .select({
        chamber: bills.chamber,
        number: bills.number,
        asOf: bills.cosponsorsAsOf,
        cosponsorCount: count(billCosponsors.bioguideId),
      })
      .from(bills)
      .leftJoin(
        billCosponsors,
        and(eq(billCosponsors.billId, bills.id), eq(billCosponsors.role, "cosponsor"), isNull(billCosponsors.withdrawnOn)),
      )
      .where(eq(bills.isCurrent, true))
      .groupBy(bills.id, bills.chamber, bills.number, bills.cosponsorsAsOf)
      .orderBy(bills.chamber),
  ]);
  const stateCount = stateRow?.n ?? 0;
  const statesWithGroup = coveredRow?.n ?? 0;
  const memberCount = memberRow?.n ?? 0;
  return {
    groupCount: groupRow?.n ?? 0,
    statesWithGroup,
    statesWithoutGroup: Math.max(0, (stateCount || 50) - statesWithGroup),
    memberCount,
    currentBills: billRows,
    hasPublicData: memberCount > 0 && stateCount > 0,
  };
}
