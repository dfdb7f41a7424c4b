import { and, asc, eq } from "drizzle-orm";
import { groupChangeReports, groups } from "../../../db/schema/index.js";
import type { Actor } from "../../accounts/actor.js";
import { authorize } from "../../access/policy.js";
import { recordAuditEvent } from "../../audit/record-audit-event.js";
import { withTransaction, type Ctx } from "../../context.js";
import { conflict, invalid, notFound, type FieldErrors } from "../../errors.js";
import type { ChangeReportKind } from "../../groups/report-group-change.js";
import { groupPath } from "../../groups/group-directory.js";
import { requireText } from "../../people/validate-person-fields.js";

export interface ChangeReport {
  id: number;
  kind: ChangeReportKind;
  message: string;
  reporterEmail: string | null;
  createdAt: Date;
  group: { id: number; name: string; state: string; path: string };
}

/** Open reports that a group's listing is wrong, oldest first (staff only). */
export async function listChangeReports({ ctx, input }: { ctx: Ctx; input: { actor: Actor | undefined } }): Promise<ChangeReport[]> {
  authorize(input.actor, { to: "administer" });
  const rows = await ctx.db
    .select({
      id: groupChangeReports.id,
      kind: groupChangeReports.kind,
      message: groupChangeReports.message,
      reporterEmail: groupChangeReports.reporterEmail,
      createdAt: groupChangeReports.createdAt,
      groupId: groups.id,
      groupName: groups.name,
      state: groups.state,
      slug: groups.slug,
    })
    .from(groupChangeReports)
    .innerJoin(groups, eq(groups.id, groupChangeReports.groupId))
    .where(eq(groupChangeReports.status, "open"))
    .orderBy(asc(groupChangeReports.createdAt), asc(groupChangeReports.id));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    message: r.message,
    reporterEmail: r.reporterEmail,
    createdAt: r.createdAt,
    group: { id: r.groupId, name: r.groupName, state: r.state, path: groupPath(r.state, r.slug) },
  }));
}

/**
 * Close a report: "resolved" after the group was fixed (or taken off the directory), "dismissed"
 * when nothing needed changing. A short note says what was done; audited.
 */
export async function closeChangeReport({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { actor: Actor | undefined; reportId: number; outcome: string; note?: string | undefined };
}): Promise<void> {
  authorize(input.actor, { to: "administer" });
  const actor = input.actor;
  const errors: FieldErrors = {};
  const outcome = input.outcome === "resolved" || input.outcome === "dismissed" ? input.outcome : undefined;
  if (!outcome) errors.outcome = "invalid_choice";
  const note = requireText(input.note, "note", 2000, errors, false);
  if (Object.keys(errors).length > 0) throw invalid("Choose resolved or dismissed.", errors);
  await withTransaction(ctx, async (tx) => {
    const [report] = await tx.db.select().from(groupChangeReports).where(eq(groupChangeReports.id, input.reportId));
    if (!report) throw notFound("There is no such report.");
    const closed = await tx.db
      .update(groupChangeReports)
      .set({ status: outcome!, decidedAt: tx.now(), decidedBy: actor.personId, decisionNote: note || null })
      .where(and(eq(groupChangeReports.id, report.id), eq(groupChangeReports.status, "open")))
      .returning({ id: groupChangeReports.id });
    if (closed.length === 0) throw conflict("This report was already closed.");
    await recordAuditEvent({
      ctx: tx,
      input: { actorId: actor.personId, action: `change-report.${outcome}`, subject: `group:${report.groupId}`, detail: { reportId: report.id, note: note || null } },
    });
  });
}
