import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";

const publicDir = fileURLToPath(new URL("../../public", import.meta.url));

const contentTypes: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

export interface Asset {
  body: Buffer;
  contentType: string;
  /** "/static/app.1a2b3c4d.css": the content hash in the name lets browsers cache it for a year. */
  url: string;
}

export interface Assets {
  /** The fingerprinted URL of a file in public/, e.g. url("app.css"). */
  url(name: string): string;
  byUrl(url: string): Asset | undefined;
  /** Files served at the site root without fingerprints (robots.txt, favicon.ico). */
  rootFile(name: string): Asset | undefined;
}

/** Read public/ once at start-up and fingerprint every file by its content. */
export function loadAssets(dir = publicDir): Assets {
  const byName = new Map<string, Asset>();
  const byUrl = new Map<string, Asset>();
  for (const name of readdirSync(dir)) {
    const ext = extname(name);
    const contentType = contentTypes[ext];
    if (!contentType) continue;
    const body = readFileSync(join(dir, name));
    const hash = createHash("sha256").update(body).digest("hex").slice(0, 10);
    const url = `/static/${name.slice(0, -ext.length)}.${hash}${ext}`;
    const asset = { body, contentType, url };
    byName.set(name, asset);
    byUrl.set(url, asset);
  }
  return {
    url(name) {
      const asset = byName.get(name);
      if (!asset) throw new Error(`No asset public/${name}`);
      return asset.url;
    },
    byUrl: (url) => byUrl.get(url),
    rootFile: (name) => byName.get(name),
  };
}
