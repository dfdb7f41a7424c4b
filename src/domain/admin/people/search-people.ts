import { count, desc } from "drizzle-orm";
import { toCount } from "../../../db/client.js";
import { people } from "../../../db/schema/index.js";
import type { Actor } from "../../accounts/actor.js";
import { authorize } from "../../access/policy.js";
import type { Ctx } from "../../context.js";
import { invalid } from "../../errors.js";
import { PAGE_SIZE, parsePeopleFilter, peopleWhere, personSummaryColumns, type PeopleFilter, type PersonSummary } from "./people-filter.js";

export interface PeopleSearchInput {
  actor: Actor | undefined;
  q?: string | undefined;
  zip?: string | undefined;
  state?: string | undefined;
  /** 1-based; text from a query string is fine. */
  page?: number | string | undefined;
}

export interface PeopleSearch {
  filter: PeopleFilter;
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
  people: PersonSummary[];
}

/** Staff's people search: by part of a name or e-mail, ZIP and state; newest first, 50 a page. */
export async function searchPeople({ ctx, input }: { ctx: Ctx; input: PeopleSearchInput }): Promise<PeopleSearch> {
  authorize(input.actor, { to: "administer" });
  const filter = parsePeopleFilter(input);
  const page = input.page === undefined || input.page === "" ? 1 : Number(input.page);
  if (!Number.isInteger(page) || page < 1 || page > 100_000) throw invalid("The page must be a whole number from 1.", { page: "out_of_range" });
  const where = peopleWhere(filter);
  const [[total], rows] = await Promise.all([
    ctx.db.select({ n: count() }).from(people).where(where),
    ctx.db
      .select(personSummaryColumns)
      .from(people)
      .where(where)
      .orderBy(desc(people.createdAt), desc(people.id))
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE),
  ]);
  const n = toCount(total?.n ?? 0);
  return {
    filter,
    page,
    pageSize: PAGE_SIZE,
    pageCount: Math.max(1, Math.ceil(n / PAGE_SIZE)),
    total: n,
    people: rows.map(toSummary),
  };
}

export function toSummary(row: {
  id: number;
  name: string;
  email: string;
  zip: string | null;
  state: string | null;
  emailConfirmedAt: Date | null;
  createdAt: Date;
  groups: number | string;
  lists: number | string;
}): PersonSummary {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    zip: row.zip,
    state: row.state,
    confirmed: row.emailConfirmedAt !== null,
    createdAt: row.createdAt,
    groups: toCount(row.groups),
    lists: toCount(row.lists),
  };
}
