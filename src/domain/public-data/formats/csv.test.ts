import { describe, expect, it } from "vitest";
import { parseCsv, parseCsvTable, toCsv } from "./csv.js";

describe("parseCsv", () => {
  it("reads quoted fields holding commas, doubled quotes and line breaks", () => {
    const text = 'a,b,c\n"x, y","say ""hi""","two\nlines"\nplain,,end\n';
    expect(parseCsv(text, "t.csv")).toEqual([
      { line: 1, fields: ["a", "b", "c"] },
      { line: 2, fields: ["x, y", 'say "hi"', "two\nlines"] },
      // The quoted line break moved this record to line 4.
      { line: 4, fields: ["plain", "", "end"] },
    ]);
  });

  it("accepts CRLF, a byte-order mark, no final newline and blank lines", () => {
    const text = '\uFEFFa,b\r\n1,"2"\r\n\r\n3,4';
    expect(parseCsv(text, "t.csv")).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1", "2"] },
      { line: 4, fields: ["3", "4"] },
    ]);
  });

  it("keeps an empty last field and a quoted empty field", () => {
    expect(parseCsv('a,b\n"",\n', "t.csv")[1]).toEqual({ line: 2, fields: ["", ""] });
  });

  it("refuses an unclosed quote, naming the line where it opened", () => {
    expect(() => parseCsv('a,b\n1,2\n3,"oops\n4,5\n', "t.csv")).toThrow('t.csv line 3: a quoted field is never closed (missing closing ")');
  });

  it("refuses a quote inside an unquoted field and text after a closing quote", () => {
    expect(() => parseCsv('a,b\n1,5" pipe\n', "t.csv")).toThrow("t.csv line 2: a quote inside unquoted field 2");
    expect(() => parseCsv('a,b\n"x"y,2\n', "t.csv")).toThrow("t.csv line 2: unexpected text after a closing quote in field 1");
  });
});

describe("parseCsvTable", () => {
  const options = { file: "z.csv", describe: "a test file", required: ["zcta", "cd"], optional: ["county"] };

  it("picks columns by name, whatever their order, ignoring extra ones", () => {
    const rows = parseCsvTable("extra,cd,zcta\nq,3,05001\n", options);
    expect(rows).toEqual([{ line: 2, values: { zcta: "05001", cd: "3" } }]);
    expect(parseCsvTable("zcta,cd,county\n05001,3,Windsor\n", options)[0]!.values.county).toBe("Windsor");
  });

  it("refuses a file without the expected columns as the wrong file", () => {
    expect(() => parseCsvTable("name,usps\nVermont,VT\n", options)).toThrow(
      "z.csv line 1: this is not a test file: the header lacks column(s) zcta, cd (expected zcta,cd; found name,usps)",
    );
    expect(() => parseCsvTable("", options)).toThrow("z.csv: the file is empty");
  });

  it("refuses a row with a different number of fields, naming its line", () => {
    expect(() => parseCsvTable("zcta,cd\n05001,3\n05002,4,x\n", options)).toThrow(
      "z.csv line 3: expected 2 fields as in the header, found 3",
    );
  });
});

describe("toCsv", () => {
  it("quotes only what needs quoting and reads back the same", () => {
    const text = toCsv(["a", "b", "c"], [["x, y", 'say "hi"', null], ["plain", 3, "two\nlines"]]);
    expect(text).toBe('a,b,c\n"x, y","say ""hi""",\nplain,3,"two\nlines"\n');
    expect(parseCsv(text, "t.csv").map((r) => r.fields)).toEqual([
      ["a", "b", "c"],
      ["x, y", 'say "hi"', ""],
      ["plain", "3", "two\nlines"],
    ]);
  });
});
