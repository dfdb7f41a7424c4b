import { billStatusUrl } from "./parsers/billstatus-xml.js";
import { cosponsorsApiUrl } from "./parsers/congress-gov-cosponsors-json.js";
import type { OfficialRoll } from "./parsers/official-roll.js";

/**
 * What `importCosponsors` needs besides the roll, shared by the command line
 * (scripts/import-cosponsors.ts) and the admin upload (src/domain/admin/cosponsors).
 */

/** The official address the roll came from: the govinfo BILLSTATUS file or the congress.gov endpoint. */
export function officialRollSourceUrl(roll: OfficialRoll, billId: string): string {
  return roll.format === "billstatus-xml" ? billStatusUrl(billId) : cosponsorsApiUrl(billId);
}

/**
 * The roll's as-of date. A BILLSTATUS file is dated by its own <updateDate> and takes no other
 * date (`given` with it is refused: `fileDate` says why); a JSON response carries no date, so it
 * is the day given, else today.
 */
export function officialRollAsOf(
  roll: OfficialRoll,
  given: string | undefined,
  today: string,
): { ok: true; asOf: string } | { ok: false; fileDate: string } {
  if (roll.asOf !== undefined && given !== undefined) return { ok: false, fileDate: roll.asOf };
  return { ok: true, asOf: roll.asOf ?? given ?? today };
}
