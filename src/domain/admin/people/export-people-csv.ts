import { desc } from "drizzle-orm";
import { people } from "../../../db/schema/index.js";
import type { Actor } from "../../accounts/actor.js";
import { authorize } from "../../access/policy.js";
import { recordAuditEvent } from "../../audit/record-audit-event.js";
import { withTransaction, type Ctx } from "../../context.js";
import { csvLines } from "../../../lib/spreadsheet.js";
import { filterParams, parsePeopleFilter, peopleWhere, personSummaryColumns } from "./people-filter.js";
import { toSummary } from "./search-people.js";

export interface PeopleExport {
  filename: string;
  csv: string;
  rowCount: number;
}

const header = ["id", "name", "email", "zip", "state", "email_confirmed", "created_at", "groups_joined", "lists_subscribed"];

/**
 * Everyone a people search finds, as CSV (no paging). Recorded in the audit log with the filter
 * and the number of people, in the same transaction that reads them.
 */
export async function exportPeopleCsv({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { actor: Actor | undefined; q?: string | undefined; zip?: string | undefined; state?: string | undefined };
}): Promise<PeopleExport> {
  const actor = input.actor;
  authorize(actor, { to: "administer" });
  const filter = parsePeopleFilter(input);
  return withTransaction(ctx, async (tx) => {
    const rows = (
      await tx.db.select(personSummaryColumns).from(people).where(peopleWhere(filter)).orderBy(desc(people.createdAt), desc(people.id))
    ).map(toSummary);
    await recordAuditEvent({
      ctx: tx,
      input: { actorId: actor.personId, action: "people.export", detail: { filter: filterParams(filter), rows: rows.length } },
    });
    const lines = rows.map((p) => [p.id, p.name, p.email, p.zip, p.state, p.confirmed ? "yes" : "no", p.createdAt.toISOString(), p.groups, p.lists]);
    const day = ctx.now().toISOString().slice(0, 10);
    return { filename: `people-${day}.csv`, csv: csvLines([header, ...lines]), rowCount: rows.length };
  });
}
