import type { Actor } from "../accounts/actor.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { withTransaction, type Ctx } from "../context.js";
import { csvCell } from "../../lib/spreadsheet.js";
import { listGroupMembers } from "./list-group-members.js";

const csvRow = (cells: string[]) => cells.map(csvCell).join(",");

/**
 * The members list as CSV (UTF-8 with a byte-order mark, so spreadsheet apps read accents
 * right). Every export is written to the audit log: who took which group's list, and how big.
 */
export async function exportGroupMembersCsv({ ctx, input }: { ctx: Ctx; input: { actor: Actor | undefined; groupId: number } }): Promise<{ filename: string; csv: string; rows: number }> {
  return withTransaction(ctx, async (tx) => {
    const { group, includesEmail, members } = await listGroupMembers({ ctx: tx, input });
    const header = ["name", ...(includesEmail ? ["email"] : []), "zip", "phone", "status", "joined", "group_updates", "state_updates", "national_updates"];
    const lines = [
      csvRow(header),
      ...members.map((m) =>
        csvRow([
          m.name,
          ...(includesEmail ? [m.email ?? ""] : []),
          m.zip ?? "",
          m.phone ?? "",
          m.status,
          m.joinedAt.toISOString().slice(0, 10),
          m.optIns.group,
          m.optIns.state,
          m.optIns.national,
        ]),
      ),
    ];
    await recordAuditEvent({
      ctx: tx,
      input: { actorId: input.actor!.personId, action: "members.export", subject: `group:${group.id}`, detail: { rows: members.length, includesEmail } },
    });
    const date = tx.now().toISOString().slice(0, 10);
    return { filename: `${group.state.toLowerCase()}-${group.slug}-members-${date}.csv`, csv: `\uFEFF${lines.join("\r\n")}\r\n`, rows: members.length };
  });
}
