import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DownloadError } from "./downloader.js";
import { createFetchDownloader } from "./fetch-downloader.js";

const body = Buffer.from("zip_code,city,state\n".repeat(5000));
let server: Server;
let base: string;
let dir: string;
/** The server sends the rest of /file.csv only once the client has reported part of it. */
let partSeen: Promise<void>;
let seePart: () => void;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "everybody-in-download-"));
  server = createServer((req, res) => {
    if (req.url === "/file.csv") {
      res.writeHead(200, { "content-length": body.length });
      res.write(body.subarray(0, 40_000));
      // Waiting for the client (not a timer) keeps the two parts apart even on a busy machine.
      void partSeen.then(() => res.end(body.subarray(40_000)));
    } else if (req.url === "/stall") {
      res.writeHead(200, { "content-length": 10 });
      res.write("12345"); // then nothing more
    } else if (req.url === "/short") {
      res.writeHead(200, { "content-length": 100 });
      res.end("only a bit");
    } else {
      res.writeHead(404, "Not Found");
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe("createFetchDownloader", () => {
  it("saves the file and reports bytes as they arrive", async () => {
    const progress: [number, number | undefined][] = [];
    partSeen = new Promise((resolve) => (seePart = resolve));
    const destination = join(dir, "sub", "file.csv");
    const onProgress = (received: number, total: number | undefined) => {
      progress.push([received, total]);
      if (received > 0 && received < body.length) seePart();
    };
    const result = await createFetchDownloader().download({ url: `${base}/file.csv`, destination, onProgress });
    expect(result.bytes).toBe(body.length);
    expect(readFileSync(destination).equals(body)).toBe(true);
    expect(progress[0]).toEqual([0, body.length]);
    expect(progress.at(-1)).toEqual([body.length, body.length]);
    expect(progress.length).toBeGreaterThan(2);
    expect(existsSync(`${destination}.part`)).toBe(false);
  });

  it("reports an HTTP error as such, keeping the previous file", async () => {
    const destination = join(dir, "kept.csv");
    writeFileSync(destination, "previous");
    const error = await createFetchDownloader().download({ url: `${base}/missing.csv`, destination }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownloadError);
    expect(error).toMatchObject({ url: `${base}/missing.csv`, offline: false, message: `could not download ${base}/missing.csv: the server answered HTTP 404 Not Found` });
    expect(readFileSync(destination, "utf8")).toBe("previous");
  });

  it("reports an unreachable host as a network failure", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await createFetchDownloader().download({ url: `http://127.0.0.1:${port}/x`, destination: join(dir, "x") }).catch((e: unknown) => e);
    expect(error).toMatchObject({ offline: true, reason: expect.stringContaining("ECONNREFUSED") });
  });

  it("gives up on a stalled or truncated download and leaves no partial file", async () => {
    const destination = join(dir, "stall.csv");
    const stalled = await createFetchDownloader({ idleTimeoutMs: 200 }).download({ url: `${base}/stall`, destination }).catch((e: unknown) => e);
    expect(stalled).toMatchObject({ offline: true, reason: expect.stringContaining("no data for") });
    const short = await createFetchDownloader({ idleTimeoutMs: 200 }).download({ url: `${base}/short`, destination }).catch((e: unknown) => e);
    expect(short).toBeInstanceOf(DownloadError);
    expect(existsSync(destination)).toBe(false);
    expect(existsSync(`${destination}.part`)).toBe(false);
  });
});
