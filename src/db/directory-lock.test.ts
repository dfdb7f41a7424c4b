import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { acquireDirectoryLock, DirectoryLockedError } from "./directory-lock.js";

const freshDir = () => mkdtempSync(join(tmpdir(), "ei-lock-"));

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
});
