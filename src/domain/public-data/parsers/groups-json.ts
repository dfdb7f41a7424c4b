import { z } from "zod";
import { DataFileError } from "../formats/data-file-error.js";
import { isHttpUrl, patterns } from "../formats/row-reader.js";
import { zodDetail } from "../formats/zod-detail.js";

import { groupKinds } from "../../../db/schema/groups.js";

export { groupKinds };

const url = z.string().refine(isHttpUrl, "expected an http(s) URL");
const EMAIL = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i;

export const GroupSeedSchema = z.object({
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "expected lowercase words joined by hyphens"),
  name: z.string().min(1),
  state: z.string().refine((s) => s === "US" || patterns.usps.test(s), 'expected a USPS code, or "US" for national groups'),
  city: z.string().min(1).nullable(),
  websiteUrl: url.nullable(),
  contact: z
    .string()
    .refine((s) => EMAIL.test(s) || isHttpUrl(s), "expected an e-mail address or a contact page URL")
    .nullable(),
  kind: z.enum(groupKinds),
  status: z.enum(["active", "pending", "inactive"]),
  sourceUrl: url.nullable(),
  sourceAsOf: z.string().min(1).nullable(),
  notes: z.string().min(1).nullable(),
});

export type GroupSeed = z.infer<typeof GroupSeedSchema>;

const GroupsFile = z.object({ groups: z.array(GroupSeedSchema) });

/** seed/groups.json, the project's own starter list (written by scripts/build-seed.ts). */
export function parseGroupsJson(text: string, file: string): GroupSeed[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DataFileError(file, undefined, `not valid JSON: ${(error as Error).message}`);
  }
  const parsed = GroupsFile.safeParse(json);
  if (!parsed.success) throw new DataFileError(file, undefined, `not a groups seed file: ${zodDetail(parsed.error)}`);
  const seen = new Set<string>();
  for (const [index, group] of parsed.data.groups.entries()) {
    if (seen.has(group.slug)) throw new DataFileError(file, undefined, `groups[${index}]: slug ${group.slug} is used twice`);
    seen.add(group.slug);
  }
  return parsed.data.groups;
}
