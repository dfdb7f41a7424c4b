import type { zipCities } from "../../../db/schema/index.js";
import { parseCsvTable } from "../formats/csv.js";
import { RowReader, patterns } from "../formats/row-reader.js";

export type ZipCityRow = typeof zipCities.$inferInsert;

/**
 * curated-us-zips' us-zips.csv, or the trimmed copy in shared data. Upstream has many more
 * (demographic) columns than the copy, so only `zip_code,city,state[,county]` are read, by name.
 */
export function parseZipCitiesCsv(text: string, file: string): ZipCityRow[] {
  const rows = parseCsvTable(text, {
    file,
    describe: "a ZIP city/state file (curated-us-zips us-zips.csv)",
    required: ["zip_code", "city", "state"],
    optional: ["county"],
  });
  const seen = new Map<string, number>();
  return rows.map(({ line, values }) => {
    const row = new RowReader(file, line, values);
    const zip = row.match("zip_code", patterns.zcta, "a 5-digit ZIP code");
    const first = seen.get(zip);
    if (first !== undefined) row.fail(`zip_code ${zip} repeats line ${first}`);
    seen.set(zip, line);
    return {
      zip,
      city: row.text("city"),
      state: row.match("state", patterns.usps, "a two-letter USPS code"),
      county: row.optional("county"),
    };
  });
}
