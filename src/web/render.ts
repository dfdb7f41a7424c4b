import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { JSX } from "hono/jsx/jsx-runtime";

/** Send a full HTML page. hono/jsx leaves out the doctype, and without it browsers use quirks mode. */
export async function renderPage(c: Context, page: JSX.Element, status: ContentfulStatusCode = 200) {
  const html = await Promise.resolve(page.toString());
  return c.html(`<!DOCTYPE html>${html}`, status);
}

/** Send a spreadsheet export as a download (the name limited to safe characters). */
export function sendCsv(c: Context, csv: string, filename: string) {
  c.header("Content-Type", "text/csv; charset=utf-8");
  c.header("Content-Disposition", `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "-")}"`);
  c.header("Cache-Control", "no-store");
  return c.body(csv);
}
