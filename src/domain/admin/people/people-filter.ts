import { and, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { groupMemberships, people, subscriptions } from "../../../db/schema/index.js";
import { invalid, type FieldErrors } from "../../errors.js";

/** What staff can search people by; every part optional. Also the filter of an export. */
export interface PeopleFilter {
  /** Part of a name or e-mail address. */
  q: string;
  /** A 5-digit ZIP code. */
  zip: string;
  /** A USPS code, "MN". */
  state: string;
}

export const PAGE_SIZE = 50;

/** Check the search form's fields; "invalid" with a reason per field when one is unusable. */
export function parsePeopleFilter(raw: { q?: string | undefined; zip?: string | undefined; state?: string | undefined }): PeopleFilter {
  const q = (raw.q ?? "").trim();
  const zip = (raw.zip ?? "").trim();
  const state = (raw.state ?? "").trim().toUpperCase();
  const errors: FieldErrors = {};
  if (q.length > 200) errors.q = "too_long";
  if (zip && !/^\d{5}$/.test(zip)) errors.zip = "invalid_zip";
  if (state && !/^[A-Z]{2}$/.test(state)) errors.state = "invalid_choice";
  if (Object.keys(errors).length > 0) throw invalid("The search has unusable fields.", errors);
  return { q, zip, state };
}

/** The filter as query-string pairs (empty parts left out), for links to the same search. */
export function filterParams(filter: PeopleFilter): Record<string, string> {
  const params: Record<string, string> = {};
  if (filter.q) params.q = filter.q;
  if (filter.zip) params.zip = filter.zip;
  if (filter.state) params.state = filter.state;
  return params;
}

/** LIKE pattern for "contains", with the pattern characters in the text taken literally. */
const contains = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

export function peopleWhere(filter: PeopleFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  if (filter.q) parts.push(or(ilike(people.name, contains(filter.q)), ilike(people.emailKey, contains(filter.q.toLowerCase()))));
  if (filter.zip) parts.push(eq(people.zip, filter.zip));
  if (filter.state) parts.push(eq(people.state, filter.state));
  return parts.length > 0 ? and(...parts) : undefined;
}

/** The columns a search row and an export line share, listed one by one. */
export const personSummaryColumns = {
  id: people.id,
  name: people.name,
  email: people.email,
  zip: people.zip,
  state: people.state,
  emailConfirmedAt: people.emailConfirmedAt,
  createdAt: people.createdAt,
  groups: sql<number | string>`(select count(*) from ${groupMemberships} where ${groupMemberships.personId} = ${people.id} and ${groupMemberships.status} = 'active')`,
  lists: sql<number | string>`(select count(*) from ${subscriptions} where ${subscriptions.personId} = ${people.id} and ${subscriptions.status} = 'active')`,
};

export interface PersonSummary {
  id: number;
  name: string;
  email: string;
  zip: string | null;
  state: string | null;
  confirmed: boolean;
  createdAt: Date;
  /** Groups joined (confirmed memberships). */
  groups: number;
  /** Lists subscribed to (active subscriptions). */
  lists: number;
}
