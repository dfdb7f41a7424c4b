import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { buildSeedFiles, seedInputs, territoryByZipPrefix, type SeedInputs } from "./build-seed-files.js";
import { defaultSeedDir } from "./source-files.js";

const dataDir = inject("dataDir");
const read = () =>
  Object.fromEntries(Object.entries(seedInputs).map(([name, path]) => [name, readFileSync(join(dataDir, path), "utf8")])) as SeedInputs;

describe("buildSeedFiles", () => {
  it("matches the committed seed/ (re-run `npx tsx scripts/build-seed.ts` after changing the shared data or bill facts)", () => {
    const built = buildSeedFiles(read());
    expect(Object.keys(built).sort()).toEqual(["bills.json", "groups.json", "states.csv", "zccd-island-areas.csv"]);
    for (const [name, text] of Object.entries(built)) {
      expect(existsSync(join(defaultSeedDir, name)), `seed/${name} exists`).toBe(true);
      expect(readFileSync(join(defaultSeedDir, name), "utf8"), `seed/${name} is up to date`).toBe(text);
    }
  });

  it("derives the 17 island-area rows, the same ones as the shared copy", () => {
    const built = buildSeedFiles(read())["zccd-island-areas.csv"]!;
    const lines = built.trim().split("\n");
    expect(lines).toHaveLength(18);
    expect(lines.slice(1).map((l) => l.split(",")[1])).toEqual([...Array(6).fill("VI"), "AS", ...Array(7).fill("GU"), "MP", "MP", "MP"]);
    const shared = readFileSync(join(dataDir, "zip-districts/zccd-island-areas.csv"), "utf8").replace(/\r\n/g, "\n");
    expect(built).toBe(shared);
  });

  it("refuses states whose House seats disagree with the district map", () => {
    const input = read();
    input.states = input.states.replace("Vermont,VT,50,1,", "Vermont,VT,50,2,");
    expect(() => buildSeedFiles(input)).toThrow("states.csv: VT has house_seats 2 but zip-districts/zccd.csv maps 1 voting district(s)");
  });
});

describe("territoryByZipPrefix", () => {
  it("follows the USPS prefix convention", () => {
    expect(["00802", "96799", "96950", "96952", "96910", "96929", "05001"].map(territoryByZipPrefix)).toEqual([
      "VI",
      "AS",
      "MP",
      "MP",
      "GU",
      "GU",
      undefined,
    ]);
  });
});
