import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database.js";
import { openDatabase } from "./client.js";
import { ReadCache } from "./read-cache.js";

describe("ReadCache", () => {
  it("loads once and serves later reads from memory", async () => {
    const cache = ReadCache.local();
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get("a:b", load)).toBe(1);
    expect(await cache.get("a:b", load)).toBe(1);
    expect(loads).toBe(1);
  });

  it("reloads a value older than maxAgeMs, and keeps it while younger", async () => {
    vi.useFakeTimers({ now: new Date("2026-11-28T12:00:00Z") });
    try {
      const cache = ReadCache.local();
      let loads = 0;
      const load = async () => ++loads;
      expect(await cache.get("counts", load, { maxAgeMs: 60_000 })).toBe(1);
      vi.advanceTimersByTime(59_000);
      expect(await cache.get("counts", load, { maxAgeMs: 60_000 })).toBe(1);
      vi.advanceTimersByTime(2_000);
      expect(await cache.get("counts", load, { maxAgeMs: 60_000 })).toBe(2);
      expect(await cache.get("counts", load)).toBe(2); // without maxAgeMs, any age will do
    } finally {
      vi.useRealTimers();
    }
  });

  it("drops every entry carrying an invalidated tag, and only those", async () => {
    const cache = ReadCache.local();
    let n = 0;
    const load = async () => ++n;
    await cache.get("public-data:stats", load);
    await cache.get("groups:list", load);
    await cache.invalidate("public-data");
    expect(await cache.get("public-data:stats", load)).toBe(3);
    expect(await cache.get("groups:list", load)).toBe(2);
  });

  it("does not keep a value whose load was overtaken by an invalidation", async () => {
    const cache = ReadCache.local();
    let release!: (v: string) => void;
    const slow = cache.get("k", () => new Promise<string>((r) => (release = r)));
    await cache.invalidate("k");
    release("stale");
    expect(await slow).toBe("stale");
    expect(await cache.get("k", async () => "fresh")).toBe("fresh");
  });

  it("leaves loads of other keys alone when something else is invalidated", async () => {
    const cache = ReadCache.local();
    let release!: (v: string) => void;
    const slow = cache.get("groups:list", () => new Promise<string>((r) => (release = r)));
    await cache.invalidate("public-data");
    release("kept");
    expect(await slow).toBe("kept");
    expect(await cache.get("groups:list", async () => "reloaded")).toBe("kept");
  });

  it("forgets a failed load so the next read tries again", async () => {
    const cache = ReadCache.local();
    await expect(cache.get("k", () => Promise.reject(new Error("db down")))).rejects.toThrow("db down");
    expect(await cache.get("k", async () => "ok")).toBe("ok");
  });
});

describe("ReadCache across processes (LISTEN/NOTIFY)", () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase("empty");
  });
  afterAll(async () => {
    await testDb.close();
  });

  it("an invalidation published on the database reaches every listening cache", async () => {
    // Two caches on one database stand in for two app processes. On PostgreSQL the second
    // uses a connection of its own, exactly as another process would.
    const other = testDb.url ? await openDatabase({ kind: "postgres", url: testDb.url, poolSize: 1 }) : testDb.database;
    const first = await ReadCache.connect(testDb.database);
    const second = await ReadCache.connect(other);
    try {
      let version = 1;
      const load = async () => version;
      expect(await second.get("groups:count", load)).toBe(1);
      version = 2;
      expect(await second.get("groups:count", load)).toBe(1);
      await first.invalidate("groups");
      await expect.poll(() => second.get("groups:count", load), { timeout: 5000 }).toBe(2);
    } finally {
      await first.close();
      await second.close();
      if (other !== testDb.database) await other.close();
    }
  });
});
