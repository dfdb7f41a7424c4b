import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const repoRoot = resolve(import.meta.dirname, "../..");

export interface LogLine {
  level: number;
  pid: number;
  msg: string;
  [key: string]: unknown;
}

export interface AppProcess {
  child: ChildProcess;
  pid: number;
  /** JSON log lines from stdout so far. */
  logs: LogLine[];
  stderr(): string;
  /** Resolves with the first "listening" log line's URL; rejects if the process exits first. */
  listening: Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the first log line matching `test`, waiting at most `timeoutMs`. */
  waitForLog(test: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  kill(signal: NodeJS.Signals): void;
}

const running = new Set<AppProcess>();

/**
 * Start the real server (`node --import tsx src/main.ts`) as a child process, the way
 * `npm start` does. The environment is built from scratch, so nothing from the shell running
 * the tests (DATABASE_URL, PORT, …) leaks in. PORT=0 lets the OS pick a free port; the app
 * logs the URL it bound.
 */
export function startApp(env: Record<string, string>, options: { require?: string[] } = {}): AppProcess {
  const preload = (options.require ?? []).flatMap((file) => ["--require", file]);
  const child = spawn(process.execPath, [...preload, "--import", "tsx", "src/main.ts"], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: process.env.HOME ?? tmpdir(),
      TMPDIR: tmpdir(),
      NODE_ENV: "test",
      HOST: "127.0.0.1",
      PORT: "0",
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: LogLine[] = [];
  const waiters = new Set<{ test: (line: LogLine) => boolean; resolve: (line: LogLine) => void }>();
  let stderr = "";
  let pending = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    pending += chunk;
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const text of lines) {
      let line: LogLine;
      try {
        line = JSON.parse(text) as LogLine;
      } catch {
        continue;
      }
      logs.push(line);
      for (const waiter of waiters) {
        if (waiter.test(line)) {
          waiters.delete(waiter);
          waiter.resolve(line);
        }
      }
    }
  });
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) =>
    child.on("exit", (code, signal) => resolveExit({ code, signal })),
  );

  const waitForLog = (test: (line: LogLine) => boolean, timeoutMs = 60_000) =>
    new Promise<LogLine>((resolveLine, reject) => {
      const seen = logs.find(test);
      if (seen) return resolveLine(seen);
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(new Error(`no matching log line within ${timeoutMs} ms.\nstdout:\n${logs.map((l) => JSON.stringify(l)).join("\n")}\nstderr:\n${stderr}`));
      }, timeoutMs);
      const waiter = {
        test,
        resolve: (line: LogLine) => {
          clearTimeout(timer);
          resolveLine(line);
        },
      };
      waiters.add(waiter);
      void exited.then(({ code, signal }) => {
        if (!waiters.has(waiter)) return;
        waiters.delete(waiter);
        clearTimeout(timer);
        reject(new Error(`the app exited (code ${code}, signal ${signal}) before the expected log line.\nstderr:\n${stderr}`));
      });
    });

  const app: AppProcess = {
    child,
    pid: child.pid!,
    logs,
    stderr: () => stderr,
    listening: waitForLog((line) => typeof line.url === "string" && line.msg.includes("listening"), 120_000).then(
      (line) => line.url as string,
    ),
    exited,
    waitForLog,
    kill: (signal) => child.kill(signal),
  };
  // A test that fails before it awaits `listening` must not leave an unhandled rejection.
  app.listening.catch(() => {});
  running.add(app);
  void exited.then(() => running.delete(app));
  return app;
}

/** afterEach: no test leaves a server running, whatever happened. */
export async function killAll() {
  const left = [...running];
  for (const app of left) app.kill("SIGKILL");
  await Promise.all(left.map((app) => app.exited));
}

/** A fresh scratch directory, removed by `removeScratch`. */
export function scratchDir(prefix = "ei-process-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeScratch(dir: string | undefined) {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/** Wait until `exited` resolves, failing after `timeoutMs` (the test then kills the process). */
export function within<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  return new Promise<T>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: nothing within ${timeoutMs} ms`)), timeoutMs);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolvePromise(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
