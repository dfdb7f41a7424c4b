import { fileURLToPath } from "node:url";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { Database } from "./client.js";

const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

/** An arbitrary constant: every app process takes the same advisory lock while migrating. */
const MIGRATION_LOCK_ID = 7_314_159;

/** Apply the committed SQL migrations. Safe to call from several processes at once on PostgreSQL. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === "pglite") {
    await migratePglite(database.db as never, { migrationsFolder });
    return;
  }
  await database.withAdvisoryLock(MIGRATION_LOCK_ID, () => migratePg(database.db as never, { migrationsFolder }));
}
