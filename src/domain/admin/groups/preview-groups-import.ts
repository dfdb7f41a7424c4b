import type { Actor } from "../../accounts/actor.js";
import { authorize } from "../../access/policy.js";
import type { Ctx } from "../../context.js";
import { planGroupsImport, type ImportFileError, type ImportRowError } from "./groups-csv.js";

export interface ImportPreview {
  fileErrors: ImportFileError[];
  rows: { line: number; action: "create" | "update" | "unchanged" | "invalid"; groupId: number | null; name: string; state: string; slug: string; changed: string[]; errors: ImportRowError[] }[];
  counts: { create: number; update: number; unchanged: number; invalid: number };
  /** Whether apply would accept this file: no file or row errors, and something to import. */
  canApply: boolean;
}

/** Step one of a groups import: what each row would do and which rows (by line) are wrong. Changes nothing. */
export async function previewGroupsImport({ ctx, input }: { ctx: Ctx; input: { actor: Actor | undefined; csv: string } }): Promise<ImportPreview> {
  authorize(input.actor, { to: "administer" });
  const plan = await planGroupsImport(ctx, input.csv);
  return {
    fileErrors: plan.fileErrors,
    rows: plan.rows.map((r) => ({ line: r.line, action: r.action, groupId: r.groupId, name: r.name, state: r.state, slug: r.slug, changed: r.changed, errors: r.errors })),
    counts: plan.counts,
    canApply: plan.fileErrors.length === 0 && plan.counts.invalid === 0 && plan.counts.create + plan.counts.update > 0,
  };
}
