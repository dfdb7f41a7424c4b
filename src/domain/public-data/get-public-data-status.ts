import { datasets } from "../../db/schema/index.js";
import type { Ctx } from "../context.js";
import { datasetCatalogue, type DatasetKey } from "./catalogue.js";

/** Which catalogued datasets have been imported, and which are still missing. */
export async function getPublicDataStatus({ ctx }: { ctx: Ctx }): Promise<{ loaded: DatasetKey[]; missing: DatasetKey[] }> {
  const rows = await ctx.db.select({ key: datasets.key }).from(datasets);
  const present = new Set(rows.map((row) => row.key));
  const keys = datasetCatalogue.map((entry) => entry.key);
  return { loaded: keys.filter((k) => present.has(k)), missing: keys.filter((k) => !present.has(k)) };
}
