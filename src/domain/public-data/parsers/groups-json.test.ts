import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { defaultSeedDir } from "../source-files.js";
import { parseGroupsJson } from "./groups-json.js";

const group = {
  slug: "healthcare-now",
  name: "Healthcare-NOW",
  state: "US",
  city: null,
  websiteUrl: "https://www.healthcare-now.org",
  contact: "info@healthcare-now.org",
  kind: "national organization",
  status: "active",
  sourceUrl: "https://www.healthcare-now.org/about/",
  sourceAsOf: "undated",
  notes: null,
};

describe("parseGroupsJson", () => {
  it("reads the committed seed file: 79 active groups, each with a source", () => {
    const groups = parseGroupsJson(readFileSync(`${defaultSeedDir}groups.json`, "utf8"), "seed/groups.json");
    expect(groups).toHaveLength(79);
    expect(groups.every((g) => g.status === "active" && g.sourceUrl?.startsWith("http"))).toBe(true);
  });

  it("refuses invalid JSON, the wrong shape and a repeated slug", () => {
    expect(() => parseGroupsJson("{", "seed/groups.json")).toThrow("seed/groups.json: not valid JSON");
    expect(() => parseGroupsJson(JSON.stringify([group]), "seed/groups.json")).toThrow("seed/groups.json: not a groups seed file: top level: Invalid input: expected object, received array");
    expect(() => parseGroupsJson(JSON.stringify({ groups: [{ ...group, slug: "Not A Slug" }] }), "g.json")).toThrow(
      "groups[0].slug: expected lowercase words joined by hyphens",
    );
    expect(() => parseGroupsJson(JSON.stringify({ groups: [group, group] }), "g.json")).toThrow("g.json: groups[1]: slug healthcare-now is used twice");
  });
});
