import type { Database } from "../../src/db/client.js";
import { ReadCache } from "../../src/db/read-cache.js";
import { updatePublicData } from "../../src/domain/public-data/update-public-data.js";
import { seedNewsFromFile } from "../../src/domain/news/seed-news.js";

/** Import the real public data from `dataDir` into a template database, failing loudly; then the starter news links, as start-up does. */
export async function loadPublicDataForTests(database: Database, dataDir: string) {
  const ctx = { db: database.db, cache: ReadCache.local(), now: () => new Date() };
  const report = await updatePublicData({ ctx, input: { dataDir, sourcesDir: dataDir } });
  const failed = report.datasets.filter((d) => d.outcome === "failed");
  if (failed.length > 0) {
    throw new Error(`Public data import failed in test setup:\n${failed.map((d) => `${d.key}: ${d.error}`).join("\n")}`);
  }
  await seedNewsFromFile(ctx);
}
