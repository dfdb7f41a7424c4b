import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../tests/support/test-database.js";
import { createContext, openMigratedDatabase } from "../src/boot.js";
import { parseConfig } from "../src/config.js";
import { bills } from "../src/db/schema/index.js";
import { DataFileError } from "../src/domain/public-data/formats/data-file-error.js";
import { updatePublicData } from "../src/domain/public-data/update-public-data.js";
import { CongressGovError } from "../src/integrations/congress-gov.js";
import { FakeCongressGov } from "../src/integrations/fake-congress-gov.js";
import { changeSummary, importRoll, loadRoll, parseImportCosponsorsArgs, UsageError, type ImportCosponsorsArgs } from "./import-cosponsors.js";

const root = resolve(import.meta.dirname, "..");
const fixtures = join(root, "src/domain/congress/fixtures");

describe("parseImportCosponsorsArgs", () => {
  it("reads the flags and turns the slug into a bill id", () => {
    expect(parseImportCosponsorsArgs(["--bill", "hr3069-119", "--file", "roll.xml"])).toEqual({
      billId: "119-hr3069",
      file: "roll.xml",
      asOf: undefined,
      allowOlder: false,
      help: false,
    });
    expect(parseImportCosponsorsArgs(["--bill=S1506-119", "--as-of", "2026-11-20", "--allow-older"])).toMatchObject({
      billId: "119-s1506",
      asOf: "2026-11-20",
      allowOlder: true,
    });
    expect(parseImportCosponsorsArgs(["-h"]).help).toBe(true);
  });

  it("refuses what it cannot use, saying what to do", () => {
    expect(() => parseImportCosponsorsArgs([])).toThrow("--bill is required, e.g. --bill hr3069-119");
    expect(() => parseImportCosponsorsArgs(["--bill", "119-hr3069"])).toThrow('--bill: "119-hr3069" is not a bill such as hr3069-119');
    expect(() => parseImportCosponsorsArgs(["--bill", "hr3069-119", "--as-of", "yesterday"])).toThrow('--as-of: "yesterday" is not a date');
    expect(() => parseImportCosponsorsArgs(["--bill", "hr3069-119", "--file"])).toThrow("argument missing");
    expect(() => parseImportCosponsorsArgs(["--bill", "hr3069-119", "extra"])).toThrow("Unexpected argument 'extra'");
  });
});

describe("loadRoll and importRoll", () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase("loaded");
  });
  afterAll(() => testDb.close());

  const args = (more: Partial<ImportCosponsorsArgs> = {}): ImportCosponsorsArgs => ({
    billId: "119-hr3069",
    file: undefined,
    asOf: undefined,
    allowOlder: false,
    help: false,
    ...more,
  });
  const lines: string[] = [];
  const deps = (congressGov?: FakeCongressGov) => ({ congressGov, today: "2026-11-25", log: (line: string) => lines.push(line) });

  it("fetches from congress.gov when there is no file, dated today", async () => {
    const api = new FakeCongressGov({ "119-hr3069": JSON.parse(readFileSync(join(fixtures, "congress-gov-cosponsors-hr3069.json"), "utf8")) });
    const loaded = await loadRoll(args(), deps(api));
    expect(api.requests).toEqual(["119-hr3069"]);
    expect(loaded).toMatchObject({ asOf: "2026-11-25", sourceUrl: "https://api.congress.gov/v3/bill/119/hr/3069/cosponsors", source: "api.congress.gov" });
    expect(lines).toContain("Read 4 cosponsor(s) (3 current, 1 withdrawn) as of 2026-11-25 (JSON carries no date: today; pass --as-of for an older file)");

    const changes = await importRoll(testDb.ctx, "119-hr3069", loaded, false);
    expect(changes).toMatchObject({ added: ["Suzan K. DelBene"], withdrawn: ["Mark Pocan"], unchanged: 2, officialCount: 3, asOf: "2026-11-25" });
    const bill = (await testDb.ctx.db.select().from(bills).where(eq(bills.id, "119-hr3069")))[0];
    expect(bill).toMatchObject({ officialCosponsorCount: 3, cosponsorsAsOf: "2026-11-25" });
  });

  it("refuses before touching the database: no key, a failed fetch, a bad response, --as-of on a dated file", async () => {
    await expect(loadRoll(args(), deps())).rejects.toThrow(UsageError);
    await expect(loadRoll(args({ billId: "119-s1506" }), deps(new FakeCongressGov()))).rejects.toThrow(CongressGovError);
    const error = new FakeCongressGov({ "119-hr3069": { error: { code: "API_KEY_INVALID", message: "An invalid api_key was supplied." } } });
    await expect(loadRoll(args(), deps(error))).rejects.toThrow(
      new DataFileError("the api.congress.gov response", undefined, "this is an error from congress.gov, not a cosponsor list: An invalid api_key was supplied."),
    );
    await expect(loadRoll(args({ file: join(fixtures, "billstatus-hr3069.xml"), asOf: "2026-11-01" }), deps())).rejects.toThrow(
      /--as-of is for JSON files; .* is a BILLSTATUS file dated 2026-11-20/,
    );
    await expect(loadRoll(args({ file: join(fixtures, "nope.xml") }), deps())).rejects.toThrow(/--file: cannot read .*nope\.xml: no such file/);
  });

  it("summarizes the changes for a person", () => {
    const text = changeSummary({
      billId: "119-hr3069",
      billNumber: "H.R.3069",
      added: ["Suzan K. DelBene", "Rashida Tlaib"],
      withdrawn: ["Mark Pocan"],
      removed: Array.from({ length: 30 }, (_, i) => `Member ${i + 1}`),
      unchanged: 114,
      keptAsSponsor: [],
      officialCount: 117,
      asOf: "2026-11-20",
      previousAsOf: "2026-09-15",
      previousOfficialCount: 115,
    });
    expect(text).toContain("H.R.3069: 117 cosponsors as of 2026-11-20 (official count 117; before: 115 as of 2026-09-15).\n");
    expect(text).toContain("Added (2): Suzan K. DelBene; Rashida Tlaib\nWithdrawn (1): Mark Pocan\n");
    expect(text).toContain("No longer listed (30): Member 1; Member 2;");
    expect(text).toContain("Member 25; and 5 more\n");
    expect(text).toContain("Unchanged: 114");
  });
});

