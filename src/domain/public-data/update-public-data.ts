import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { cacheTags } from "../../db/read-cache.js";
import { datasets } from "../../db/schema/index.js";
import type { Downloader } from "../../integrations/downloader.js";
import { createFetchDownloader } from "../../integrations/fetch-downloader.js";
import type { Ctx } from "../context.js";
import { invalid } from "../errors.js";
import { locateGroups } from "../groups/locate-groups.js";
import { datasetCatalogue, isDatasetKey, type DatasetEntry, type DatasetKey } from "./catalogue.js";
import { importers } from "./datasets/index.js";
import type { PreparedImport } from "./datasets/types.js";
import type { ProgressListener } from "./progress.js";
import { createSourceReader, defaultSeedDir, type SourceFile } from "./source-files.js";

export interface UpdatePublicDataInput {
  /** Folder with the public data files (the shared-data layout). When unset, files are downloaded. */
  dataDir?: string;
  /** Where downloads are kept. */
  sourcesDir: string;
  /** Import even when the files have not changed since the last import. */
  force?: boolean;
  /** Only these datasets (default: all, in catalogue order). */
  only?: DatasetKey[];
  onProgress?: ProgressListener;
  /** Folder of project-derived and curated files; defaults to the repository's seed/. */
  seedDir?: string;
  /** How files are fetched when DATA_DIR is not set; defaults to HTTP. */
  downloader?: Downloader;
}

export interface DatasetReport {
  key: DatasetKey;
  outcome: "imported" | "unchanged" | "failed";
  rowCount?: number;
  error?: string;
  /** Where the files came from, e.g. "data-dir", "download", "seed" (several joined with "+"). */
  source?: string;
  /** A line for humans about what changed ("3 new group(s) added…"). */
  detail?: string;
  warnings?: string[];
  durationMs: number;
}

export interface UpdateReport {
  datasets: DatasetReport[];
}

/** Arbitrary base for per-dataset transaction locks, so two updaters on one PostgreSQL take turns. */
const IMPORT_LOCK_BASE = 7_314_200;

/**
 * Import the public datasets. Each dataset is read, checked in full, and only then written in
 * one transaction that replaces its rows and records where they came from; a dataset whose
 * files have not changed is skipped. A dataset that fails keeps its previous rows and does not
 * stop the others: the report says which failed and why.
 */
export async function updatePublicData({ ctx, input }: { ctx: Ctx; input: UpdatePublicDataInput }): Promise<UpdateReport> {
  const unknown = (input.only ?? []).filter((key) => !isDatasetKey(key));
  if (unknown.length > 0) {
    throw invalid(`Unknown dataset(s): ${unknown.join(", ")}. Known: ${datasetCatalogue.map((e) => e.key).join(", ")}`);
  }
  const wanted = input.only ? new Set(input.only) : undefined;
  const reader = createSourceReader({
    dataDir: input.dataDir,
    sourcesDir: input.sourcesDir,
    seedDir: input.seedDir ?? defaultSeedDir,
    downloader: input.downloader ?? createFetchDownloader(),
    onProgress: input.onProgress,
  });

  const report: DatasetReport[] = [];
  let groupsChanged = false;
  for (const [index, entry] of datasetCatalogue.entries()) {
    if (wanted && !wanted.has(entry.key)) continue;
    input.onProgress?.({ kind: "dataset-start", key: entry.key, title: entry.title });
    const started = Date.now();
    let result: Omit<DatasetReport, "durationMs">;
    try {
      const files = await reader.read(entry);
      const outcome = await importDataset(ctx, entry, files, IMPORT_LOCK_BASE + index, input);
      groupsChanged ||= outcome.groupsChanged;
      result = outcome.report;
    } catch (error) {
      result = { key: entry.key, outcome: "failed", error: describeFailure(error) };
    }
    const done = { ...result, durationMs: Date.now() - started };
    report.push(done);
    input.onProgress?.({ kind: "dataset-done", key: entry.key, outcome: done.outcome, rowCount: done.rowCount, error: done.error });
  }

  // Groups are placed on the map from their city's ZIP areas, so any of these can place more.
  if (report.some((d) => d.outcome === "imported" && ["groups", "zip-centroids", "zip-cities"].includes(d.key))) {
    const placed = await locateGroups(ctx.db);
    groupsChanged = groupsChanged || placed > 0;
  }
  if (report.some((d) => d.outcome === "imported")) {
    await ctx.cache.invalidate(...(groupsChanged ? [cacheTags.publicData, cacheTags.groups] : [cacheTags.publicData]));
  }
  return { datasets: report };
}

