import { parseCsvTable } from "../formats/csv.js";
import { RowReader } from "../formats/row-reader.js";
import { slugify } from "../../../lib/slugify.js";
import { GroupSeedSchema, groupKinds, type GroupSeed } from "./groups-json.js";

const columnFor: Partial<Record<keyof GroupSeed, string>> = { websiteUrl: "website", contact: "email_or_contact_page" };

/**
 * The shared starter list groups/single-payer-groups.csv:
 * `name,state,city,website,email_or_contact_page,kind,source_url,as_of,notes`.
 * Slugs come from the name; a name used twice gets its state (then a number) appended, in
 * file order, so slugs stay the same from one run to the next.
 */
export function parseGroupsCsv(text: string, file: string): GroupSeed[] {
  const rows = parseCsvTable(text, {
    file,
    describe: "the single-payer groups list (single-payer-groups.csv)",
    required: ["name", "state", "city", "website", "email_or_contact_page", "kind", "source_url", "as_of", "notes"],
  });
  const used = new Set<string>();
  return rows.map(({ line, values }) => {
    const row = new RowReader(file, line, values);
    const name = row.text("name");
    const state = row.text("state");
    const base = slugify(name) || row.fail(`name ${JSON.stringify(name)} has no letters or digits to make a slug from`);
    let slug = used.has(base) ? `${base}-${state.toLowerCase()}` : base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${state.toLowerCase()}-${n}`;
    used.add(slug);
    const group = {
      slug,
      name,
      state,
      city: row.optional("city"),
      websiteUrl: row.optionalUrl("website"),
      contact: row.optional("email_or_contact_page"),
      kind: row.oneOf("kind", groupKinds),
      status: "active" as const,
      sourceUrl: row.url("source_url"),
      sourceAsOf: row.optional("as_of"),
      notes: row.optional("notes"),
    };
    const checked = GroupSeedSchema.safeParse(group);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      const field = issue.path[0] as keyof typeof group;
      row.fail(`${columnFor[field] ?? field} ${JSON.stringify(group[field])}: ${issue.message}`);
    }
    return group;
  });
}
