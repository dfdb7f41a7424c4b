import type { states } from "../../../db/schema/index.js";
import { parseCsvTable } from "../formats/csv.js";
import { RowReader, patterns } from "../formats/row-reader.js";

export type StateRow = typeof states.$inferInsert;

/** states.csv: `name,usps,fips,house_seats,nonvoting_delegate,senators,type`, one row per state, DC or territory. */
export function parseStatesCsv(text: string, file: string): StateRow[] {
  const rows = parseCsvTable(text, {
    file,
    describe: "the states list (states.csv)",
    required: ["name", "usps", "fips", "house_seats", "nonvoting_delegate", "senators", "type"],
  });
  const seenUsps = new Map<string, number>();
  const seenFips = new Map<string, number>();
  const out = rows.map(({ line, values }) => {
    const row = new RowReader(file, line, values);
    const usps = row.match("usps", patterns.usps, "a two-letter USPS code");
    const fips = row.match("fips", patterns.fips, "a two-digit FIPS code");
    if (seenUsps.has(usps)) row.fail(`usps ${usps} appears twice (first on line ${seenUsps.get(usps)})`);
    if (seenFips.has(fips)) row.fail(`fips ${fips} appears twice (first on line ${seenFips.get(fips)})`);
    seenUsps.set(usps, line);
    seenFips.set(fips, line);
    return {
      usps,
      name: row.text("name"),
      fips,
      houseSeats: row.int("house_seats", { min: 0, max: 60 }),
      hasNonvotingDelegate: row.int("nonvoting_delegate", { min: 0, max: 1 }),
      senators: row.int("senators", { min: 0, max: 2 }),
      type: row.oneOf("type", ["state", "district", "territory"] as const),
    };
  });
  if (out.length === 0) new RowReader(file, undefined, {}).fail("no rows below the header");
  return out;
}
