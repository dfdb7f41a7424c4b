import { DataFileError } from "../formats/data-file-error.js";
import { RowReader, patterns } from "../formats/row-reader.js";

export interface GazetteerPoint {
  zcta: string;
  latitude: number;
  longitude: number;
}

/**
 * The Census Gazetteer ZCTA file (e.g. 2022_Gaz_zcta_national.txt): tab-separated with a
 * header `GEOID ALAND AWATER ALAND_SQMI AWATER_SQMI INTPTLAT INTPTLONG`. Census pads the last
 * column with spaces, so every value is trimmed. Columns are picked by name.
 */
export function parseGazetteerZcta(text: string, file: string): GazetteerPoint[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const header = (lines[0] ?? "").split("\t").map((name) => name.trim());
  const required = ["GEOID", "INTPTLAT", "INTPTLONG"];
  const missing = required.filter((name) => !header.includes(name));
  if (missing.length > 0) {
    throw new DataFileError(
      file,
      1,
      `this is not a Census Gazetteer ZCTA file: the tab-separated header lacks ${missing.join(", ")} (found ${header.join(" ").slice(0, 120)})`,
    );
  }
  const [geoid, lat, lng] = required.map((name) => header.indexOf(name)) as [number, number, number];
  const seen = new Map<string, number>();
  const points: GazetteerPoint[] = [];
  for (let i = 1; i < lines.length; i++) {
    const text = lines[i]!;
    if (text.trim() === "") continue;
    const line = i + 1;
    const fields = text.split("\t");
    if (fields.length !== header.length) {
      throw new DataFileError(file, line, `expected ${header.length} tab-separated fields as in the header, found ${fields.length}`);
    }
    const row = new RowReader(file, line, { GEOID: fields[geoid], INTPTLAT: fields[lat], INTPTLONG: fields[lng] });
    const zcta = row.match("GEOID", patterns.zcta, "a 5-digit ZCTA");
    const first = seen.get(zcta);
    if (first !== undefined) row.fail(`GEOID ${zcta} repeats line ${first}`);
    seen.set(zcta, line);
    points.push({
      zcta,
      latitude: row.number("INTPTLAT", { min: -90, max: 90 }),
      longitude: row.number("INTPTLONG", { min: -180, max: 180 }),
    });
  }
  return points;
}
