#!/usr/bin/env node
/**
 * `npm test`: every check the project has, in order, failing if any of them fails.
 *
 *   1. typecheck (tsc -p .)
 *   2. Vitest on PGlite
 *   3. Vitest again on PostgreSQL, when TEST_DATABASE_URL is set
 *   4. Playwright browser journeys, when Chromium is available (required when CI=true)
 *
 * Each stage writes a JSON report under test-results/reports/ that this script reads to count
 * tests, while the console keeps the readable reporters. The last line is always the total,
 * `N passed, N failed[, N skipped]`, so CI logs and humans read the same figure. A stage that
 * dies without a report (typecheck error, crash, missing browser in CI) counts as one failure,
 * so the total never says "0 failed" when the exit code is not 0.
 *
 * Plain JavaScript so it runs before anything is compiled; entry script, so it may read process.env.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => join(root, "node_modules", ".bin", name);
const reportsDir = join(root, "test-results", "reports");
const isCI = process.env.CI === "true" || process.env.CI === "1";

// The public data lives beside the repository on the dev machines and in CI.
if (!process.env.DATA_DIR) {
  const shared = resolve(root, "../shared/data");
  if (existsSync(shared)) process.env.DATA_DIR = shared;
}

rmSync(reportsDir, { recursive: true, force: true });
mkdirSync(reportsDir, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const stages = [];

/** Run a command with inherited stdio; resolve with its exit code (signals count as failure). */
function run(command, args, env = process.env) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
    // Ctrl-C reaches the children through the process group; wait for them rather than die first.
    const forward = () => {};
    process.on("SIGINT", forward);
    child.on("error", (error) => {
      process.stderr.write(`could not run ${command}: ${error.message}\n`);
      done(127);
    });
    child.on("close", (code, signal) => {
      process.off("SIGINT", forward);
      done(code ?? (signal ? 128 : 1));
    });
  });
}

function heading(text) {
  process.stdout.write(`\n=== ${text} ===\n`);
}

function record(name, counts, exitCode) {
  const failed = counts ? counts.failed : 0;
  // A non-zero exit with no failed test in the report (crash, unhandled error, a missing report)
  // is still a failure of that stage.
  const extra = exitCode !== 0 && failed === 0 ? 1 : 0;
  const entry = {
    name,
    passed: counts?.passed ?? 0,
    failed: failed + extra,
    skipped: counts?.skipped ?? 0,
    ok: exitCode === 0,
  };
  stages.push(entry);
  totals.passed += entry.passed;
  totals.failed += entry.failed;
  totals.skipped += entry.skipped;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

function vitestCounts(file) {
  const report = readJson(file);
  if (!report) return undefined;
  return {
    passed: report.numPassedTests ?? 0,
    failed: report.numFailedTests ?? 0,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

function playwrightCounts(file) {
  const stats = readJson(file)?.stats;
  if (!stats) return undefined;
  return {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: stats.unexpected ?? 0,
    skipped: stats.skipped ?? 0,
  };
}

async function typecheck() {
  heading("typecheck: tsc -p .");
  const code = await run(bin("tsc"), ["-p", "."]);
  if (code === 0) process.stdout.write("typecheck passed\n");
  record("typecheck", { passed: 0, failed: code === 0 ? 0 : 1, skipped: 0 }, code);
}

async function vitest(label, databaseUrl) {
  heading(`vitest on ${label}`);
  const outputFile = join(reportsDir, `vitest-${label.toLowerCase()}.json`);
  const env = { ...process.env };
  // The PGlite pass must not pick up a PostgreSQL URL from the surroundings.
  if (databaseUrl) env.TEST_DATABASE_URL = databaseUrl;
  else delete env.TEST_DATABASE_URL;
  const code = await run(
    bin("vitest"),
    ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${outputFile}`],
    env,
  );
  record(`vitest (${label})`, vitestCounts(outputFile), code);
}

function findChromium() {
  const candidate = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  return existsSync(candidate) ? candidate : undefined;
}

async function playwright() {
  heading("playwright (Chromium)");
  const chromium = findChromium();
  if (!chromium) {
    const where = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
    if (isCI) {
      process.stderr.write(`Chromium not found at ${where}: browser tests are required in CI.\n`);
      record("playwright", undefined, 1);
    } else {
      process.stdout.write(
        `Skipping the browser tests: no Chromium at ${where}. Install it (apt-get install chromium) or set CHROMIUM_PATH.\n`,
      );
      stages.push({ name: "playwright", passed: 0, failed: 0, skipped: 0, ok: true, note: "not run (no Chromium)" });
    }
    return;
  }
  const outputFile = join(reportsDir, "playwright.json");
  const env = { ...process.env, CHROMIUM_PATH: chromium, PLAYWRIGHT_JSON_OUTPUT_FILE: outputFile };
  const code = await run(bin("playwright"), ["test"], env);
  record("playwright", playwrightCounts(outputFile), code);
}

const started = Date.now();
await typecheck();
await vitest("PGlite");
if (process.env.TEST_DATABASE_URL) await vitest("PostgreSQL", process.env.TEST_DATABASE_URL);
else process.stdout.write("\n(TEST_DATABASE_URL not set: skipping the PostgreSQL pass)\n");
await playwright();

heading(`summary (${Math.round((Date.now() - started) / 1000)} s)`);
for (const stage of stages) {
  const status = stage.note ?? (stage.ok ? "ok" : "FAILED");
  process.stdout.write(
    `${stage.name.padEnd(22)} ${status.padEnd(22)} ${stage.passed} passed, ${stage.failed} failed, ${stage.skipped} skipped\n`,
  );
}
const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : "";
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed${skipped}\n`);
process.exitCode = totals.failed > 0 || stages.some((s) => !s.ok) ? 1 : 0;
