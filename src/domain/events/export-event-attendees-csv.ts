import type { Actor } from "../accounts/actor.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { withTransaction, type Ctx } from "../context.js";
import { csvLines } from "../../lib/spreadsheet.js";
import { listEventAttendees } from "./list-event-attendees.js";

/** The attendee list as CSV (UTF-8 with a byte-order mark); every export goes to the audit log. */
export async function exportEventAttendeesCsv({ ctx, input }: { ctx: Ctx; input: { actor: Actor | undefined; eventId: number } }): Promise<{ filename: string; csv: string; rows: number }> {
  return withTransaction(ctx, async (tx) => {
    const { event, includesEmail, attendees } = await listEventAttendees({ ctx: tx, input });
    const csv = csvLines([
      ["name", ...(includesEmail ? ["email"] : []), "zip", "status", "since"],
      ...attendees.map((a) => [a.name, ...(includesEmail ? [a.email ?? ""] : []), a.zip ?? "", a.status, a.since.toISOString()]),
    ]);
    await recordAuditEvent({
      ctx: tx,
      input: { actorId: input.actor!.personId, action: "event.attendees.export", subject: `event:${event.id}`, detail: { rows: attendees.length, includesEmail } },
    });
    return { filename: `event-${event.id}-attendees-${tx.now().toISOString().slice(0, 10)}.csv`, csv: `\uFEFF${csv}`, rows: attendees.length };
  });
}
