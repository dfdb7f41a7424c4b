import { DataFileError } from "./data-file-error.js";

export interface CsvRecord {
  /** Physical line (1-based) where the record starts; a quoted field may span several lines. */
  line: number;
  fields: string[];
}

const QUOTE = 34; // "
const COMMA = 44; // ,
const LF = 10;
const CR = 13;

/**
 * RFC 4180 CSV: fields separated by commas, records by CRLF or LF, fields optionally quoted
 * with `"`, a quote inside a quoted field doubled. Quoted fields may hold commas and newlines.
 *
 * Strict on purpose: a quote in the middle of an unquoted field or an unclosed quote usually
 * means a broken export, and guessing would silently shift columns.
 * Empty lines are skipped (hand-edited files often end with several).
 */
export function parseCsv(text: string, file: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const length = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;

  while (i < length) {
    const recordLine = line;
    const fields: string[] = [];
    // An empty physical line is not a record.
    if (text.charCodeAt(i) === LF || (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF)) {
      i += text.charCodeAt(i) === CR ? 2 : 1;
      line++;
      continue;
    }
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        const startLine = line;
        let parts = "";
        let from = i + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close === -1) {
            throw new DataFileError(file, startLine, "a quoted field is never closed (missing closing \")");
          }
          parts += text.slice(from, close);
          if (text.charCodeAt(close + 1) === QUOTE) {
            parts += '"';
            from = close + 2;
            continue;
          }
          i = close + 1;
          break;
        }
        for (let k = 0; k < parts.length; k++) if (parts.charCodeAt(k) === LF) line++;
        value = parts;
        const next = text.charCodeAt(i);
        if (i < length && next !== COMMA && next !== LF && !(next === CR && text.charCodeAt(i + 1) === LF)) {
          throw new DataFileError(file, line, `unexpected text after a closing quote in field ${fields.length + 1}`);
        }
      } else {
        let end = i;
        while (end < length) {
          const c = text.charCodeAt(end);
          if (c === COMMA || c === LF || (c === CR && text.charCodeAt(end + 1) === LF)) break;
          if (c === QUOTE) {
            throw new DataFileError(
              file,
              line,
              `a quote inside unquoted field ${fields.length + 1}; quote the whole field and double the inner quote ("")`,
            );
          }
          end++;
        }
        value = text.slice(i, end);
        i = end;
      }
      fields.push(value);
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        i++;
        continue;
      }
      if (c === CR) i += 2;
      else if (c === LF) i += 1;
      line++;
      break;
    }
    records.push({ line: recordLine, fields });
  }
  return records;
}

export interface CsvRow {
  line: number;
  /** Values by column name, for the columns asked for. */
  values: Record<string, string>;
}

/**
 * Parse a CSV file with a header line and pick columns by name, so extra or reordered
 * columns upstream do not matter. A missing required column means this is not the file we
 * expect, and the whole file is refused.
 */
export function parseCsvTable(
  text: string,
  options: { file: string; describe: string; required: readonly string[]; optional?: readonly string[] },
): CsvRow[] {
  const { file } = options;
  const records = parseCsv(text, file);
  const header = records[0];
  if (!header) throw new DataFileError(file, undefined, `the file is empty; expected ${options.describe}`);
  const names = header.fields.map((name) => name.trim());
  const missing = options.required.filter((name) => !names.includes(name));
  if (missing.length > 0) {
    throw new DataFileError(
      file,
      1,
      `this is not ${options.describe}: the header lacks column(s) ${missing.join(", ")} ` +
        `(expected ${options.required.join(",")}; found ${names.join(",").slice(0, 200)})`,
    );
  }
  const wanted = [...options.required, ...(options.optional ?? []).filter((name) => names.includes(name))];
  const indexes = wanted.map((name) => [name, names.indexOf(name)] as const);
  const rows: CsvRow[] = [];
  for (let r = 1; r < records.length; r++) {
    const record = records[r]!;
    if (record.fields.length !== names.length) {
      throw new DataFileError(
        file,
        record.line,
        `expected ${names.length} fields as in the header, found ${record.fields.length} (an unquoted comma, or a missing one?)`,
      );
    }
    const values: Record<string, string> = {};
    for (const [name, index] of indexes) values[name] = record.fields[index]!;
    rows.push({ line: record.line, values });
  }
  return rows;
}

/** Write RFC 4180 CSV (LF line ends): fields with a comma, quote or line break are quoted. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const field = (value: string | number | null | undefined) => {
    const text = value === null || value === undefined ? "" : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [header, ...rows].map((row) => row.map(field).join(",")).join("\n") + "\n";
}
