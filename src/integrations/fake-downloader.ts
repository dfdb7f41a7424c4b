import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { DownloadError, type Downloader, type DownloadRequest } from "./downloader.js";

export type FakeResponse = string | Uint8Array | { status: number } | { offline: true };

/**
 * An in-memory stand-in for the internet. Serves the bodies it was given by URL, reports
 * progress in two steps like a real download, and records every request so tests can check
 * what was fetched. A URL it does not know behaves like an unreachable host.
 */
export class FakeDownloader implements Downloader {
  readonly requests: DownloadRequest[] = [];
  constructor(private readonly responses: Record<string, FakeResponse> = {}) {}

  set(url: string, response: FakeResponse) {
    this.responses[url] = response;
  }

  get urls(): string[] {
    return this.requests.map((request) => request.url);
  }

  async download(request: DownloadRequest) {
    this.requests.push(request);
    const response = this.responses[request.url];
    if (response === undefined || (typeof response === "object" && "offline" in response)) {
      throw new DownloadError(request.url, "getaddrinfo ENOTFOUND (fake: no response configured)", true);
    }
    if (typeof response === "object" && "status" in response) {
      throw new DownloadError(request.url, `the server answered HTTP ${response.status}`, false);
    }
    const body = typeof response === "string" ? Buffer.from(response) : Buffer.from(response);
    const half = Math.floor(body.length / 2);
    request.onProgress?.(half, body.length);
    mkdirSync(dirname(request.destination), { recursive: true });
    writeFileSync(request.destination, body);
    request.onProgress?.(body.length, body.length);
    return { bytes: body.length };
  }
}
