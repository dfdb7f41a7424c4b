/**
 * CSV for people who open it in a spreadsheet. Spreadsheet apps run a cell that starts with
 * = + - @ (or a tab or carriage return) as a formula, so such cells get a leading apostrophe —
 * a supporter named "=HYPERLINK(…)" stays text. Plain numbers such as a longitude of -93.2 are
 * not formulas and are left alone. Every export in the app goes through here.
 */
export function spreadsheetSafe(value: string): string {
  if (/^-?\d+(\.\d+)?$/.test(value)) return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Undo spreadsheetSafe on import, so an export edited and uploaded again round-trips. */
export const fromSpreadsheetSafe = (value: string) => (/^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value);

export type CsvValue = string | number | boolean | null | undefined;

/** One cell: made spreadsheet-safe, then quoted when RFC 4180 needs it. Null is an empty cell. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? spreadsheetSafe(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows joined with CRLF, as spreadsheets expect, ending with one. */
export function csvLines(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
