import { gzipSync } from "node:zlib";
import type { Context } from "hono";
import type { AppEnv } from "../http/types.js";

interface CachedPage {
  html: string;
  gzipped: Uint8Array<ArrayBuffer>;
}

/**
 * Serve a page that is the same for every visitor (no form tokens, no personal data) from
 * memory, compressed once: most visits to the busiest pages then cost about what a static file
 * does. `key` must carry every cache tag whose change alters the page, plus the language and
 * anything else in the URL that changes it.
 */
export async function cachedPage(c: Context<AppEnv>, key: string, render: () => Promise<Response>): Promise<Response> {
  const page = await c.var.deps.ctx.cache.get<CachedPage>(key, async () => {
    const html = await (await render()).text();
    const compressed = gzipSync(html, { level: 9 });
    return { html, gzipped: new Uint8Array(compressed.buffer.slice(compressed.byteOffset, compressed.byteOffset + compressed.byteLength)) as Uint8Array<ArrayBuffer> };
  });
  c.header("Vary", "Accept-Encoding", { append: true });
  if (/\bgzip\b/.test(c.req.header("accept-encoding") ?? "")) {
    c.header("Content-Type", "text/html; charset=UTF-8");
    c.header("Content-Encoding", "gzip");
    c.header("Content-Length", String(page.gzipped.byteLength));
    return c.body(page.gzipped);
  }
  return c.html(page.html);
}
