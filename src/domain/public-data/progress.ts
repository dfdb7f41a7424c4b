import type { DatasetKey } from "./catalogue.js";

/** What a long import reports as it goes; the CLI draws a progress bar from these. */
export type ProgressEvent =
  | { kind: "download"; file: string; receivedBytes: number; totalBytes: number | undefined }
  | { kind: "dataset-start"; key: DatasetKey; title: string }
  | { kind: "rows"; key: DatasetKey; done: number; total: number | undefined }
  | { kind: "dataset-done"; key: DatasetKey; outcome: "imported" | "unchanged" | "failed"; rowCount?: number; error?: string };

export type ProgressListener = (event: ProgressEvent) => void;