async function importDataset(
  ctx: Ctx,
  entry: DatasetEntry,
  files: SourceFile[],
  lockId: number,
  input: UpdatePublicDataInput,
): Promise<{ report: Omit<DatasetReport, "durationMs">; groupsChanged: boolean }> {
  const importer = importers[entry.key];
  const source = [...new Set(files.map((file) => file.origin))].join("+");
  const checksum = createHash("sha256")
    .update(`format ${importer.formatVersion}\n`)
    .update(files.map((file) => `${file.spec.path} ${file.sha256}`).join("\n"))
    .digest("hex");
  const unchanged = (rowCount: number) => ({ report: { key: entry.key, outcome: "unchanged" as const, rowCount, source }, groupsChanged: false });

  const previous = await readPrevious(ctx.db, entry.key);
  if (!input.force && previous?.checksum === checksum) return unchanged(previous.rowCount);

  // Everything is parsed and checked before the database is touched.
  const prepared = importer.prepare(files);
  const facts = versionFacts(files, prepared, checksum, ctx.now());

  let done = 0;
  const onRows = (inserted: number) => {
    done += inserted;
    input.onProgress?.({ kind: "rows", key: entry.key, done, total: prepared.rowsToWrite });
  };
  const written = await ctx.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    await db.execute(sql`select pg_advisory_xact_lock(${lockId})`);
    // Another updater may have imported the same files while we waited for the lock.
    const current = await readPrevious(db, entry.key);
    if (!input.force && current?.checksum === checksum) return undefined;
    const result = await prepared.write(db, onRows);
    const row = {
      key: entry.key,
      title: entry.title,
      sourceUrl: entry.sourceUrl,
      licence: entry.licence,
      licenceUrl: entry.licenceUrl ?? null,
      attribution: entry.attribution ?? null,
      version: facts.version,
      asOf: facts.asOf,
      rowCount: prepared.rowCount,
      checksum,
      importedAt: ctx.now(),
    };
    await db.insert(datasets).values(row).onConflictDoUpdate({ target: datasets.key, set: row });
    return result;
  });
  if (!written) return unchanged(prepared.rowCount);
  return {
    report: {
      key: entry.key,
      outcome: "imported",
      rowCount: prepared.rowCount,
      source,
      ...(written.detail ? { detail: written.detail } : {}),
      ...(prepared.warnings?.length ? { warnings: prepared.warnings } : {}),
    },
    groupsChanged: written.groupsChanged ?? false,
  };
}

async function readPrevious(db: Db, key: DatasetKey) {
  const [row] = await db.select({ checksum: datasets.checksum, rowCount: datasets.rowCount }).from(datasets).where(eq(datasets.key, key));
  return row;
}

/**
 * Version and as-of date, best source first: facts recorded in the catalogue for a file we
 * have checked, then what the data says about itself, then the download date (the data was
 * current then), else a short checksum so two versions can at least be told apart.
 */
function versionFacts(files: SourceFile[], prepared: PreparedImport, checksum: string, now: Date) {
  const primary = files[0];
  const known = primary ? primary.spec.knownVersions?.[primary.sha256] : undefined;
  const downloadedOn = primary?.origin === "download" ? now.toISOString().slice(0, 10) : null;
  return {
    version: known?.version ?? prepared.version ?? `sha256 ${checksum.slice(0, 12)}`,
    asOf: prepared.asOf ?? known?.asOf ?? downloadedOn,
  };
}

function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const known = ["DataFileError", "SourceUnavailableError"];
  if (known.includes(error.name)) return error.message;
  // Drizzle wraps driver errors as "Failed query: <the whole SQL and its parameters>"; the cause is the useful part.
  const cause = (error as { cause?: unknown }).cause;
  const databaseError = cause instanceof Error ? cause : error;
  if (error.name === "DrizzleQueryError" || typeof (databaseError as { code?: unknown }).code === "string") {
    return `the database refused the import, so the previous data was kept: ${databaseError.message.slice(0, 500)}`;
  }
  return `${error.name}: ${error.message.slice(0, 500)} (unexpected; the previous data was kept. Please report this with the command you ran)`;
}
