import type { zipDistricts } from "../../../db/schema/index.js";
import { parseCsvTable } from "../formats/csv.js";
import { RowReader, patterns } from "../formats/row-reader.js";

export type ZipDistrictRow = typeof zipDistricts.$inferInsert;

/**
 * zccd.csv (and zccd-island-areas.csv): `state_fips,state_abbr,zcta,cd`, one row per
 * ZCTA–district pair; `cd` is 0 for at-large and delegate seats.
 */
export function parseZccdCsv(text: string, file: string): ZipDistrictRow[] {
  const rows = parseCsvTable(text, {
    file,
    describe: "a ZIP (ZCTA) to congressional district file (zccd.csv)",
    required: ["state_fips", "state_abbr", "zcta", "cd"],
  });
  const fipsByState = new Map<string, { fips: string; line: number }>();
  const seen = new Map<string, number>();
  return rows.map(({ line, values }) => {
    const row = new RowReader(file, line, values);
    const fips = row.match("state_fips", patterns.fips, "a two-digit FIPS code");
    const state = row.match("state_abbr", patterns.usps, "a two-letter USPS code");
    const zcta = row.match("zcta", patterns.zcta, "a 5-digit ZCTA");
    const district = row.int("cd", { min: 0, max: 99 });
    // One state, one FIPS code: a mismatch means columns were shifted or the file was hand-edited wrongly.
    const known = fipsByState.get(state);
    if (!known) fipsByState.set(state, { fips, line });
    else if (known.fips !== fips) row.fail(`state_fips ${fips} for ${state}, but line ${known.line} says ${known.fips}`);
    const key = `${zcta}|${state}|${district}`;
    const first = seen.get(key);
    if (first !== undefined) row.fail(`${zcta} ${state}-${district} repeats line ${first}`);
    seen.set(key, line);
    return { zcta, state, district };
  });
}
