import { mkdirSync, renameSync, rmSync } from "node:fs";
import { open } from "node:fs/promises";
import { dirname } from "node:path";
import { DownloadError, type Downloader } from "./downloader.js";

/**
 * Downloads with the global fetch. A download that receives nothing for `idleTimeoutMs` is
 * abandoned (a stalled connection would otherwise hang `npm run data:update` forever); the
 * file is written to `<destination>.part` and renamed at the end, so a failed download never
 * leaves a truncated file where a good one was.
 */
export function createFetchDownloader(options: { idleTimeoutMs?: number; userAgent?: string } = {}): Downloader {
  const idleTimeoutMs = options.idleTimeoutMs ?? 30_000;
  const userAgent = options.userAgent ?? "everybody-in-data-update (+https://github.com/everybody-in/everybody-in)";
  return {
    async download({ url, destination, onProgress }) {
      const controller = new AbortController();
      let timer = setTimeout(() => controller.abort(), idleTimeoutMs);
      const touch = () => {
        clearTimeout(timer);
        timer = setTimeout(() => controller.abort(), idleTimeoutMs);
      };
      const partial = `${destination}.part`;
      try {
        let response: Response;
        try {
          response = await fetch(url, { signal: controller.signal, redirect: "follow", headers: { "user-agent": userAgent } });
        } catch (error) {
          throw new DownloadError(url, networkReason(error, idleTimeoutMs), true);
        }
        if (!response.ok || !response.body) {
          throw new DownloadError(url, `the server answered HTTP ${response.status} ${response.statusText}`.trim(), false);
        }
        const length = Number(response.headers.get("content-length"));
        const total = Number.isFinite(length) && length > 0 ? length : undefined;
        mkdirSync(dirname(destination), { recursive: true });
        const handle = await open(partial, "w");
        let received = 0;
        try {
          onProgress?.(0, total);
          const reader = response.body.getReader();
          for (;;) {
            let chunk: ReadableStreamReadResult<Uint8Array>;
            try {
              chunk = await reader.read();
            } catch (error) {
              throw new DownloadError(url, `the connection broke after ${received} bytes: ${networkReason(error, idleTimeoutMs)}`, true);
            }
            if (chunk.done) break;
            touch();
            await handle.write(chunk.value);
            received += chunk.value.byteLength;
            onProgress?.(received, total);
          }
        } finally {
          await handle.close();
        }
        if (total !== undefined && received !== total) {
          throw new DownloadError(url, `received ${received} of ${total} bytes`, true);
        }
        renameSync(partial, destination);
        return { bytes: received };
      } catch (error) {
        rmSync(partial, { force: true });
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

function networkReason(error: unknown, idleTimeoutMs: number): string {
  if ((error as Error)?.name === "AbortError") return `no data for ${Math.round(idleTimeoutMs / 1000)} s`;
  // undici hides the useful part (ENOTFOUND host, ECONNREFUSED …) in `cause`.
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.message ?? cause?.code ?? (error as Error)?.message ?? String(error);
}
