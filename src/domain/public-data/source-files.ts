import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DownloadError, type Downloader } from "../../integrations/downloader.js";
import type { DatasetEntry, DatasetFile } from "./catalogue.js";
import { DataFileError } from "./formats/data-file-error.js";
import type { ProgressListener } from "./progress.js";

/** The repository's seed/ folder, found from this file so it works from any working directory. */
export const defaultSeedDir = fileURLToPath(new URL("../../../seed/", import.meta.url));

/** One source file, read into memory, with where it came from. */
export interface SourceFile {
  spec: DatasetFile;
  origin: "data-dir" | "seed" | "download";
  /** How messages name the file: its DATA_DIR path, seed/<name>, or its path under SOURCES_DIR. */
  label: string;
  /** Absolute path read, or the URL downloaded. */
  location: string;
  bytes: Buffer;
  sha256: string;
  /** The bytes as UTF-8 text; refuses a file that is not text. */
  text(): string;
}

/** A file could not be obtained; the message says what to do about it. */
export class SourceUnavailableError extends Error {
  override name = "SourceUnavailableError";
}

export interface SourceReaderOptions {
  dataDir: string | undefined;
  sourcesDir: string;
  seedDir: string;
  downloader: Downloader;
  onProgress?: ProgressListener;
}

/**
 * Resolves and reads each dataset's files: from DATA_DIR when set (falling back to seed/ for
 * files this project derives or curates), otherwise by downloading into SOURCES_DIR. A URL
 * used by two datasets is downloaded once per run.
 */
export function createSourceReader(options: SourceReaderOptions) {
  const downloads = new Map<string, Promise<void>>();

  async function readFile(entry: DatasetEntry, spec: DatasetFile): Promise<SourceFile | undefined> {
    const { dataDir, seedDir } = options;
    if (dataDir !== undefined) {
      if (spec.downloadOnly) return undefined;
      const path = join(dataDir, spec.path);
      if (existsSync(path)) return load(spec, "data-dir", spec.path, path);
      if (spec.seedFile) return fromSeed(spec);
      throw new SourceUnavailableError(
        `${spec.path} is not in DATA_DIR (${dataDir}). Put the file there, or unset DATA_DIR to download it` +
          (spec.download ? ` from ${spec.download.url}` : ""),
      );
    }
    if (spec.seedFile) return fromSeed(spec);
    if (!spec.download) throw new SourceUnavailableError(`${spec.path} has neither a download URL nor a seed file; set DATA_DIR`);
    const { url, saveAs } = spec.download;
    const destination = join(options.sourcesDir, saveAs);
    let pending = downloads.get(url);
    if (!pending) {
      pending = options.downloader
        .download({
          url,
          destination,
          onProgress: (receivedBytes, totalBytes) => options.onProgress?.({ kind: "download", file: saveAs, receivedBytes, totalBytes }),
        })
        .then(() => undefined);
      downloads.set(url, pending);
    }
    try {
      await pending;
    } catch (error) {
      throw downloadFailure(entry, saveAs, error);
    }
    return load(spec, "download", saveAs, destination, url);

    function fromSeed(file: DatasetFile) {
      const path = join(seedDir, file.seedFile!);
      if (!existsSync(path)) {
        throw new SourceUnavailableError(
          `seed/${file.seedFile} is missing. Restore it with \`git checkout -- seed/\`, regenerate it with \`npx tsx scripts/build-seed.ts\`, or set DATA_DIR`,
        );
      }
      return load(file, "seed", `seed/${file.seedFile}`, path);
    }
  }

  return {
    /** Every file the dataset needs from the chosen source, in catalogue order. */
    async read(entry: DatasetEntry): Promise<SourceFile[]> {
      const files: SourceFile[] = [];
      for (const spec of entry.files) {
        const file = await readFile(entry, spec);
        if (file) files.push(file);
      }
      return files;
    },
  };
}

function load(spec: DatasetFile, origin: SourceFile["origin"], label: string, path: string, url?: string): SourceFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new SourceUnavailableError(`${label}: cannot read ${path}: ${(error as Error).message}`);
  }
  return {
    spec,
    origin,
    label,
    location: url ?? path,
    bytes,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    text() {
      try {
        return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      } catch {
        throw new DataFileError(label, undefined, "is not UTF-8 text; is this the right file?");
      }
    },
  };
}

function downloadFailure(entry: DatasetEntry, file: string, error: unknown): SourceUnavailableError {
  if (!(error instanceof DownloadError)) {
    return new SourceUnavailableError(`${file}: download failed: ${(error as Error)?.message ?? String(error)}`);
  }
  const advice = error.offline
    ? "This machine may be offline: retry `npm run data:update` when it is online, or set DATA_DIR to a folder that holds the public data files."
    : `The file may have moved: check ${entry.sourceUrl} and update the URL in src/domain/public-data/catalogue.ts, or set DATA_DIR to a folder that holds the public data files.`;
  return new SourceUnavailableError(`${file}: could not download ${error.url} (${error.reason}). ${advice}`);
}

/** The one file of a dataset with this DATA_DIR path (importers look files up by path, not position). */
export function fileAt(files: SourceFile[], path: string): SourceFile {
  const file = files.find((f) => f.spec.path === path);
  if (!file) throw new Error(`internal: ${path} was not read`);
  return file;
}
