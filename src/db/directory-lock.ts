import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";

export interface DirectoryLock {
  readonly path: string;
  release(): void;
}

export class DirectoryLockedError extends Error {
  override name = "DirectoryLockedError";
}

/**
 * Take an exclusive lock on a PGlite data directory for this process.
 *
 * The lock file holds the owner's pid and host. A lock left by a process that no longer
 * exists (killed with SIGKILL, machine crashed) is stale and is taken over; a live owner
 * makes this throw, so a second `npm start` refuses instead of corrupting the data.
 */
export function acquireDirectoryLock(dir: string): DirectoryLock {
  const path = join(dir, "everybody-in.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      return {
        path,
        release() {
          if (released) return;
          released = true;
          if (readOwner(path)?.pid === process.pid) rmSync(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readOwner(path);
      if (owner && owner.host === hostname() && isAlive(owner.pid) && owner.pid !== process.pid) {
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
      if (owner?.pid === process.pid) {
        throw new DirectoryLockedError(`The database directory ${dir} is already open in this process.`);
      }
      // Stale: the owner died without cleaning up. Remove and retry once.
      rmSync(path, { force: true });
    }
  }
  throw new DirectoryLockedError(`Could not lock ${dir}: another process keeps taking the lock.`);
}

function readOwner(path: string): { pid: number; host: string; since: string } | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as { pid?: unknown; host?: unknown; since?: unknown };
    if (typeof parsed.pid !== "number" || typeof parsed.host !== "string") return undefined;
    return { pid: parsed.pid, host: parsed.host, since: String(parsed.since ?? "unknown") };
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
