import { LineCounter, parseDocument, isSeq } from "yaml";
import { DataFileError } from "./data-file-error.js";

export interface YamlItem {
  /** Line where the list item starts, for error messages. */
  line: number;
  value: unknown;
}

/**
 * A YAML file whose top level is a list (the congress-legislators layout). Returns each item
 * with the line it starts on; a syntax error or a top level that is not a list refuses the file.
 */
export function parseYamlList(text: string, file: string, options: { intAsBigInt?: boolean } = {}): YamlItem[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, intAsBigInt: options.intAsBigInt ?? false, uniqueKeys: false });
  const error = doc.errors[0];
  if (error) {
    const line = error.linePos?.[0]?.line;
    throw new DataFileError(file, line, `not valid YAML: ${error.message.split("\n")[0]}`);
  }
  if (!isSeq(doc.contents)) {
    throw new DataFileError(file, undefined, "expected a YAML list of entries (lines starting with \"- \") at the top level");
  }
  const values = doc.toJS({ maxAliasCount: 100 }) as unknown[];
  return doc.contents.items.map((node, index) => {
    const offset = (node as { range?: [number, number, number] }).range?.[0] ?? 0;
    return { line: lineCounter.linePos(offset).line, value: values[index] };
  });
}
