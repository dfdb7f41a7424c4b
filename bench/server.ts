import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { resolve } from "node:path";

const repoRoot = resolve(import.meta.dirname, "..");

export interface BenchServer {
  url: string;
  pid: number;
  /** From spawn to the first 200 from /healthz: what a person waiting for `npm start` sees. */
  startupMs: number;
  /** SIGTERM and wait for the exit; rejects if the app does not exit 0. */
  stop(): Promise<void>;
}

/**
 * Start the real app (`node --import tsx src/main.ts`, as `npm start` does) on a free loopback
 * port with production settings, and wait until /healthz answers 200. Logs go to `logFile`.
 */
export async function startServer(options: {
  env: Record<string, string>;
  logFile: string;
  timeoutMs?: number;
}): Promise<BenchServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = createWriteStream(options.logFile, { flags: "a" });
  const startedAt = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: process.env.HOME ?? "/tmp",
      NODE_ENV: "production",
      SECRET_KEY: randomBytes(32).toString("hex"),
      PUBLIC_URL: url,
      HOST: "127.0.0.1",
      PORT: String(port),
      LOG_LEVEL: "info",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));

  const deadline = startedAt + (options.timeoutMs ?? 300_000);
  for (;;) {
    if (exitCode !== undefined) throw new Error(`the app exited with code ${exitCode} before answering; see ${options.logFile}`);
    if (performance.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the app did not answer /healthz in time; see ${options.logFile}`);
    }
    if (await healthy(url)) break;
    await sleep(10);
  }
  const startupMs = performance.now() - startedAt;
  return { url, pid: child.pid!, startupMs, stop: () => stop(child, exited, options.logFile) };
}

async function stop(child: ChildProcess, exited: Promise<number | null>, logFile: string) {
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  const code = await exited;
  clearTimeout(timer);
  if (code !== 0) throw new Error(`the app exited with code ${code} after SIGTERM; see ${logFile}`);
}

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => done(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const clockTicksPerSecond = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * CPU seconds used so far by `pid` and its children (the cluster's workers), from /proc.
 * Undefined where there is no /proc. On a machine shared with other work this is steadier
 * than requests per second: it says what a request costs, not how much CPU was left over.
 */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime: fields 14 and 15 of the whole line.
    let ticks = Number(fields[11]) + Number(fields[12]);
    for (const child of childPids(pid)) ticks += (cpuSeconds(child) ?? 0) * clockTicksPerSecond;
    return ticks / clockTicksPerSecond;
  } catch {
    return undefined;
  }
}

function childPids(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").split(" ").filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

/** Resident memory of `pid` and its children in MiB, from /proc; undefined without /proc. */
export function rssMiB(pid: number): number | undefined {
  try {
    const kib = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    const children = childPids(pid).reduce((sum, child) => sum + (rssMiB(child) ?? 0), 0);
    return Math.round(kib / 1024) + children;
  } catch {
    return undefined;
  }
}
