import { z } from "zod";
import { DataFileError } from "../formats/data-file-error.js";
import { patterns } from "../formats/row-reader.js";
import { parseYamlList } from "../formats/yaml-list.js";
import { zodDetail } from "../formats/zod-detail.js";

export interface SocialHandles {
  twitter: string | null;
  facebook: string | null;
  instagram: string | null;
  youtube: string | null;
  mastodon: string | null;
  bluesky: string | null;
}

// Numeric account names (some Facebook pages) arrive as YAML integers; read as bigint so long ones keep every digit.
const handle = z
  .union([z.string(), z.number(), z.bigint()])
  .optional()
  .transform((value) => (value === undefined ? null : String(value).trim() || null));

const Entry = z.object({
  id: z.object({ bioguide: z.string().regex(patterns.bioguide, "expected a bioguide ID such as C000127") }),
  social: z.object({
    twitter: handle,
    facebook: handle,
    instagram: handle,
    youtube: handle,
    youtube_id: handle,
    mastodon: handle,
    bluesky: handle,
  }),
});

/** legislators-social-media.yaml: official accounts by bioguide ID. */
export function parseLegislatorsSocialMediaYaml(text: string, file: string): Map<string, SocialHandles> {
  const byMember = new Map<string, SocialHandles>();
  for (const { line, value } of parseYamlList(text, file, { intAsBigInt: true })) {
    const parsed = Entry.safeParse(value);
    if (!parsed.success) throw new DataFileError(file, line, zodDetail(parsed.error));
    const { id, social } = parsed.data;
    if (byMember.has(id.bioguide)) throw new DataFileError(file, line, `${id.bioguide} appears twice`);
    byMember.set(id.bioguide, {
      twitter: social.twitter,
      facebook: social.facebook,
      instagram: social.instagram,
      // A channel with no legacy user name is only known by its ID; "channel/<id>" still makes a youtube.com/… link.
      youtube: social.youtube ?? (social.youtube_id ? `channel/${social.youtube_id}` : null),
      mastodon: social.mastodon,
      bluesky: social.bluesky,
    });
  }
  return byMember;
}
