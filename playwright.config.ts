import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { defineConfig } from "@playwright/test";
import { E2E_ADMIN_EMAIL } from "./tests/e2e/constants.js";

/**
 * Browser journeys against the real app (`npx tsx src/main.ts`), started once on a free port
 * over a fresh embedded database in a temporary directory, importing the public data from
 * DATA_DIR on its first start exactly as `npm start` does. Chromium is Debian's: Playwright
 * never downloads a browser here.
 *
 * This file is evaluated in the runner and again in every worker process. Workers inherit the
 * runner's environment, so the port and directories are chosen once and passed down through
 * E2E_* variables instead of being picked again (and differently) in each worker.
 */
const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const dataDir = resolve(process.env.DATA_DIR || "../shared/data");

process.env.E2E_PORT ||= String(freePort());
if (!process.env.E2E_DB_DIR) {
  const scratch = mkdtempSync(join(tmpdir(), "everybody-in-e2e-"));
  process.env.E2E_DB_DIR = join(scratch, "db");
  // The runner stops the web server after every teardown hook, so the directory can only go
  // when the runner itself exits.
  process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));
}
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/playwright",
  fullyParallel: false,
  // Two cores: one worker for the browser, the other for the app under test.
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [
    ["list"],
    ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE || "test-results/reports/playwright.json" }],
  ],
  use: {
    baseURL,
    screenshot: "only-on-failure",
    trace: "off",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    // National staff for the admin journeys (E2E_ADMIN_EMAIL), made before the app takes the database.
    command: `npx tsx scripts/admin-create.ts --email ${E2E_ADMIN_EMAIL} --name "Ella Baker" && npx tsx src/main.ts`,
    url: `${baseURL}/healthz`,
    // A first start imports the public data before it listens.
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    // SIGTERM lets the app finish requests, close the database and remove its lock file.
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      NODE_ENV: "test",
      HOST: "127.0.0.1",
      PORT: process.env.E2E_PORT,
      DB_DIR: process.env.E2E_DB_DIR,
      DATA_DIR: existsSync(dataDir) ? dataDir : "",
      LOG_LEVEL: "warn",
      DATABASE_URL: "",
      WEB_CONCURRENCY: "1",
      AUTO_IMPORT: "true",
      // Journeys never reach the Census geocoder: address search answers "not available".
      GEOCODER_URL: "off",
    },
  },
});

/** Ask the OS for a free loopback port (synchronously: the config cannot await). */
function freePort(): number {
  const script =
    "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close();})";
  return Number(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
}
