import { createHmac } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import { join } from "node:path";
import { afterEach, describe, expect, inject, it } from "vitest";
import { killAll, removeScratch, scratchDir, startApp, within } from "./app-process.js";

/**
 * The server as a process: what `npm start` does with a locked database directory and with
 * the signals a process manager sends. PGlite only (the directory lock is PGlite's); the
 * PostgreSQL pass covers the cluster in cluster.test.ts.
 */
const onPglite = inject("testDatabase").kind === "pglite";
// No public data: these tests are about the process, and an import would only slow them down.
const quiet = { AUTO_IMPORT: "false" };

let dir: string | undefined;
afterEach(async () => {
  await killAll();
  removeScratch(dir);
  dir = undefined;
});

describe.runIf(onPglite)("one process per embedded database", () => {
  it("refuses a second start on the same DB_DIR with a clear message, while the first keeps serving", { timeout: 90_000 }, async () => {
    dir = scratchDir();
    const dbDir = join(dir, "db");
    const first = startApp({ ...quiet, DB_DIR: dbDir });
    const url = await first.listening;

    const second = startApp({ ...quiet, DB_DIR: dbDir });
    const { code } = await within(second.exited, 30_000, "second start to give up");
    expect(code).not.toBe(0);
    expect(code).toBe(75); // EX_TEMPFAIL: try again once the other process has stopped
    expect(second.stderr()).toContain(`in use by another Everybody In process (pid ${first.pid}`);
    expect(second.stderr()).toContain("set DB_DIR");
    expect(second.logs.some((line) => line.msg.includes("listening"))).toBe(false);

    // The refused start touched nothing: the first still answers and still owns the lock.
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(JSON.parse(readFileSync(join(dbDir, "everybody-in.lock"), "utf8")).pid).toBe(first.pid);

    first.kill("SIGTERM");
    expect((await within(first.exited, 20_000, "first to stop")).code).toBe(0);
  });
});

describe.runIf(onPglite)("graceful shutdown", () => {
  it.each(["SIGTERM", "SIGINT"] as const)(
    "%s: stops taking connections, finishes the request in flight, removes the lock and exits 0",
    { timeout: 90_000 },
    async (signal) => {
      dir = scratchDir();
      const dbDir = join(dir, "db");
      const app = startApp({ ...quiet, DB_DIR: dbDir });
      const url = await app.listening;
      expect(existsSync(join(dbDir, "everybody-in.lock"))).toBe(true);

      // A request the server has started handling but cannot finish until we send the rest
      // of its body: a form POST whose CSRF check waits for the `_csrf` field.
      const { cookie, token } = await csrfFor(url);
      const inFlight = slowFormPost(`${url}/in-flight-test`, cookie, `_csrf=${encodeURIComponent(token)}&name=x`);
      await inFlight.headersSent;
      // Give the server a moment to read the headers and enter the handler.
      await new Promise((r) => setTimeout(r, 300));

      const signalledAt = Date.now();
      app.kill(signal);
      await app.waitForLog((line) => line.msg.includes("shutting down"), 10_000);
      // Closed for new connections...
      await expect(fetch(`${url}/healthz`)).rejects.toThrow();
      // ...but the request in flight still gets its whole answer.
      inFlight.finish();
      const response = await within(inFlight.response, 10_000, "in-flight response");
      expect(response.status).toBe(404); // no such route: what matters is a complete answer
      expect(response.body).toContain("</html>");

      const { code, signal: killedBy } = await within(app.exited, 15_000, "exit after signal");
      expect({ code, killedBy }).toEqual({ code: 0, killedBy: null });
      // Idle keep-alive connections must not hold the process for the 10 s grace period
      // (the margin is for a machine busy with other work).
      expect(Date.now() - signalledAt).toBeLessThan(9_000);
      expect(app.logs.some((line) => line.msg === "stopped cleanly")).toBe(true);
      expect(existsSync(join(dbDir, "everybody-in.lock"))).toBe(false);
    },
  );
});

/**
 * A CSRF cookie and its form token. The token is computed the way the middleware does, from
 * the development secret (these processes run with NODE_ENV=test and no SECRET_KEY), so the
 * test does not depend on some page carrying a form.
 */
async function csrfFor(url: string) {
  const res = await fetch(`${url}/`);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const seed = cookie.split("=")[1] ?? "";
  const token = createHmac("sha256", "development-secret-key-not-for-production-use").update(`csrf:${seed}`).digest("base64url");
  return { cookie, token };
}

/**
 * A urlencoded POST sent in two parts over a keep-alive connection: the headers and half the
 * body now, the rest when `finish()` is called.
 */
function slowFormPost(url: string, cookie: string, body: string) {
  const agent = new http.Agent({ keepAlive: true });
  const half = Math.floor(body.length / 2);
  const request = http.request(url, {
    method: "POST",
    agent,
    headers: {
      cookie,
      "content-type": "application/x-www-form-urlencoded",
      "content-length": String(Buffer.byteLength(body)),
    },
  });
  const response = new Promise<{ status: number; body: string }>((resolveResponse, reject) => {
    request.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
      res.on("end", () => {
        agent.destroy();
        resolveResponse({ status: res.statusCode ?? 0, body: text });
      });
      res.on("error", reject);
    });
    request.on("error", reject);
  });
  response.catch(() => {});
  request.flushHeaders();
  const headersSent = new Promise<void>((resolveSent) => request.write(body.slice(0, half), () => resolveSent()));
  return { headersSent, response, finish: () => request.end(body.slice(half)) };
}
