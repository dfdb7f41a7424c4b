import { z } from "zod";
import type { memberOffices } from "../../../db/schema/index.js";
import { DataFileError } from "../formats/data-file-error.js";
import { patterns } from "../formats/row-reader.js";
import { parseYamlList } from "../formats/yaml-list.js";
import { zodDetail } from "../formats/zod-detail.js";

export type MemberOfficeRow = typeof memberOffices.$inferInsert;

const text = z
  .union([z.string(), z.number()])
  .optional()
  .transform((value) => (value === undefined ? null : String(value).trim() || null));

const Office = z.object({
  id: z.string().min(1),
  address: text,
  suite: text,
  building: text,
  city: text,
  state: text,
  // Unquoted ZIPs are YAML integers and lose their leading zeros; put them back.
  zip: z
    .union([z.string(), z.number().int()])
    .optional()
    .transform((value) => (value === undefined ? null : typeof value === "number" ? String(value).padStart(5, "0") : value.trim() || null)),
  phone: text,
  fax: text,
  latitude: z.number().optional(),
  longitude: z.number().optional(),
});

const Entry = z.object({
  id: z.object({ bioguide: z.string().regex(patterns.bioguide, "expected a bioguide ID such as C000127") }),
  offices: z.array(Office).default([]),
});

/**
 * legislators-district-offices.yaml: each member's local offices. Impossible coordinates (the
 * upstream file has had typos such as latitude 441.5) are dropped with a warning rather than
 * refusing every member's offices: the address and phone number are what people need.
 */
export function parseLegislatorsDistrictOfficesYaml(text: string, file: string): { rows: MemberOfficeRow[]; warnings: string[] } {
  const seen = new Map<string, number>();
  const rows: MemberOfficeRow[] = [];
  const warnings: string[] = [];
  for (const { line, value } of parseYamlList(text, file)) {
    const parsed = Entry.safeParse(value);
    if (!parsed.success) throw new DataFileError(file, line, zodDetail(parsed.error));
    for (const office of parsed.data.offices) {
      const first = seen.get(office.id);
      if (first !== undefined) throw new DataFileError(file, line, `office id ${office.id} also appears on line ${first}`);
      seen.set(office.id, line);
      let { latitude = null, longitude = null } = office;
      if ((latitude !== null && Math.abs(latitude) > 90) || (longitude !== null && Math.abs(longitude) > 180)) {
        warnings.push(`${file} line ${line}: office ${office.id} has impossible coordinates (${latitude}, ${longitude}); they were left out`);
        latitude = longitude = null;
      }
      rows.push({
        id: office.id,
        bioguideId: parsed.data.id.bioguide,
        address: office.address,
        suite: office.suite,
        building: office.building,
        city: office.city,
        state: office.state,
        zip: office.zip,
        phone: office.phone,
        fax: office.fax,
        latitude,
        longitude,
      });
    }
  }
  return { rows, warnings };
}
