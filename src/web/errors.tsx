import type { Context } from "hono";
import type { AppEnv } from "../http/types.js";
import { isEmbedPath } from "../http/embed-csrf.js";
import { EmbedErrorPage } from "./pages/embed-pages.js";
import { ErrorPage, type ErrorPageStatus } from "./pages/error-page.js";
import { renderPage } from "./render.js";
import { viewFor } from "./view.js";

export function renderErrorPage(
  c: Context<AppEnv>,
  status: ErrorPageStatus,
  options: { message?: string; retryAfterSeconds?: number } = {},
) {
  if (isEmbedPath(c.req.path)) return renderEmbedErrorPage(c, status, options);
  return renderPage(c, <ErrorPage view={viewFor(c)} status={status} {...options} />, status);
}

/** Inside a partner's iframe, errors keep the frame's look and offer a way back into the embed. */
function renderEmbedErrorPage(c: Context<AppEnv>, status: ErrorPageStatus, options: { message?: string; retryAfterSeconds?: number }) {
  const view = viewFor(c);
  const { errors: e, embed } = view.t;
  const base = /^\/embed\/(act|groups)\/[a-z0-9-]+/.exec(c.req.path)?.[0];
  const back = base && status !== 404 ? { href: view.href(base), label: embed.startAgain } : undefined;
  const [heading, body] =
    status === 403
      ? [embed.expiredTitle, embed.expiredBody]
      : status === 404
        ? [e.notFoundHeading, options.message ?? e.notFoundBody]
        : status === 429
          ? [e.tooManyTitle, e.tooManyBody(options.retryAfterSeconds ?? 60)]
          : status === 500
            ? [e.serverErrorHeading, e.serverErrorBody(view.requestId)]
            : [e.badRequestTitle, options.message ?? e.badRequestTitle];
  return renderPage(c, <EmbedErrorPage view={view} heading={heading} body={body} back={back} />, status);
}
