import { parseCsvTable } from "../formats/csv.js";
import { RowReader, patterns } from "../formats/row-reader.js";

export interface CosponsorCsvRow {
  line: number;
  /** As written in the file, e.g. "H.R.3069 (119th)". */
  bill: string;
  bioguideId: string;
  name: string;
  party: string;
  state: string;
  district: number | null;
  role: "sponsor" | "cosponsor";
  date: string | null;
  withdrawnOn: string | null;
  sourceUrl: string;
  notes: string | null;
}

/**
 * The shared cosponsor list cosponsors/medicare-for-all-cosponsors.csv:
 * `bill,bioguide_id,name,party,state,district,sponsor_or_cosponsor,date,withdrawn,source_url,notes`.
 * `withdrawn` is blank (not checked), "no", or the date the member withdrew.
 */
export function parseCosponsorsCsv(text: string, file: string): CosponsorCsvRow[] {
  const rows = parseCsvTable(text, {
    file,
    describe: "the Medicare for All cosponsor list (medicare-for-all-cosponsors.csv)",
    required: ["bill", "bioguide_id", "name", "party", "state", "district", "sponsor_or_cosponsor", "date", "withdrawn", "source_url"],
    optional: ["notes"],
  });
  return rows.map(({ line, values }) => {
    const row = new RowReader(file, line, values);
    const withdrawn = row.optional("withdrawn");
    return {
      line,
      bill: row.text("bill"),
      bioguideId: row.match("bioguide_id", patterns.bioguide, "a bioguide ID such as J000298"),
      name: row.text("name"),
      party: row.text("party"),
      state: row.match("state", patterns.usps, "a two-letter USPS code"),
      district: row.optionalInt("district", { min: 0, max: 99 }),
      role: row.oneOf("sponsor_or_cosponsor", ["sponsor", "cosponsor"] as const),
      date: row.optionalDate("date"),
      withdrawnOn: withdrawn === null || withdrawn.toLowerCase() === "no" ? null : row.date("withdrawn"),
      sourceUrl: row.url("source_url"),
      notes: row.optional("notes"),
    };
  });
}
