import { fileURLToPath } from "node:url";
import type { Database } from "./client.js";

const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

/** An arbitrary constant: every app process takes the same advisory lock while migrating. */
const MIGRATION_LOCK_ID = 7_314_159;

/** Apply the committed SQL migrations. Safe to call from several processes at once on PostgreSQL. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(database.db as never, { migrationsFolder });
    return;
  }
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  await database.withAdvisoryLock(MIGRATION_LOCK_ID, () => migrate(database.db as never, { migrationsFolder }));
}
