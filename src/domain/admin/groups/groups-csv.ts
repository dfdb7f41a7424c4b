import { groups, type GroupSocialLinks } from "../../../db/schema/index.js";
import type { Ctx } from "../../context.js";
import type { FieldErrorCode } from "../../errors.js";
import { DataFileError } from "../../public-data/formats/data-file-error.js";
import { parseCsv, toCsv } from "../../public-data/formats/csv.js";
import { groupFieldColumns, groupFields, groupFieldStrings, groupRowChanges, validateGroupFields, type GroupField, type GroupValues } from "./group-fields.js";
import { loadStateCodes } from "./group-lookups.js";
import { fromSpreadsheetSafe, spreadsheetSafe } from "../../../lib/spreadsheet.js";

/** The export's columns, in order; the import accepts exactly these (any order, any subset with name, state and kind). */
export const groupCsvColumns = ["id", ...groupFields.map((f) => groupFieldColumns[f])] as const;
const requiredColumns = ["name", "state", "kind"];
const fieldForColumn = new Map<string, GroupField>(groupFields.map((f) => [groupFieldColumns[f], f]));
export const MAX_IMPORT_ROWS = 2000;

const unescapeCell = fromSpreadsheetSafe;

export function groupsToCsv(rows: (typeof groups.$inferSelect)[]): string {
  return toCsv(
    groupCsvColumns,
    rows.map((row) => {
      const fields = groupFieldStrings(row);
      return [String(row.id), ...groupFields.map((f) => spreadsheetSafe(fields[f]))];
    }),
  );
}

/** Why a row cannot be imported: a field's usual reason, or one about the file as a whole. */
export type ImportRowErrorCode = FieldErrorCode | "taken" | "duplicate_in_file" | "unknown_id" | "field_count";
export interface ImportRowError {
  column: string | null;
  code: ImportRowErrorCode;
}
export type ImportFileErrorCode = "empty" | "syntax" | "missing_columns" | "unknown_columns" | "duplicate_columns" | "too_many_rows";
export interface ImportFileError {
  code: ImportFileErrorCode;
  line: number | null;
  columns: string[];
}

export interface ImportRowPlan {
  /** Line in the file where the row starts (the header is line 1). */
  line: number;
  action: "create" | "update" | "unchanged" | "invalid";
  groupId: number | null;
  name: string;
  state: string;
  slug: string;
  /** For updates: the columns whose value changes. */
  changed: string[];
  errors: ImportRowError[];
  /** What to write (internal: not shown). */
  values: GroupValues;
  currentSocial: GroupSocialLinks | null;
}

export interface ImportPlan {
  fileErrors: ImportFileError[];
  rows: ImportRowPlan[];
  counts: { create: number; update: number; unchanged: number; invalid: number };
}

const keyOf = (state: string, slug: string) => `${state}/${slug}`;

/**
 * Read a groups CSV and work out, row by row, what importing it would do, checking every row:
 * required fields, state codes, kinds, statuses, web addresses, coordinates, known ids, and
 * that no two groups would end up with the same web address name in a state. Rows match
 * existing groups by id, or else by state and slug (the slug made from the name when empty).
 */
