import { getTableColumns, sql, type Column } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client.js";

/** Rows per statement: big enough to be fast, small enough to keep each statement's memory modest. */
const BATCH_ROWS = 5_000;

/**
 * Insert `rows` in batches, reporting each. Each batch is one
 * `INSERT … SELECT * FROM unnest($1::text[], $2::int[], …)`: one array parameter per column
 * instead of one parameter per value. That is about eight times faster than multi-row VALUES on
 * both PGlite and PostgreSQL, and never nears PostgreSQL's 65,535 bind-parameter limit.
 * Columns that no row sets are left to their defaults.
 */
export async function insertInBatches<T extends PgTable>(
  db: Db,
  table: T,
  rows: T["$inferInsert"][],
  onBatch: (inserted: number) => void = () => {},
): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, Column>;
  const records = rows as Record<string, unknown>[];
  const keys = Object.keys(columns).filter((key) => records.some((row) => row[key] !== undefined));
  const names = sql.join(
    keys.map((key) => sql.identifier(columns[key]!.name)),
    sql`, `,
  );
  for (let start = 0; start < records.length; start += BATCH_ROWS) {
    const batch = records.slice(start, start + BATCH_ROWS);
    const arrays = keys.map((key) => {
      const column = columns[key]!;
      const values = batch.map((row) => (row[key] === undefined || row[key] === null ? null : column.mapToDriverValue(row[key])));
      return sql`${sql.param(values)}::${sql.raw(arrayType(column))}`;
    });
    await db.execute(sql`insert into ${table} (${names}) select * from unnest(${sql.join(arrays, sql`, `)})`);
    onBatch(batch.length);
  }
}

function arrayType(column: Column): string {
  const type = column.getSQLType();
  const base = type === "serial" ? "integer" : type === "bigserial" ? "bigint" : type === "smallserial" ? "smallint" : type;
  return `${base}[]`;
}
