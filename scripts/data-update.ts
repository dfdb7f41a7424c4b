/**
 * `npm run data:update [-- --force] [--only key,key] [--data-dir DIR]`
 *
 * Imports the public datasets into the configured database: from DATA_DIR (or --data-dir)
 * when set, otherwise by downloading them. Unchanged files are skipped unless --force.
 * Exit codes: 0 all fine, 1 a dataset failed, 64 bad flags, 75 the embedded database is in
 * use by the running app, 78 bad configuration.
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { createContext } from "../src/boot.js";
import { datasetKeys, isDatasetKey, type DatasetKey } from "../src/domain/public-data/catalogue.js";
import type { ProgressListener } from "../src/domain/public-data/progress.js";
import { updatePublicData, type DatasetReport } from "../src/domain/public-data/update-public-data.js";
import { consoleProgress } from "../src/lib/console-progress.js";
import { openToolDatabase, readToolConfig } from "./tool-setup.js";

export const usage = `Usage: npm run data:update -- [--force] [--only KEY[,KEY…]] [--data-dir DIR]

  --force          import even the datasets whose files have not changed
  --only KEYS      only these datasets, comma-separated: ${datasetKeys.join(", ")}
  --data-dir DIR   read the files from DIR (the shared data layout) instead of DATA_DIR;
                   without either, files are downloaded into SOURCES_DIR`;

export class UsageError extends Error {
  override name = "UsageError";
}

export interface DataUpdateArgs {
  force: boolean;
  only: DatasetKey[] | undefined;
  dataDir: string | undefined;
  help: boolean;
}

export function parseDataUpdateArgs(argv: string[]): DataUpdateArgs {
  let values: { force?: boolean; only?: string; "data-dir"?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        force: { type: "boolean" },
        only: { type: "string" },
        "data-dir": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  let only: DatasetKey[] | undefined;
  if (values.only !== undefined) {
    const keys = values.only.split(",").map((key) => key.trim()).filter(Boolean);
    const unknown = keys.filter((key) => !isDatasetKey(key));
    if (keys.length === 0 || unknown.length > 0) {
      throw new UsageError(`--only: unknown dataset ${JSON.stringify(unknown.join(",") || values.only)}`);
    }
    only = keys as DatasetKey[];
  }
  if (values["data-dir"] === "") throw new UsageError("--data-dir needs a directory");
  return { force: values.force ?? false, only, dataDir: values["data-dir"], help: values.help ?? false };
}

async function main(): Promise<number> {
  let args: DataUpdateArgs;
  try {
    args = parseDataUpdateArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${usage}\n`);
    return 64;
  }
  if (args.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }

  const config = readToolConfig();
  if (typeof config === "number") return config;
  const dataDir = args.dataDir ?? config.dataDir;

  const database = await openToolDatabase(config, "The running app imports missing data itself at start-up; to update it, stop the app first.");
  if (typeof database === "number") return database;
  try {
    const ctx = await createContext(database);
    process.stderr.write(
      dataDir ? `Reading public data from ${resolve(dataDir)}\n` : `Downloading public data into ${resolve(config.sourcesDir)}\n`,
    );
    const report = await updatePublicData({
      ctx,
      input: { dataDir, sourcesDir: config.sourcesDir, force: args.force, only: args.only, onProgress: progressFor(process.stderr) },
    });
    await ctx.cache.close();
    process.stdout.write(summary(report.datasets));
    return report.datasets.some((d) => d.outcome === "failed") ? 1 : 0;
  } finally {
    await database.close();
  }
}

/** A live bar on a terminal; in a log (CI, cron) only one line per finished dataset. */
function progressFor(stream: NodeJS.WriteStream): ProgressListener {
  if (stream.isTTY) return consoleProgress(stream);
  return (event) => {
    if (event.kind === "dataset-done") stream.write(`${event.key}: ${event.outcome}\n`);
  };
}

export function summary(datasets: DatasetReport[]): string {
  const mark = { imported: "✓", unchanged: "=", failed: "✗" } as const;
  const width = Math.max(...datasets.map((d) => d.key.length), 4);
  const lines = ["", "Public data:"];
  for (const d of datasets) {
    const rows = d.rowCount === undefined ? "" : `${d.rowCount.toLocaleString("en-US")} rows`;
    const time = d.outcome === "unchanged" ? "" : ` in ${(d.durationMs / 1000).toFixed(1)} s`;
    const what = d.outcome === "failed" ? `failed: ${d.error}` : `${d.outcome.padEnd(9)} ${rows.padStart(12)}${time}`;
    lines.push(`  ${mark[d.outcome]} ${d.key.padEnd(width)}  ${what}`);
    if (d.detail) lines.push(`      ${d.detail}`);
    for (const warning of d.warnings ?? []) lines.push(`      warning: ${warning}`);
  }
  const failed = datasets.filter((d) => d.outcome === "failed").length;
  lines.push(
    "",
    failed === 0
      ? "Done."
      : `${failed} dataset(s) failed and kept their previous data. Fix the problem named above and run \`npm run data:update\` again.`,
    "",
  );
  return lines.join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
      process.exit(70);
    },
  );
}
