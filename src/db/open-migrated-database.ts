import type { Config } from "../config.js";
import { openDatabase, type Database } from "./client.js";
import { migrateDatabase } from "./migrate.js";

/** Open the configured database and bring its schema up to date. */
export async function openMigratedDatabase(config: Config): Promise<Database> {
  const database = await openDatabase(
    config.database.kind === "postgres"
      ? { kind: "postgres", url: config.database.url }
      : { kind: "pglite", dir: config.database.dir },
  );
  try {
    await migrateDatabase(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
