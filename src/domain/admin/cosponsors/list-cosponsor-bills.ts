import { asc, desc } from "drizzle-orm";
import { bills } from "../../../db/schema/index.js";
import type { Actor } from "../../accounts/actor.js";
import { authorize } from "../../access/policy.js";
import { billPath } from "../../congress/bill-slug.js";
import { loadCongressDirectory } from "../../congress/congress-directory.js";
import type { Ctx } from "../../context.js";

export interface CosponsorBill {
  id: string;
  number: string;
  congress: number;
  chamber: "house" | "senate";
  title: string;
  isCurrent: boolean;
  /** Current (not withdrawn) cosponsors in our roll. */
  cosponsors: number;
  officialCount: number | null;
  asOf: string | null;
  complete: boolean;
  /** Its public cosponsor list, e.g. /cosponsors/hr3069-119. */
  path: string;
  sourceUrl: string;
}

/** Every bill with the state of its cosponsor roll, newest Congress first. */
export async function listCosponsorBills({ ctx, input }: { ctx: Ctx; input: { actor: Actor | undefined } }): Promise<CosponsorBill[]> {
  authorize(input.actor, { to: "administer" });
  const [rows, directory] = await Promise.all([ctx.db.select().from(bills).orderBy(desc(bills.congress), asc(bills.chamber), asc(bills.id)), loadCongressDirectory(ctx)]);
  return rows.map((row) => {
    const roll = directory.bills.get(row.id)?.roll;
    const cosponsors = roll ? [...roll.values()].filter((r) => r.role === "cosponsor" && !r.withdrawnOn).length : 0;
    return {
      id: row.id,
      number: row.number,
      congress: row.congress,
      chamber: row.chamber,
      title: row.title,
      isCurrent: row.isCurrent,
      cosponsors,
      officialCount: row.officialCosponsorCount,
      asOf: row.cosponsorsAsOf,
      complete: row.rollComplete,
      path: billPath(row.id),
      sourceUrl: row.sourceUrl,
    };
  });
}
