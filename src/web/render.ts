import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { JSX } from "hono/jsx/jsx-runtime";

/** Send a full HTML page. hono/jsx leaves out the doctype, and without it browsers use quirks mode. */
export async function renderPage(c: Context, page: JSX.Element, status: ContentfulStatusCode = 200) {
  const html = await Promise.resolve(page.toString());
  return c.html(`<!DOCTYPE html>${html}`, status);
}
