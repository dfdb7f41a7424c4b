import { z } from "zod";
import { DataFileError } from "../formats/data-file-error.js";
import { patterns } from "../formats/row-reader.js";
import { parseYamlList } from "../formats/yaml-list.js";
import { zodDetail } from "../formats/zod-detail.js";

/** A sitting member and their current term, as the members table stores them (social handles come later). */
export interface LegislatorRow {
  bioguideId: string;
  chamber: "house" | "senate";
  state: string;
  district: number | null;
  firstName: string;
  lastName: string;
  fullName: string;
  party: string;
  stateRank: string | null;
  senateClass: number | null;
  termStart: string;
  termEnd: string;
  phone: string | null;
  websiteUrl: string | null;
  contactFormUrl: string | null;
  officeAddress: string | null;
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD");
const optionalText = z
  .string()
  .optional()
  .transform((value) => value?.trim() || null);

const Term = z.object({
  type: z.enum(["rep", "sen"]),
  start: isoDate,
  end: isoDate,
  state: z.string().regex(patterns.usps, "expected a two-letter USPS code"),
  district: z.number().int().min(0).max(99).optional(),
  class: z.number().int().min(1).max(3).optional(),
  state_rank: z.enum(["senior", "junior"]).optional(),
  party: z.string().min(1),
  phone: optionalText,
  url: optionalText,
  contact_form: optionalText,
  address: optionalText,
});

const Legislator = z.object({
  id: z.object({ bioguide: z.string().regex(patterns.bioguide, "expected a bioguide ID such as C000127") }),
  name: z.object({ first: z.string().min(1), last: z.string().min(1), official_full: z.string().min(1).optional() }),
  terms: z.array(Term).min(1, "a member needs at least one term"),
});

/**
 * congress-legislators' legislators-current.yaml. Only the current term (the one that
 * started last) of each member is kept: the app needs who sits now, not their history.
 */
export function parseLegislatorsCurrentYaml(text: string, file: string): LegislatorRow[] {
  const seen = new Map<string, number>();
  return parseYamlList(text, file).map(({ line, value }) => {
    const parsed = Legislator.safeParse(value);
    if (!parsed.success) throw new DataFileError(file, line, zodDetail(parsed.error));
    const { id, name, terms } = parsed.data;
    const bioguideId = id.bioguide;
    const fail = (detail: string): never => {
      throw new DataFileError(file, line, `${bioguideId}: ${detail}`);
    };
    const first = seen.get(bioguideId);
    if (first !== undefined) fail(`appears twice (first on line ${first})`);
    seen.set(bioguideId, line);

    const term = terms.reduce((latest, t) => (t.start > latest.start ? t : latest));
    if (term.type === "rep" && term.district === undefined) fail(`current House term (from ${term.start}) has no district`);
    if (term.type === "sen" && term.class === undefined) fail(`current Senate term (from ${term.start}) has no class`);
    return {
      bioguideId,
      chamber: term.type === "rep" ? "house" : "senate",
      state: term.state,
      district: term.type === "rep" ? term.district! : null,
      firstName: name.first,
      lastName: name.last,
      fullName: name.official_full ?? `${name.first} ${name.last}`,
      party: term.party,
      stateRank: term.type === "sen" ? (term.state_rank ?? null) : null,
      senateClass: term.type === "sen" ? term.class! : null,
      termStart: term.start,
      termEnd: term.end,
      phone: term.phone,
      websiteUrl: term.url,
      contactFormUrl: term.contact_form,
      officeAddress: term.address,
    };
  });
}
