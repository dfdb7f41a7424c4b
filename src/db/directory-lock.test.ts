import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { acquireDirectoryLock, DirectoryLockedError } from "./directory-lock.js";

const created: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "ei-lock-"));
  created.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

describe("acquireDirectoryLock", () => {
  it("writes our pid into the lock file and removes it on release", () => {
    const dir = freshDir();
    const lock = acquireDirectoryLock(dir);
    expect(JSON.parse(readFileSync(lock.path, "utf8"))).toMatchObject({ pid: process.pid, host: hostname() });
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
  });

  it("refuses while a live process holds the lock, naming its pid and what to do", async () => {
    const dir = freshDir();
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"], { stdio: "ignore" });
    try {
      writeFileSync(join(dir, "everybody-in.lock"), JSON.stringify({ pid: holder.pid, host: hostname(), since: "now" }));
      expect(() => acquireDirectoryLock(dir)).toThrow(DirectoryLockedError);
      expect(() => acquireDirectoryLock(dir)).toThrow(new RegExp(`pid ${holder.pid}.*set DB_DIR`));
    } finally {
      holder.kill("SIGKILL");
    }
  });

  it("takes over a lock left by a process that died (e.g. killed with SIGKILL)", async () => {
    const dir = freshDir();
    const dead = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
    await new Promise((resolve) => dead.on("exit", resolve));
    writeFileSync(join(dir, "everybody-in.lock"), JSON.stringify({ pid: dead.pid, host: hostname(), since: "then" }));
    const lock = acquireDirectoryLock(dir);
    expect(JSON.parse(readFileSync(lock.path, "utf8")).pid).toBe(process.pid);
    lock.release();
  });

  it("refuses a second lock in the same process", () => {
    const dir = freshDir();
    const lock = acquireDirectoryLock(dir);
    expect(() => acquireDirectoryLock(dir)).toThrow(/already open in this process/);
    lock.release();
  });

  it("takes over a lock naming this very pid that this process never took (a restarted container reuses pids)", () => {
    const dir = freshDir();
    writeFileSync(join(dir, "everybody-in.lock"), JSON.stringify({ pid: process.pid, host: hostname(), since: "before the crash" }));
    const lock = acquireDirectoryLock(dir);
    expect(JSON.parse(readFileSync(lock.path, "utf8")).since).not.toBe("before the crash");
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
  });

  it.runIf(existsSync("/proc/self/stat"))("takes over a lock whose pid now belongs to a different, younger process", async () => {
    const dir = freshDir();
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"], { stdio: "ignore" });
    try {
      // The lock records the start time of the process that wrote it; the live process with
      // that pid today started at another time, so it is not the owner.
      writeFileSync(join(dir, "everybody-in.lock"), JSON.stringify({ pid: holder.pid, host: hostname(), since: "then", start: "1" }));
      const lock = acquireDirectoryLock(dir);
      expect(JSON.parse(readFileSync(lock.path, "utf8")).pid).toBe(process.pid);
      lock.release();
    } finally {
      holder.kill("SIGKILL");
    }
  });

  it.runIf(existsSync("/proc/self/stat"))("still refuses when the recorded start time matches the live owner", async () => {
    const dir = freshDir();
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"], { stdio: "ignore" });
    try {
      const stat = readFileSync(`/proc/${holder.pid}/stat`, "utf8");
      const start = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
      writeFileSync(join(dir, "everybody-in.lock"), JSON.stringify({ pid: holder.pid, host: hostname(), since: "now", start }));
      expect(() => acquireDirectoryLock(dir)).toThrow(new RegExp(`in use by another Everybody In process \\(pid ${holder.pid}`));
    } finally {
      holder.kill("SIGKILL");
    }
  });
});
