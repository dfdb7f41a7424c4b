import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContext, openMigratedDatabase } from "../src/boot.js";
import { parseConfig } from "../src/config.js";
import { eq } from "drizzle-orm";
import { admins, people } from "../src/db/schema/index.js";

const root = resolve(import.meta.dirname, "..");

describe("npm run admin:create", () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "everybody-in-admin-cli-"));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const cli = (args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      execFile(
        join(root, "node_modules/.bin/tsx"),
        ["scripts/admin-create.ts", ...args],
        { cwd: root, env: { ...process.env, DATABASE_URL: "", DB_DIR: join(work, "db"), PUBLIC_URL: "https://everybody.test" }, timeout: 120_000 },
        (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });

  it("makes national staff on a new database, says where to sign in, and does nothing the second time", async () => {
    const first = await cli(["--email", "ella.baker@example.org", "--name", "Ella Baker"]);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toBe("ella.baker@example.org is now national staff. They can sign in at https://everybody.test/sign-in.\n");
    const again = await cli(["--email", "Ella.Baker@example.org"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("was already national staff; nothing changed.");

    const database = await openMigratedDatabase(parseConfig({ DB_DIR: join(work, "db") }));
    try {
      const ctx = await createContext(database);
      const rows = await ctx.db.select({ name: people.name }).from(admins).innerJoin(people, eq(people.id, admins.personId));
      expect(rows).toEqual([{ name: "Ella Baker" }]);
      await ctx.cache.close();
    } finally {
      await database.close();
    }
  }, 120_000);

  it("refuses missing or bad arguments with exit code 2 and the usage", async () => {
    const missing = await cli([]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--email is required.");
    expect(missing.stderr).toContain("Usage: npm run admin:create");
    const bad = await cli(["--email", "not-an-address"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("That is not an e-mail address. Nothing was changed.");
    const unknownFlag = await cli(["--emial", "x@example.org"]);
    expect(unknownFlag.code).toBe(2);
  }, 120_000);
});
