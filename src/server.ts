import { serve, type ServerType } from "@hono/node-server";
import type { Logger } from "pino";
import { createApp } from "./app.js";
import type { Config } from "./config.js";
import type { Database } from "./db/client.js";
import type { MailCtx } from "./domain/context.js";
import { geocoderFor } from "./integrations/geocoder/index.js";
import { loadCongressDirectory } from "./domain/congress/congress-directory.js";
import { loadDistrictIndex } from "./domain/congress/district-index.js";
import { loadAssets } from "./web/assets.js";
import { warmMaps } from "./web/maps/index.js";

export interface RunningServer {
  url: string;
  /** Stop accepting connections, let in-flight requests finish (up to `graceMs`), then resolve. */
  close(graceMs?: number): Promise<void>;
}

export function listen(config: Config, database: Database, ctx: MailCtx, logger: Logger): Promise<RunningServer> {
  const app = createApp({ config, database, ctx, logger, assets: loadAssets(), geocoder: geocoderFor(config) });
  return new Promise((resolve, reject) => {
    let server: ServerType;
    try {
      server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
        const host = info.address === "0.0.0.0" || info.address === "::" ? "localhost" : info.address;
        resolve({ url: `http://${host}:${info.port}`, close: (graceMs) => closeServer(server, graceMs) });
        // The first map render pays for projecting every state, the first ZIP look-up for loading
        // the congress directory, the first point for the district index: do them soon after start,
        // off the path of the first requests.
        setTimeout(() => {
          warmMaps();
          loadCongressDirectory(ctx).catch((error: unknown) => logger.warn({ err: error }, "could not preload the congress directory"));
          // "Use my location": the district index (about 70 ms to build, 7 MiB; decision 0016).
          loadDistrictIndex(ctx).catch((error: unknown) => logger.warn({ err: error }, "could not preload the district index"));
          // Link-preview images: the first card pays ~200 ms for fonts and satori's WebAssembly (decision 0013).
          Promise.resolve(app.request("/og/site.png")).catch((error: unknown) => logger.warn({ err: error }, "could not warm the preview renderer"));
        }, 1000).unref();
      });
      server.once("error", reject);
    } catch (error) {
      reject(error);
    }
  });
}

function closeServer(server: ServerType, graceMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    const http = server as import("node:http").Server;
    const timer = setTimeout(() => {
      http.closeAllConnections?.();
      resolve();
    }, graceMs);
    timer.unref();
    http.close(() => {
      clearTimeout(timer);
      resolve();
    });
    // Keep-alive connections with no request in flight would hold close() open.
    http.closeIdleConnections?.();
  });
}
