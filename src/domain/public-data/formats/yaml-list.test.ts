import { describe, expect, it } from "vitest";
import { parseYamlList } from "./yaml-list.js";

describe("parseYamlList", () => {
  it("returns each item with the line it starts on", () => {
    const text = "# header comment\n- id: 1\n  name: a\n- id: 2\n";
    expect(parseYamlList(text, "l.yaml")).toEqual([
      { line: 2, value: { id: 1, name: "a" } },
      { line: 4, value: { id: 2 } },
    ]);
  });

  it("keeps long integers exact when asked", () => {
    const [item] = parseYamlList("- facebook: 123456789012345678\n", "s.yaml", { intAsBigInt: true });
    expect(item!.value).toEqual({ facebook: 123456789012345678n });
  });

  it("refuses a top level that is not a list", () => {
    expect(() => parseYamlList("id: 1\nname: a\n", "l.yaml")).toThrow('l.yaml: expected a YAML list of entries (lines starting with "- ") at the top level');
  });

  it("refuses invalid YAML, naming the line", () => {
    expect(() => parseYamlList("- id: 1\n- name: [unclosed\n", "l.yaml")).toThrow(/^l\.yaml line \d+: not valid YAML/);
  });
});
