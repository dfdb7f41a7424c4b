import { describe, expect, it } from "vitest";
import { RowReader, patterns } from "./row-reader.js";

describe("RowReader", () => {
  const row = (values: Record<string, string>) => new RowReader("zip-districts/zccd.csv", 1203, values);

  it("reads typed values", () => {
    const r = row({ cd: "7", lat: "-66.75", zcta: "00601", when: "2025-04-29", blank: "  ", url: "https://x.org/a" });
    expect(r.int("cd", { min: 0, max: 99 })).toBe(7);
    expect(r.number("lat", { min: -90, max: 90 })).toBe(-66.75);
    expect(r.match("zcta", patterns.zcta, "a 5-digit ZCTA")).toBe("00601");
    expect(r.date("when")).toBe("2025-04-29");
    expect(r.optional("blank")).toBeNull();
    expect(r.optionalInt("blank", { min: 0, max: 1 })).toBeNull();
    expect(r.url("url")).toBe("https://x.org/a");
  });

  it("names file, line, column and value in every error", () => {
    expect(() => row({ cd: "x" }).int("cd", { min: 0, max: 99 })).toThrow('zip-districts/zccd.csv line 1203: cd "x" is not a whole number');
    expect(() => row({ cd: "120" }).int("cd", { min: 0, max: 99 })).toThrow("line 1203: cd 120 is outside 0–99");
    expect(() => row({ lat: "1,5" }).number("lat", { min: -90, max: 90 })).toThrow('lat "1,5" is not a number');
    expect(() => row({ zcta: "601" }).match("zcta", patterns.zcta, "a 5-digit ZCTA")).toThrow('zcta "601" is not a 5-digit ZCTA');
    expect(() => row({}).text("name")).toThrow("line 1203: name is empty");
    expect(() => row({ when: "4/29/2025" }).date("when")).toThrow('when "4/29/2025" is not a date (YYYY-MM-DD)');
    expect(() => row({ kind: "club" }).oneOf("kind", ["labor", "local group"])).toThrow('kind "club" is not one of labor, local group');
    expect(() => row({ url: "www.x.org" }).url("url")).toThrow('url "www.x.org" is not an http(s) URL');
  });
});
