import type { Db } from "../../../db/client.js";
import type { SourceFile } from "../source-files.js";

/** A dataset parsed and validated in memory, ready to replace what the database holds. */
export interface PreparedImport {
  /** Rows of the dataset as users count them (members, ZIP–district pairs…), stored in `datasets`. */
  rowCount: number;
  /** Rows `write` inserts in all, for the progress bar (members plus their offices, say). */
  rowsToWrite: number;
  /** When the data itself carries its version or date (newest term start…). */
  version?: string;
  asOf?: string | null;
  /** Problems that were worked around (a bad coordinate dropped…), for the report. */
  warnings?: string[];
  /** Runs inside the dataset's transaction. */
  write(db: Db, onRows: (inserted: number) => void): Promise<{ detail?: string; groupsChanged?: boolean }>;
}

export interface DatasetImporter {
  /**
   * Bump when the import logic changes what lands in the database, so databases holding the
   * same source files re-import them (it is part of the stored checksum).
   */
  formatVersion: number;
  prepare(files: SourceFile[]): PreparedImport;
}
