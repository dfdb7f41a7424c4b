import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { jsonError } from "./api/errors.js";
import { healthRoutes } from "./api/health.js";
import { apiRoutes } from "./api/routes.js";
import { DomainError, httpStatusFor } from "./domain/errors.js";
import { clientIp } from "./http/client-ip.js";
import { compress } from "./http/compress.js";
import { csrfProtection } from "./http/csrf.js";
import { embedFormProtection, isEmbedPath } from "./http/embed-csrf.js";
import { HttpProblem } from "./http/http-problem.js";
import { localeFromRequest } from "./http/locale.js";
import { requestLog } from "./http/request-log.js";
import { securityHeaders } from "./http/security-headers.js";
import { captureTrafficSource } from "./web/referrals.js";
import type { AppDeps, AppEnv } from "./http/types.js";
import { renderErrorPage } from "./web/errors.js";
import type { ErrorPageStatus } from "./web/pages/error-page.js";
import { accountRoutes } from "./web/account-routes.js";
import { adminRoutes } from "./web/admin/index.js";
import { organizeRoutes } from "./web/organize/index.js";
import { actRoutes } from "./web/act-routes.js";
import { cosponsorsRoutes } from "./web/cosponsors-routes.js";
import { devMailRoutes } from "./web/dev-mail-routes.js";
import { embedRoutes } from "./web/embed-routes.js";
import { eventsRoutes } from "./web/events-routes.js";
import { groupsRoutes } from "./web/groups-routes.js";
import { newsRoutes } from "./web/news-routes.js";
import { previewRoutes } from "./web/preview-routes.js";
import { updatesRoutes } from "./web/updates-routes.js";
import { webRoutes } from "./web/routes.js";

/** Largest request body accepted anywhere; forms are small. Imports go through the CLI. */
export const MAX_BODY_BYTES = 64 * 1024;
/**
 * Except for this one admin-only route, which takes an official cosponsor file (a govinfo
 * BILLSTATUS XML file is ~100–400 KiB). The body is read (for the CSRF token) before the admin
 * gate, so anyone may send this much here; only admins get to the import.
 */
export const UPLOAD_PATH = "/admin/cosponsors/upload";
/** The admin groups CSV import and its confirmation (which sends the file's text again) take uploads too. */
export const GROUPS_IMPORT_PATHS = ["/admin/groups/import", "/admin/groups/import/apply"];
export const UPLOAD_BODY_BYTES = 5 * 1024 * 1024;

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const isApi = (c: Context) => c.req.path.startsWith("/api/");

  // Order matters: each layer relies on the ones above it.
  app.use(requestId({ generator: () => crypto.randomUUID() }));
  app.use(async (c, next) => {
    c.set("deps", deps);
    await next();
  });
  app.use(requestLog);
  app.use(securityHeaders(deps.config));
  app.use(compress);
  app.use(localeFromRequest);
  app.use(captureTrafficSource);

  app.get("/static/:file", (c) => {
    const asset = deps.assets.byUrl(c.req.path);
    if (!asset) return c.notFound();
    c.header("Content-Type", asset.contentType);
    c.header("Cache-Control", "public, max-age=31536000, immutable");
    // With a length the compressor can skip files too small to be worth it.
    c.header("Content-Length", String(asset.body.length));
    return c.body(new Uint8Array(asset.body));
  });
  for (const name of ["robots.txt", "favicon.ico"]) {
    app.get(`/${name}`, (c) => {
      const asset = deps.assets.rootFile(name);
      if (!asset) return c.notFound();
      c.header("Content-Type", asset.contentType);
      c.header("Cache-Control", "public, max-age=86400");
      c.header("Content-Length", String(asset.body.length));
      return c.body(new Uint8Array(asset.body));
    });
  }
  app.route("/", healthRoutes);
  // Link-preview images: GETs that set no cookie (they sit before the CSRF layer), so caches may keep them.
  app.route("/", previewRoutes);

  const formBodyLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new HttpProblem("too_large", `Request bodies are limited to ${MAX_BODY_BYTES / 1024} KiB.`);
    },
  });
  const uploadBodyLimit = bodyLimit({
    maxSize: UPLOAD_BODY_BYTES,
    onError: () => {
      throw new HttpProblem("too_large", `Uploads are limited to ${UPLOAD_BODY_BYTES / 1024 / 1024} MiB.`);
    },
  });
  // Larger bodies only for the admin uploads: official BILLSTATUS files (~100–400 KiB) and
  // group CSV imports. Everything else, forms and JSON, stays at 64 KiB.
  const uploadPaths = new Set([UPLOAD_PATH, ...GROUPS_IMPORT_PATHS]);
  app.use((c, next) => (c.req.method === "POST" && uploadPaths.has(c.req.path) ? uploadBodyLimit(c, next) : formBodyLimit(c, next)));
  app.use(clientIp);
  // JSON endpoints are not reachable by a cross-site HTML form (browsers preflight JSON), so
  // only the HTML surface carries CSRF tokens. Unsubscribe links carry their own signed token
  // and must accept mail apps' one-click POST, which has no cookie (RFC 8058). Embeds live in
  // other sites' iframes, where the cookie is withheld: they carry a cookie-less signed token
  // instead (decision 0014).
  app.use((c, next) =>
    isApi(c) || c.req.path.startsWith("/unsubscribe/") ? next() : isEmbedPath(c.req.path) ? embedFormProtection(c, next) : csrfProtection(c, next),
  );

  app.route("/api", apiRoutes);
  app.route("/", webRoutes);
  app.route("/", updatesRoutes);
  app.route("/", eventsRoutes);
  app.route("/", groupsRoutes);
  app.route("/", cosponsorsRoutes);
  app.route("/", newsRoutes);
  app.route("/", actRoutes);
  app.route("/", accountRoutes);
  app.route("/", organizeRoutes);
  app.route("/", adminRoutes);
  app.route("/", embedRoutes);
  if (!deps.config.isProduction) app.route("/", devMailRoutes);

  app.notFound((c) =>
    isApi(c) ? jsonError(c, 404, "not_found", "No such endpoint.") : renderErrorPage(c as Context<AppEnv>, 404),
  );

  app.onError((error, c) => {
    const ctx = c as Context<AppEnv>;
    if (error instanceof DomainError) {
      const status = httpStatusFor[error.code];
      return isApi(c)
        ? jsonError(ctx, status, error.code, error.message, error.fieldErrors)
        : renderErrorPage(ctx, status, { message: error.message });
    }
    if (error instanceof HttpProblem) {
      if (error.retryAfterSeconds) c.header("Retry-After", String(error.retryAfterSeconds));
      return isApi(c)
        ? jsonError(ctx, error.status, error.kind, error.message)
        : renderErrorPage(ctx, error.status, { retryAfterSeconds: error.retryAfterSeconds });
    }
    if (error instanceof HTTPException && error.status < 500) {
      const status = ([400, 403, 404, 413, 429] as const).find((s) => s === error.status) ?? 400;
      return isApi(c) ? jsonError(ctx, status, "bad_request", error.message) : renderErrorPage(ctx, status as ErrorPageStatus);
    }
    deps.logger.error({ err: error, requestId: ctx.var.requestId, path: c.req.path }, "unhandled error");
    return isApi(c)
      ? jsonError(ctx, 500, "internal", `Something went wrong on our side. Quote ${ctx.var.requestId} when reporting it.`)
      : renderErrorPage(ctx, 500);
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
