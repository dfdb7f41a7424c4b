/**
 * A source file is malformed or is not the file we expected. The message names the file
 * (and the line, when there is one) so whoever maintains the data can find and fix it.
 */
export class DataFileError extends Error {
  override name = "DataFileError";
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly detail: string,
  ) {
    super(line === undefined ? `${file}: ${detail}` : `${file} line ${line}: ${detail}`);
  }
}
