import type { Ctx } from "../context.js";
import type { DatasetKey } from "./catalogue.js";
import type { ProgressListener } from "./progress.js";

// Placeholder contract; the pipeline is being written (see issue 2).
export interface UpdatePublicDataInput {
  dataDir?: string;
  sourcesDir: string;
  force?: boolean;
  only?: DatasetKey[];
  onProgress?: ProgressListener;
}
export interface UpdateReport {
  datasets: { key: DatasetKey; outcome: "imported" | "unchanged" | "failed"; rowCount?: number; error?: string }[];
}
export async function updatePublicData(_args: { ctx: Ctx; input: UpdatePublicDataInput }): Promise<UpdateReport> {
  return { datasets: [] };
}
