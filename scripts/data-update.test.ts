import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtureDataDir } from "../src/domain/public-data/test-fixtures.js";
import { parseDataUpdateArgs, summary } from "./data-update.js";

describe("parseDataUpdateArgs", () => {
  it("reads the flags", () => {
    expect(parseDataUpdateArgs([])).toEqual({ force: false, only: undefined, dataDir: undefined, help: false });
    expect(parseDataUpdateArgs(["--force", "--only", "states, bills", "--data-dir", "../shared/data"])).toEqual({
      force: true,
      only: ["states", "bills"],
      dataDir: "../shared/data",
      help: false,
    });
    expect(parseDataUpdateArgs(["--only=zip-cities"]).only).toEqual(["zip-cities"]);
  });

  it("refuses unknown flags, unknown datasets and missing values", () => {
    expect(() => parseDataUpdateArgs(["--forse"])).toThrow("Unknown option '--forse'");
    expect(() => parseDataUpdateArgs(["--only", "states,zips"])).toThrow('--only: unknown dataset "zips"');
    expect(() => parseDataUpdateArgs(["--only", ","])).toThrow("--only: unknown dataset");
    expect(() => parseDataUpdateArgs(["--data-dir"])).toThrow("argument missing");
    expect(() => parseDataUpdateArgs(["extra"])).toThrow("Unexpected argument 'extra'");
  });
});

describe("summary", () => {
  it("lists each dataset and says what to do when one failed", () => {
    const text = summary([
      { key: "states", outcome: "imported", rowCount: 56, durationMs: 120, detail: "", warnings: ["w1"] },
      { key: "zip-cities", outcome: "failed", error: "zip-geo/us-zips.csv: could not download …", durationMs: 5 },
    ]);
    expect(text).toContain("  ✓ states      imported       56 rows in 0.1 s\n");
    expect(text).toContain("      warning: w1");
    expect(text).toContain("✗ zip-cities  failed: zip-geo/us-zips.csv: could not download …");
    expect(text).toContain("1 dataset(s) failed and kept their previous data.");
  });
});

describe("npm run data:update", () => {
  const root = resolve(import.meta.dirname, "..");
  let work: string;
  let data: ReturnType<typeof createFixtureDataDir>;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "everybody-in-cli-"));
    data = createFixtureDataDir();
  });
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    data.remove();
  });

  /** The CLI on its own embedded database, whatever database the test run itself uses. */
  const cli = (args: string[], env: Record<string, string> = {}) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      execFile(
        join(root, "node_modules/.bin/tsx"),
        ["scripts/data-update.ts", ...args],
        {
          cwd: root,
          env: { ...process.env, DATABASE_URL: "", DATA_DIR: "", DB_DIR: join(work, "db"), SOURCES_DIR: join(work, "sources"), ...env },
          timeout: 120_000,
        },
        (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });

  it("refuses bad flags with the usage and exit code 64", async () => {
    const result = await cli(["--only", "nope"]);
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('--only: unknown dataset "nope"');
    expect(result.stderr).toContain("Usage: npm run data:update");
  });

  it("imports from --data-dir, prints a summary and exits 0", async () => {
    const result = await cli(["--data-dir", data.dir, "--only", "states,groups"]);
    expect(result.stderr).toContain(`Reading public data from ${data.dir}`);
    expect(result.stdout).toMatch(/✓ states\s+imported\s+5 rows/);
    expect(result.stdout).toMatch(/✓ groups\s+imported\s+2 rows/);
    expect(result.code).toBe(0);
  });

  it("exits 1 when a dataset fails, saying which file and what to do", async () => {
    data.write("zip-geo/zip-city-state.csv", null);
    const result = await cli(["--data-dir", data.dir, "--only", "states,zip-cities"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/= states\s+unchanged\s+5 rows/);
    expect(result.stdout).toContain(`✗ zip-cities  failed: zip-geo/zip-city-state.csv is not in DATA_DIR (${data.dir}).`);
    expect(result.stdout).toContain("1 dataset(s) failed and kept their previous data.");
  });

  it("refuses with exit code 75 while the app holds the embedded database", async () => {
    const dbDir = join(work, "locked-db");
    mkdirSync(dbDir);
    // This test process stands in for the running app: its pid is alive on this host.
    writeFileSync(join(dbDir, "everybody-in.lock"), JSON.stringify({ pid: process.pid, host: hostname(), since: "2026-11-01T00:00:00Z" }));
    const result = await cli(["--data-dir", data.dir], { DB_DIR: dbDir });
    expect(result.code).toBe(75);
    expect(result.stderr).toContain(`is in use by another Everybody In process (pid ${process.pid}`);
    expect(result.stderr).toContain("stop the app first");
  });
});
