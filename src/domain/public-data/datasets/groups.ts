import { groups } from "../../../db/schema/index.js";
import { parseGroupsCsv } from "../parsers/groups-csv.js";
import { parseGroupsJson, type GroupSeed } from "../parsers/groups-json.js";
import { fileAt, type SourceFile } from "../source-files.js";
import type { DatasetImporter } from "./types.js";

const GROUPS = "groups/single-payer-groups.csv";

export function readGroups(file: SourceFile): GroupSeed[] {
  return file.origin === "seed" ? parseGroupsJson(file.text(), file.label) : parseGroupsCsv(file.text(), file.label);
}

/**
 * The starter list only adds groups: a slug already in the database is left alone, because
 * organizers edit (or archive) their group after it is seeded and a re-import must not undo that.
 */
export const groupsImporter: DatasetImporter = {
  formatVersion: 1,
  prepare(files) {
    const rows = readGroups(fileAt(files, GROUPS));
    const dated = rows.map((row) => row.sourceAsOf ?? "").filter((asOf) => /^\d{4}(-\d{2}){0,2}$/.test(asOf));
    return {
      rowCount: rows.length,
      rowsToWrite: rows.length,
      version: `${rows.length} groups`,
      asOf: dated.sort().at(-1) ?? null,
      async write(db, onRows) {
        let added = 0;
        for (let start = 0; start < rows.length; start += 1000) {
          const batch = rows.slice(start, start + 1000);
          const inserted = await db
            .insert(groups)
            .values(batch)
            .onConflictDoNothing({ target: [groups.state, groups.slug] })
            .returning({ slug: groups.slug });
          added += inserted.length;
          onRows(batch.length);
        }
        return {
          detail: `${added} new group(s) added, ${rows.length - added} already present and left as they are`,
          groupsChanged: added > 0,
        };
      },
    };
  },
};
