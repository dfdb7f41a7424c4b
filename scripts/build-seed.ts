/**
 * Regenerate seed/ from the shared public data folder:
 *   npx tsx scripts/build-seed.ts [--data-dir DIR]     (default: $DATA_DIR, else ../shared/data)
 * Commit the result. The import reads seed/ when DATA_DIR is not set.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { buildSeedFiles, seedInputs, type SeedInputs } from "../src/domain/public-data/build-seed-files.js";
import { defaultSeedDir } from "../src/domain/public-data/source-files.js";

function main() {
  let dataDir: string;
  try {
    const { values } = parseArgs({ options: { "data-dir": { type: "string" } }, strict: true, allowPositionals: false });
    dataDir = resolve(values["data-dir"] ?? process.env.DATA_DIR ?? "../shared/data");
  } catch (error) {
    console.error(`${(error as Error).message}\nUsage: npx tsx scripts/build-seed.ts [--data-dir DIR]`);
    process.exit(64);
  }
  const input = Object.fromEntries(
    Object.entries(seedInputs).map(([name, path]) => [name, readFileSync(join(dataDir, path), "utf8")]),
  ) as SeedInputs;
  const files = buildSeedFiles(input);
  for (const [name, text] of Object.entries(files)) {
    const path = join(defaultSeedDir, name);
    let before = "";
    try {
      before = readFileSync(path, "utf8");
    } catch {}
    writeFileSync(path, text);
    console.log(`${before === text ? "unchanged" : "written  "} seed/${name}`);
  }
}

main();
