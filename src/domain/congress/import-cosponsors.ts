import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { cacheTags } from "../../db/read-cache.js";
import { billCosponsors, bills } from "../../db/schema/index.js";
import { withTransaction, type Ctx } from "../context.js";
import { conflict, invalid, notFound } from "../errors.js";
import { BIOGUIDE, PARTY, USPS, isIsoDate, latestChange } from "./parsers/official-roll.js";

const isoDate = z.string().refine(isIsoDate, "expected a date YYYY-MM-DD");

const Sponsorship = z.object({
  bioguideId: z.string().regex(BIOGUIDE),
  name: z.string().min(1),
  party: z.string().regex(PARTY),
  state: z.string().regex(USPS),
  district: z.number().int().min(0).nullable(),
  sponsoredOn: isoDate.nullable(),
  isOriginal: z.boolean().nullable(),
  withdrawnOn: isoDate.nullable(),
});

const ImportCosponsorsInput = z.object({
  billId: z.string().min(1),
  /** The official cosponsors, withdrawn ones included (parsers/*: `roll.cosponsors`). */
  roll: z.array(Sponsorship),
  /** The date the official list was current. */
  asOf: isoDate,
  /** Current (not withdrawn) cosponsors according to the source. */
  officialCount: z.number().int().min(0),
  sourceUrl: z.url(),
  /** Replace a roll stored with a later as-of date (normally refused: it would undo newer news). */
  allowOlder: z.boolean().default(false),
});

export type ImportCosponsorsInput = z.input<typeof ImportCosponsorsInput>;

export interface CosponsorChanges {
  billId: string;
  /** Display number, e.g. "H.R.3069". */
  billNumber: string;
  /** Names of members now cosponsoring who were not before (new, or back after withdrawing). */
  added: string[];
  /** Names of members whose withdrawal is new. */
  withdrawn: string[];
  /** Names of members we listed whom the official roll does not list at all. */
  removed: string[];
  /** Members whose status did not change. */
  unchanged: number;
  /** Names on the official cosponsor list who are already in our roll as a sponsor: kept as sponsor. */
  keptAsSponsor: string[];
  officialCount: number;
  asOf: string;
  /** The roll's date before this import. */
  previousAsOf: string | null;
  previousOfficialCount: number | null;
}

/**
 * Replace a bill's cosponsor roll with an official one, in one transaction: the bill's official
 * count, as-of date and source, `rollComplete` (an official roll lists everyone), and all its
 * cosponsor rows. Sponsor rows stay. Returns what changed, by name, for the person running it.
 */
export async function importCosponsors({ ctx, input }: { ctx: Ctx; input: ImportCosponsorsInput }): Promise<CosponsorChanges> {
  const changes = await replaceCosponsorRoll({ ctx, input });
  // After the commit: every app process reloads the congress directory and the pages built on it.
  await ctx.cache.invalidate(cacheTags.publicData);
  return changes;
}

/**
 * importCosponsors without the cache invalidation, for a caller that runs it inside its own
 * transaction (the admin upload, which audits in the same one): it must invalidate
 * `cacheTags.publicData` itself after its commit. On PGlite a NOTIFY from inside an open
 * transaction would wait for that transaction forever.
 */
export async function replaceCosponsorRoll({ ctx, input }: { ctx: Ctx; input: ImportCosponsorsInput }): Promise<CosponsorChanges> {
  const parsed = ImportCosponsorsInput.safeParse(input);
  if (!parsed.success) throw invalid(`cosponsor import: ${parsed.error.issues[0]?.message ?? "invalid input"}`);
  const { billId, roll, asOf, officialCount, sourceUrl, allowOlder } = parsed.data;

  const seen = new Set<string>();
  for (const row of roll) {
    if (seen.has(row.bioguideId)) throw invalid(`${row.bioguideId} (${row.name}) is listed twice`);
    seen.add(row.bioguideId);
  }
  const current = roll.filter((row) => row.withdrawnOn === null).length;
  if (current !== officialCount) {
    throw invalid(`the official count is ${officialCount} but ${current} current cosponsors are listed; the roll is incomplete`);
  }
  const latest = latestChange(roll);
  if (latest !== undefined && latest > asOf) throw invalid(`the roll is dated ${asOf} but lists a change on ${latest}`);

  const changes = await withTransaction(ctx, async (tx) => {
    const bill = (await tx.db.select().from(bills).where(eq(bills.id, billId)).for("update"))[0];
    if (!bill) throw notFound(`no bill ${billId} in the database; run \`npm run data:update\` first if the public data is missing`);
    if (!allowOlder && bill.cosponsorsAsOf !== null && bill.cosponsorsAsOf > asOf) {
      throw conflict(
        `${bill.number} already has the roll as of ${bill.cosponsorsAsOf}, newer than this one (${asOf}); importing it would undo later changes`,
      );
    }
    const stored = await tx.db.select().from(billCosponsors).where(eq(billCosponsors.billId, billId));
    // A member who took over the sponsorship (H.R.676 in the 115th) can be on both official lists;
    // the app shows them as the sponsor, and one row per member is all the table holds.
    const sponsorIds = new Set(stored.filter((row) => row.role === "sponsor").map((row) => row.bioguideId));
    const keptAsSponsor = roll.filter((row) => sponsorIds.has(row.bioguideId)).map((row) => row.name);
    const cosponsorRows = roll.filter((row) => !sponsorIds.has(row.bioguideId));

    const before = new Map(stored.filter((row) => row.role === "cosponsor").map((row) => [row.bioguideId, row]));
    const added: string[] = [];
    const withdrawn: string[] = [];
    let unchanged = 0;
    for (const row of cosponsorRows) {
      const previous = before.get(row.bioguideId);
      const wasCurrent = previous !== undefined && previous.withdrawnOn === null;
      const wasWithdrawn = previous !== undefined && previous.withdrawnOn !== null;
      if (row.withdrawnOn === null && !wasCurrent) added.push(row.name);
      else if (row.withdrawnOn !== null && !wasWithdrawn) withdrawn.push(row.name);
      else unchanged++;
    }
    const removed = [...before.values()].filter((row) => !seen.has(row.bioguideId)).map((row) => row.name);

    await tx.db.delete(billCosponsors).where(and(eq(billCosponsors.billId, billId), eq(billCosponsors.role, "cosponsor")));
    if (cosponsorRows.length > 0) {
      await tx.db.insert(billCosponsors).values(cosponsorRows.map((row) => ({ ...row, billId, role: "cosponsor" as const, sourceUrl })));
    }
    await tx.db
      .update(bills)
      .set({ officialCosponsorCount: officialCount, cosponsorsAsOf: asOf, rollComplete: true, sourceUrl })
      .where(eq(bills.id, billId));

    return {
      billId,
      billNumber: bill.number,
      added,
      withdrawn,
      removed,
      unchanged,
      keptAsSponsor,
      officialCount,
      asOf,
      previousAsOf: bill.cosponsorsAsOf,
      previousOfficialCount: bill.officialCosponsorCount,
    };
  });
  return changes;
}
