import type { Context } from "hono";
import type { AppEnv } from "../http/types.js";
import { ErrorPage, type ErrorPageStatus } from "./pages/error-page.js";
import { renderPage } from "./render.js";
import { viewFor } from "./view.js";

export function renderErrorPage(
  c: Context<AppEnv>,
  status: ErrorPageStatus,
  options: { message?: string; retryAfterSeconds?: number } = {},
) {
  return renderPage(c, <ErrorPage view={viewFor(c)} status={status} {...options} />, status);
}
