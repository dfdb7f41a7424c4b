import http from "node:http";
import { afterEach, describe, expect, inject, it } from "vitest";
import { cacheTags } from "../../src/db/read-cache.js";
import { datasets } from "../../src/db/schema/index.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";
import { isAlive } from "../setup/global-setup.js";
import { killAll, startApp, within, type AppProcess } from "./app-process.js";

/**
 * WEB_CONCURRENCY on PostgreSQL, as a process: the primary forks workers that share one port,
 * and each worker's in-memory ReadCache follows invalidations published on the database
 * (LISTEN/NOTIFY). Runs in the PostgreSQL pass only; the database is a fresh copy named
 * ei_t<pid>_…, dropped afterwards.
 */
const onPostgres = inject("testDatabase").kind === "postgres";

let testDb: TestDatabase | undefined;
afterEach(async () => {
  await killAll();
  await testDb?.close();
  testDb = undefined;
});

describe.runIf(onPostgres)("several processes on PostgreSQL", () => {
  it("WEB_CONCURRENCY=2 serves from two workers, and an invalidation reaches both caches", { timeout: 120_000 }, async () => {
    testDb = await createTestDatabase("empty");
    const app = startApp({ DATABASE_URL: testDb.url!, WEB_CONCURRENCY: "2", AUTO_IMPORT: "false" });
    const listening = await Promise.all([0, 1].map((n) => app.waitForLog((line) => isListening(line) && workerNumber(app, line) === n, 90_000)));
    const workers = listening.map((line) => line.pid);
    expect(new Set(workers).size).toBe(2);
    expect(workers).not.toContain(app.pid);
    // Workers share the port the first one bound (PORT=0 gives the primary's random port to all).
    const url = listening[0]!.url as string;
    expect(listening[1]!.url).toBe(url);

    const statesRows = async () => {
      const seen = new Map<number, number | null>();
      for (let i = 0; i < 30 && seen.size < 2; i++) {
        const { body, pid } = await getServedBy(app, `${url}/api/v1/datasets`);
        const states = (JSON.parse(body) as { datasets: { key: string; rowCount: number | null }[] }).datasets.find(
          (d) => d.key === "states",
        );
        seen.set(pid, states?.rowCount ?? null);
      }
      return seen;
    };

    // Both workers answer (new connection per request: the primary hands them out in turn),
    // and each caches the dataset list.
    const before = await statesRows();
    expect([...before.keys()].sort()).toEqual([...workers].sort());
    expect([...before.values()]).toEqual([null, null]);

    // A write that nobody announces stays invisible: the lists are really served from memory...
    await testDb.database.db.insert(datasets).values({
      key: "states",
      title: "US states",
      sourceUrl: "https://example.org/states",
      licence: "Public domain",
      version: "test",
      rowCount: 56,
      checksum: "test",
      importedAt: new Date(),
    });
    expect([...(await statesRows()).values()]).toEqual([null, null]);

    // ...until an invalidation is published, the way an importing process does it.
    await testDb.ctx.cache.invalidate(cacheTags.publicData);
    await expect.poll(async () => [...(await statesRows()).values()], { timeout: 10_000 }).toEqual([56, 56]);

    app.kill("SIGTERM");
    const { code } = await within(app.exited, 20_000, "cluster to stop");
    expect(code).toBe(0);
    for (const pid of workers) expect(isAlive(pid)).toBe(false);
  });
});

function isListening(line: { msg: string; url?: unknown }) {
  return typeof line.url === "string" && line.msg.includes("listening");
}

/** 0 for the first worker to report listening, 1 for the second (by distinct pid). */
function workerNumber(app: AppProcess, line: { pid: number }) {
  const pids = [...new Set(app.logs.filter(isListening).map((l) => l.pid))];
  return pids.indexOf(line.pid);
}

/** GET on a fresh connection; the worker that answered is found from the request id in its log line. */
async function getServedBy(app: AppProcess, url: string): Promise<{ body: string; pid: number }> {
  const { body, requestId } = await new Promise<{ body: string; requestId: string }>((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        let text = "";
        res.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ body: text, requestId: String(res.headers["x-request-id"]) }));
      })
      .on("error", reject);
  });
  const line = await app.waitForLog((l) => l.requestId === requestId, 5_000);
  return { body, pid: line.pid };
}
