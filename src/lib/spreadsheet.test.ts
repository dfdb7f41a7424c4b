import { describe, expect, it } from "vitest";
import { csvCell, csvLines, fromSpreadsheetSafe, spreadsheetSafe } from "./spreadsheet.js";

describe("spreadsheet-safe CSV", () => {
  it("turns would-be formulas into text and leaves numbers alone", () => {
    for (const formula of ["=1+1", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("http://evil")']) {
      expect(spreadsheetSafe(formula)).toBe(`'${formula}`);
      expect(fromSpreadsheetSafe(spreadsheetSafe(formula))).toBe(formula);
    }
    expect(spreadsheetSafe("-93.2")).toBe("-93.2");
    expect(spreadsheetSafe("Ana")).toBe("Ana");
  });

  it("quotes only when RFC 4180 needs it", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("Ana, María")).toBe('"Ana, María"');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(3)).toBe("3");
    expect(csvCell(true)).toBe("true");
    expect(csvLines([["a", "b"], ["=1", null]])).toBe("a,b\r\n'=1,\r\n");
  });
});
