import { asc } from "drizzle-orm";
import { groups } from "../../../db/schema/index.js";
import type { Actor } from "../../accounts/actor.js";
import { authorize } from "../../access/policy.js";
import { recordAuditEvent } from "../../audit/record-audit-event.js";
import { withTransaction, type Ctx } from "../../context.js";
import { groupsToCsv } from "./groups-csv.js";

/**
 * Every group (all statuses) as CSV, in the columns the import reads back. Spreadsheet-safe
 * (see spreadsheetSafe) and audited. Contacts may be e-mail addresses: staff only.
 */
export async function exportGroupsCsv({ ctx, input }: { ctx: Ctx; input: { actor: Actor | undefined } }): Promise<{ csv: string; count: number; filename: string }> {
  authorize(input.actor, { to: "administer" });
  const actor = input.actor;
  return withTransaction(ctx, async (tx) => {
    const rows = await tx.db.select().from(groups).orderBy(asc(groups.state), asc(groups.name), asc(groups.id));
    await recordAuditEvent({ ctx: tx, input: { actorId: actor.personId, action: "groups.export", detail: { count: rows.length } } });
    return { csv: groupsToCsv(rows), count: rows.length, filename: `groups-${tx.now().toISOString().slice(0, 10)}.csv` };
  });
}
