import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** One row per imported public dataset: where it came from, how fresh it is, what licence it carries. */
export const datasets = pgTable("datasets", {
  key: text("key").primaryKey(),
  title: text("title").notNull(),
  sourceUrl: text("source_url").notNull(),
  licence: text("licence").notNull(),
  licenceUrl: text("licence_url"),
  /** Credit line that must be shown wherever the data is used, when the licence asks for one. */
  attribution: text("attribution"),
  version: text("version").notNull(),
  asOf: text("as_of"),
  rowCount: integer("row_count").notNull(),
  /** sha256 of the source file(s); an unchanged file is not imported again. */
  checksum: text("checksum").notNull(),
  importedAt: timestamp("imported_at", { withTimezone: true }).notNull(),
});
