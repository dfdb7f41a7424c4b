/**
 * One CSV cell (RFC 4180, always quoted). A cell that a spreadsheet would read as a formula
 * (starting with = + - @, or a tab or carriage return before one) gets a leading apostrophe, so
 * a supporter named "=HYPERLINK(…)" stays text when staff open the export.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** Lines joined with CRLF, as spreadsheets expect, ending with one. */
export function csvLines(rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
