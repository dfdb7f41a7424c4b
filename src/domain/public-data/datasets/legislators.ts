import { memberOffices, members } from "../../../db/schema/index.js";
import { insertInBatches } from "../insert-batches.js";
import { parseLegislatorsCurrentYaml } from "../parsers/legislators-current-yaml.js";
import { parseLegislatorsDistrictOfficesYaml } from "../parsers/legislators-district-offices-yaml.js";
import { parseLegislatorsSocialMediaYaml, type SocialHandles } from "../parsers/legislators-social-media-yaml.js";
import { fileAt } from "../source-files.js";
import type { DatasetImporter } from "./types.js";

const noHandles: SocialHandles = { twitter: null, facebook: null, instagram: null, youtube: null, mastodon: null, bluesky: null };

/** Sitting members with their current term, official social accounts and district offices. */
export const legislatorsImporter: DatasetImporter = {
  formatVersion: 1,
  prepare(files) {
    const current = fileAt(files, "congress-legislators/legislators-current.yaml");
    const social = fileAt(files, "congress-legislators/legislators-social-media.yaml");
    const offices = fileAt(files, "congress-legislators/legislators-district-offices.yaml");

    const legislators = parseLegislatorsCurrentYaml(current.text(), current.label);
    const handles = parseLegislatorsSocialMediaYaml(social.text(), social.label);
    const officeList = parseLegislatorsDistrictOfficesYaml(offices.text(), offices.label);

    const rows = legislators.map((member) => ({ ...member, ...(handles.get(member.bioguideId) ?? noHandles) }));
    // The side files can lag behind legislators-current by a day or two (a member who just left).
    const sitting = new Set(rows.map((row) => row.bioguideId));
    const officeRows = officeList.rows.filter((office) => sitting.has(office.bioguideId));
    const warnings = [...officeList.warnings];
    const strayOffices = officeList.rows.length - officeRows.length;
    if (strayOffices > 0) warnings.push(`${offices.label}: ${strayOffices} office(s) of people not in ${current.label} were skipped`);
    const newest = rows.reduce((max, row) => (row.termStart > max ? row.termStart : max), "");

    return {
      rowCount: rows.length,
      rowsToWrite: rows.length + officeRows.length,
      version: `newest term start ${newest}`,
      asOf: newest || null,
      warnings,
      async write(db, onRows) {
        await db.delete(memberOffices);
        await db.delete(members);
        await insertInBatches(db, members, rows, onRows);
        await insertInBatches(db, memberOffices, officeRows, onRows);
        return { detail: `${rows.length} members, ${officeRows.length} district offices` };
      },
    };
  },
};