export async function planGroupsImport(ctx: Ctx, text: string): Promise<ImportPlan> {
  const plan: ImportPlan = { fileErrors: [], rows: [], counts: { create: 0, update: 0, unchanged: 0, invalid: 0 } };
  let records;
  try {
    records = parseCsv(text.replace(/\r\n?/g, "\n"), "upload");
  } catch (error) {
    if (!(error instanceof DataFileError)) throw error;
    plan.fileErrors.push({ code: "syntax", line: error.line ?? null, columns: [] });
    return plan;
  }
  const header = records[0];
  if (!header || records.length < 2) {
    plan.fileErrors.push({ code: "empty", line: null, columns: [] });
    return plan;
  }
  const names = header.fields.map((n) => n.trim().toLowerCase());
  const unknown = names.filter((n) => !(groupCsvColumns as readonly string[]).includes(n));
  if (unknown.length) plan.fileErrors.push({ code: "unknown_columns", line: 1, columns: unknown });
  const duplicated = names.filter((n, i) => names.indexOf(n) !== i);
  if (duplicated.length) plan.fileErrors.push({ code: "duplicate_columns", line: 1, columns: [...new Set(duplicated)] });
  const missing = requiredColumns.filter((c) => !names.includes(c));
  if (missing.length) plan.fileErrors.push({ code: "missing_columns", line: 1, columns: missing });
  if (records.length - 1 > MAX_IMPORT_ROWS) plan.fileErrors.push({ code: "too_many_rows", line: null, columns: [] });
  if (plan.fileErrors.length) return plan;

  const stateCodes = await loadStateCodes(ctx);
  const existing = await ctx.db.select().from(groups);
  const byId = new Map(existing.map((g) => [g.id, g]));
  const byKey = new Map(existing.map((g) => [keyOf(g.state, g.slug), g]));
  const seenIds = new Set<number>();
  const finalKeys = new Map<string, number>();

  for (const record of records.slice(1)) {
    const errors: ImportRowError[] = [];
    const row: ImportRowPlan = { line: record.line, action: "invalid", groupId: null, name: "", state: "", slug: "", changed: [], errors, values: {}, currentSocial: null };
    plan.rows.push(row);
    if (record.fields.length !== names.length) {
      errors.push({ column: null, code: "field_count" });
      row.name = record.fields[names.indexOf("name")] ?? "";
      continue;
    }
    const cells = new Map(names.map((n, i) => [n, unescapeCell(record.fields[i]!)]));
    const raw: Partial<Record<GroupField, string>> = {};
    for (const [column, value] of cells) {
      const field = fieldForColumn.get(column);
      if (field) raw[field] = value;
    }
    row.name = (raw.name ?? "").trim();

    let match: (typeof existing)[number] | undefined;
    const idText = (cells.get("id") ?? "").trim();
    if (idText) {
      const id = /^\d{1,9}$/.test(idText) ? Number(idText) : NaN;
      match = byId.get(id);
      if (!match) errors.push({ column: "id", code: "unknown_id" });
      else if (seenIds.has(id)) errors.push({ column: "id", code: "duplicate_in_file" });
      else seenIds.add(id);
    } else {
      const state = (raw.state ?? "").trim().toUpperCase();
      const { values } = validateGroupFields({ name: raw.name ?? "", slug: raw.slug ?? "" }, { stateCodes, creating: false });
      if (state && values.slug) match = byKey.get(keyOf(state, values.slug));
      if (match && seenIds.has(match.id)) {
        errors.push({ column: "slug", code: "duplicate_in_file" });
        match = undefined;
      } else if (match) seenIds.add(match.id);
    }
    // An empty slug on an existing group keeps the one it has.
    if (match && !(raw.slug ?? "").trim()) delete raw.slug;

    const { values, errors: fieldErrors } = validateGroupFields(raw, { stateCodes, creating: !match });
    for (const field of groupFields) {
      const code = fieldErrors[field];
      if (code) errors.push({ column: groupFieldColumns[field], code });
    }
    row.values = values;
    row.currentSocial = match?.socialLinks ?? null;
    row.groupId = match?.id ?? null;
    row.state = values.state ?? match?.state ?? (raw.state ?? "").trim().toUpperCase();
    row.slug = values.slug ?? match?.slug ?? "";

    if (row.state && row.slug && !fieldErrors.state && !fieldErrors.slug) {
      const key = keyOf(row.state, row.slug);
      const owner = byKey.get(key);
      if (finalKeys.has(key)) errors.push({ column: "slug", code: "duplicate_in_file" });
      else if (owner && owner.id !== match?.id) errors.push({ column: "slug", code: "taken" });
      else finalKeys.set(key, match?.id ?? -record.line);
    }

    if (errors.length) continue;
    if (!match) {
      row.action = "create";
      continue;
    }
    const before = groupFieldStrings(match);
    const after = groupFieldStrings({ ...match, ...groupRowChanges(values, match.socialLinks) });
    row.changed = groupFields.filter((f) => before[f] !== after[f]).map((f) => groupFieldColumns[f]);
    row.action = row.changed.length ? "update" : "unchanged";
  }
  for (const row of plan.rows) plan.counts[row.action]++;
  return plan;
}
