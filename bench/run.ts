/**
 * `npm run bench`: startup time and HTTP throughput of the real app, on PGlite and (when
 * DATABASE_URL is set) on PostgreSQL, single process and WEB_CONCURRENCY=2. Prints a
 * Markdown report to paste into BENCHMARKS.md. Everything is bounded: each measurement runs
 * for a fixed time and every server is stopped at the end.
 *
 *   npm run bench                                         # PGlite only
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench
 *   npm run bench -- --duration=10000 --concurrency=32
 *   npm run bench -- --paths=/act/medicare-for-all?zip=55401,/healthz   # only these paths
 *
 * With DATABASE_URL the bench creates its own database (ei_b<pid>_bench) next to the one
 * named in the URL and drops it afterwards, so the first start really imports. Entry script:
 * it may read process.env.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { formatLoadTable, loadTest, type LoadResult } from "./http.js";
import { cpuSeconds, rssMiB, startServer, type BenchServer } from "./server.js";

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key = "", ...value] = arg.replace(/^--/, "").split("=");
    return [key, value.length > 0 ? value.join("=") : "true"];
  }),
);
const durationMs = Number(args.duration ?? 5000);
const concurrency = Number(args.concurrency ?? 16);
const secondStarts = Number(args.starts ?? 3);
const defaultPaths = [
  "/",
  "/about/data",
  "/healthz",
  "/groups",
  "/groups/ma",
  "/groups?near=02139",
  "/api/v1/groups?near=02139",
  // Contact Congress: one district, and a ZIP that spans two (issue 5).
  "/api/v1/representatives?zip=55401",
  "/api/v1/representatives?zip=10001",
  // The campaign page with its members: rendered per request (it carries a form token), from memory.
  "/act/medicare-for-all?zip=55401",
  "/act/medicare-for-all?zip=10001",
];
const paths: string[] = typeof args.paths === "string" && args.paths !== "true" ? args.paths.split(",") : defaultPaths;

const repoRoot = resolve(import.meta.dirname, "..");
const dataDir = process.env.DATA_DIR ? resolve(process.env.DATA_DIR) : resolve(repoRoot, "../shared/data");
const scratch = mkdtempSync(join(os.tmpdir(), "everybody-in-bench-"));
const logFile = join(scratch, "app.log");
const dataEnv: Record<string, string> = existsSync(dataDir) ? { DATA_DIR: dataDir } : {};

interface StartupRow {
  label: string;
  firstMs: number;
  secondMs: number[];
  imported: string;
  /** Resident memory right after the first start (with import) and after a later start. */
  firstRss: number | undefined;
  laterRss: number | undefined;
}
const startups: StartupRow[] = [];
const loads: (LoadResult & { label: string })[] = [];

const log = (text: string) => process.stderr.write(`${text}\n`);

async function measureStartups(label: string, env: Record<string, string>): Promise<BenchServer> {
  log(`${label}: first start (creates the database and imports the public data)…`);
  const first = await startServer({ env, logFile });
  const imported = await importedSummary(first.url);
  const firstRss = rssMiB(first.pid);
  await first.stop();
  const secondMs: number[] = [];
  let server: BenchServer | undefined;
  for (let i = 0; i < secondStarts; i++) {
    log(`${label}: start ${i + 2} (existing database)…`);
    server = await startServer({ env, logFile });
    secondMs.push(server.startupMs);
    if (i < secondStarts - 1) await server.stop();
  }
  startups.push({ label, firstMs: first.startupMs, secondMs, imported, firstRss, laterRss: rssMiB(server!.pid) });
  return server!;
}

async function measureHttp(label: string, server: BenchServer) {
  const runs = [...paths.map((path) => ({ path, gzip: true })), ...(paths.includes("/") ? [{ path: "/", gzip: false }] : [])];
  for (const { path, gzip } of runs) {
    log(`${label}: ${path}${gzip ? "" : " (no gzip)"} for ${durationMs} ms at concurrency ${concurrency}…`);
    const result = await loadTest({ baseUrl: server.url, path, concurrency, durationMs, gzip, serverCpuSeconds: () => cpuSeconds(server.pid) });
    loads.push({ label: gzip ? label : `${label}, no gzip`, ...result });
  }
}

async function importedSummary(url: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/datasets`);
  const body = (await res.json()) as { datasets: { key: string; rowCount: number | null }[] };
  const loaded = body.datasets.filter((d) => d.rowCount !== null);
  const rows = loaded.reduce((sum, d) => sum + (d.rowCount ?? 0), 0);
  return `${loaded.length}/${body.datasets.length} datasets, ${rows.toLocaleString("en-US")} rows`;
}

async function pglite() {
  const env = { ...dataEnv, DB_DIR: join(scratch, "db") };
  const server = await measureStartups("PGlite", env);
  await measureHttp("PGlite", server);
  await server.stop();
}

async function postgres(adminUrl: string) {
  const name = `ei_b${process.pid}_bench`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    const env = { ...dataEnv, DATABASE_URL: url.toString() };
    const server = await measureStartups("PostgreSQL", env);
    await measureHttp("PostgreSQL", server);
    await server.stop();

    log("PostgreSQL, WEB_CONCURRENCY=2: start…");
    const cluster = await startServer({ env: { ...env, WEB_CONCURRENCY: "2" }, logFile });
    await measureHttp("PostgreSQL ×2 workers", cluster);
    await cluster.stop();
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

function machine(): string {
  const cpus = os.cpus();
  const commit = (() => {
    try {
      return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: repoRoot, encoding: "utf8" }).trim();
    } catch {
      return "unknown";
    }
  })();
  return [
    `- Date: ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC; commit ${commit}`,
    `- Machine: ${cpus.length} × ${cpus[0]?.model ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()}`,
    `- Node ${process.version}; load average at start ${os.loadavg().map((n) => n.toFixed(2)).join(" / ")}`,
    `- Load: ${concurrency} keep-alive connections from one Node process on the same cores, ${durationMs / 1000} s per path after 1 s warm-up, gzip accepted, NODE_ENV=production, LOG_LEVEL=info`,
  ].join("\n");
}

const header = machine();
let failed = false;
try {
  await pglite();
  if (process.env.DATABASE_URL) await postgres(process.env.DATABASE_URL);
  else log("DATABASE_URL not set: PostgreSQL skipped");
} catch (error) {
  failed = true;
  log(`benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  const ms = (n: number) => `${(n / 1000).toFixed(2)} s`;
  const report = [
    header,
    "",
    "### Startup (spawn → first 200 from /healthz)",
    "",
    "| database | first start (empty database, import) | later starts | imported | RSS after first / later start |",
    "|---|---:|---|---|---|",
    ...startups.map(
      (s) => `| ${s.label} | ${ms(s.firstMs)} | ${s.secondMs.map(ms).join(", ")} | ${s.imported} | ${s.firstRss ?? "?"} / ${s.laterRss ?? "?"} MiB |`,
    ),
    "",
    "### HTTP",
    "",
    formatLoadTable(loads),
  ].join("\n");
  process.stdout.write(`${report}\n`);
  if (!failed) rmSync(scratch, { recursive: true, force: true });
  else log(`logs kept in ${logFile}`);
}
process.exitCode = failed ? 1 : 0;
