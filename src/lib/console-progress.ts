import type { ProgressEvent, ProgressListener } from "../domain/public-data/progress.js";

/** A one-line progress bar on a terminal for downloads and imports. */
export function consoleProgress(stream: NodeJS.WriteStream): ProgressListener {
  let lastDraw = 0;
  const draw = (text: string, force = false) => {
    const now = Date.now();
    if (!force && now - lastDraw < 100) return;
    lastDraw = now;
    stream.write(`\r\x1b[2K${text}`);
  };
  return (event: ProgressEvent) => {
    switch (event.kind) {
      case "download": {
        const mb = (event.receivedBytes / 1e6).toFixed(1);
        const label = event.totalBytes ? `${bar(event.receivedBytes / event.totalBytes)} ${mb} MB` : `${mb} MB`;
        draw(`Downloading ${event.file} ${label}`);
        break;
      }
      case "dataset-start":
        draw(`Importing ${event.title}…`, true);
        break;
      case "rows":
        draw(`Importing ${event.key} ${event.total ? bar(event.done / event.total) : ""} ${event.done.toLocaleString("en-US")} rows`);
        break;
      case "dataset-done":
        draw(
          event.outcome === "failed"
            ? `✗ ${event.key}: ${event.error ?? "failed"}\n`
            : `✓ ${event.key}: ${event.outcome}${event.rowCount === undefined ? "" : ` (${event.rowCount.toLocaleString("en-US")} rows)`}\n`,
          true,
        );
        break;
    }
  };
}

function bar(fraction: number, width = 24) {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${Math.round(fraction * 100)}%`;
}