describe("npm run data:cosponsors", () => {
  let work: string;
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "everybody-in-cosponsors-cli-"));
    // The CLI's own embedded database, holding the bills from seed/bills.json (an empty DATA_DIR falls back to seed/).
    mkdirSync(join(work, "empty-data"));
    const database = await openMigratedDatabase(parseConfig({ DB_DIR: join(work, "db") }));
    try {
      const ctx = await createContext(database);
      await updatePublicData({ ctx, input: { dataDir: join(work, "empty-data"), sourcesDir: join(work, "sources"), only: ["bills"] } });
      await ctx.cache.close();
    } finally {
      await database.close();
    }
  }, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const cli = (args: string[], env: Record<string, string> = {}) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      execFile(
        join(root, "node_modules/.bin/tsx"),
        ["scripts/import-cosponsors.ts", ...args],
        {
          cwd: root,
          env: { ...process.env, DATABASE_URL: "", DB_DIR: join(work, "db"), CONGRESS_API_KEY: "", ...env },
          timeout: 120_000,
        },
        (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
  const fixture = (name: string) => join(fixtures, name);

  it("refuses bad flags with the usage and exit code 2", async () => {
    const result = await cli(["--bill", "hr3069"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--bill: "hr3069" is not a bill such as hr3069-119');
    expect(result.stderr).toContain("Usage: npm run data:cosponsors");
  });

  it("refuses a malformed file with exit code 2, naming the file and the problem, without a stack trace", async () => {
    for (const [name, problem] of [
      ["billstatus-truncated.xml", "not well-formed XML: the file ends before <item>"],
      ["billstatus-other-bill.xml", "this file is for H.R.3070 (119th Congress), not H.R.3069 (119th Congress)"],
      ["congress-gov-cosponsors-first-page.json", "this is one page of a longer list"],
    ] as const) {
      const result = await cli(["--bill", "hr3069-119", "--file", fixture(name)]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(fixture(name));
      expect(result.stderr).toContain(problem);
      expect(result.stderr).toContain("Nothing was imported.");
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("says how to get a roll when there is neither a file nor an API key", async () => {
    const result = await cli(["--bill", "hr3069-119"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("no --file given and CONGRESS_API_KEY is not set");
  });

  it("imports a BILLSTATUS file and prints what changed", async () => {
    const result = await cli(["--bill", "hr3069-119", "--file", fixture("billstatus-hr3069.xml")]);
    expect(result.stderr).toContain("Read 3 cosponsor(s) (2 current, 1 withdrawn) as of 2026-11-20");
    expect(result.stdout).toContain("H.R.3069: 2 cosponsors as of 2026-11-20 (official count 2; before: 115 as of 2026-09-15).");
    expect(result.stdout).toContain("Added (1): Suzan K. DelBene\nWithdrawn (1): Mark Pocan\nNo longer listed (113): ");
    expect(result.code).toBe(0);
  });

  it("refuses with exit code 75 while the app holds the embedded database", async () => {
    const dbDir = join(work, "locked-db");
    mkdirSync(dbDir);
    writeFileSync(join(dbDir, "everybody-in.lock"), JSON.stringify({ pid: process.pid, host: hostname(), since: "2026-11-01T00:00:00Z" }));
    const result = await cli(["--bill", "hr3069-119", "--file", fixture("billstatus-hr3069.xml")], { DB_DIR: dbDir });
    expect(result.code).toBe(75);
    expect(result.stderr).toContain(`is in use by another Everybody In process (pid ${process.pid}`);
    expect(result.stderr).toContain("The app is running on the embedded database (PGlite)");
  });
});
