import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { resolve } from "node:path";

export interface DirectoryLock {
  readonly path: string;
  release(): void;
}

export class DirectoryLockedError extends Error {
  override name = "DirectoryLockedError";
}

/** Lock files this process holds, by path: the file alone cannot tell "mine" from "an earlier process with my pid". */
const held = new Set<string>();

/**
 * Take an exclusive lock on a PGlite data directory for this process.
 *
 * The lock file holds the owner's pid, host and (on Linux) the process start time. A lock
 * left by a process that no longer exists (killed with SIGKILL, machine crashed) is stale and
 * is taken over; a live owner makes this throw, so a second `npm start` refuses instead of
 * corrupting the data. Pids are reused, often exactly: a restarted container runs the same
 * commands and hands the app the same small pid as before the crash. So a lock naming our own
 * pid that this process did not take, or naming a live pid whose start time differs from the
 * recorded one, is stale too.
 */
export function acquireDirectoryLock(dir: string): DirectoryLock {
  const path = resolve(dir, "everybody-in.lock");
  if (held.has(path)) throw new DirectoryLockedError(`The database directory ${dir} is already open in this process.`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      const start = processStart(process.pid);
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString(), ...(start ? { start } : {}) }));
      closeSync(fd);
      held.add(path);
      let released = false;
      return {
        path,
        release() {
          if (released) return;
          released = true;
          held.delete(path);
          if (readOwner(path)?.pid === process.pid) rmSync(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readOwner(path);
      if (owner && owner.host === hostname() && owner.pid !== process.pid && isSameLiveProcess(owner)) {
        throw new DirectoryLockedError(
          `The database directory ${dir} is in use by another Everybody In process (pid ${owner.pid}, since ${owner.since}). ` +
            `Stop that process first, or set DB_DIR to another directory. Only one process may open an embedded database.`,
        );
      }
      if (owner && owner.host !== hostname()) {
        throw new DirectoryLockedError(
          `The database directory ${dir} is locked by a process on host ${owner.host} (pid ${owner.pid}). ` +
            `If that machine is gone, delete ${path} and start again.`,
        );
      }
      // Stale: the owner died without cleaning up (or its pid now belongs to another process,
      // possibly this one). Remove and retry once.
      rmSync(path, { force: true });
    }
  }
  throw new DirectoryLockedError(`Could not lock ${dir}: another process keeps taking the lock.`);
}

interface LockOwner {
  pid: number;
  host: string;
  since: string;
  /** Linux process start time (clock ticks after boot), when the owner could record it. */
  start: string | undefined;
}

function readOwner(path: string): LockOwner | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as { pid?: unknown; host?: unknown; since?: unknown; start?: unknown };
    if (typeof parsed.pid !== "number" || typeof parsed.host !== "string") return undefined;
    return {
      pid: parsed.pid,
      host: parsed.host,
      since: String(parsed.since ?? "unknown"),
      start: typeof parsed.start === "string" ? parsed.start : undefined,
    };
  } catch {
    return undefined;
  }
}

/** The owner is alive and is the same process that wrote the lock, as far as we can tell. */
function isSameLiveProcess(owner: LockOwner): boolean {
  if (!isAlive(owner.pid)) return false;
  if (owner.start === undefined) return true;
  const start = processStart(owner.pid);
  // Without /proc (macOS, or hidden by the container) a live pid has to be trusted.
  return start === undefined || start === owner.start;
}

/**
 * When `pid` started, from /proc/<pid>/stat (field 22, in clock ticks after boot); undefined
 * where there is no /proc. Together with the pid it names one process for as long as the
 * machine runs.
 */
function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 2 is the command name in parentheses and may itself contain spaces or ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[19];
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
