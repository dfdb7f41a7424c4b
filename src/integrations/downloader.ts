/** Fetches a public file to disk. The real one uses HTTP; tests use the fake. */
export interface Downloader {
  /**
   * Save `url` at `destination` (replaced only once the whole file has arrived). Reports bytes
   * as they arrive. Throws a DownloadError saying which URL failed and why.
   */
  download(request: DownloadRequest): Promise<{ bytes: number }>;
}

export interface DownloadRequest {
  url: string;
  destination: string;
  onProgress?: (receivedBytes: number, totalBytes: number | undefined) => void;
}

export class DownloadError extends Error {
  override name = "DownloadError";
  constructor(
    readonly url: string,
    readonly reason: string,
    /** True when the network itself failed (no route, DNS, timeout), as opposed to an HTTP error. */
    readonly offline: boolean,
  ) {
    super(`could not download ${url}: ${reason}`);
  }
}
