import pino from "pino";
import { createApp } from "../../src/app.js";
import { parseConfig, type Config } from "../../src/config.js";
import type { AppDeps } from "../../src/http/types.js";
import { mailSettings } from "../../src/boot.js";
import { fakeJobQueue, type FakeJobQueue } from "../../src/jobs/fake-queue.js";
import { fakeGeocoder, type FakeGeocoder } from "../../src/integrations/geocoder/fake-geocoder.js";
import { loadAssets } from "../../src/web/assets.js";
import { createTestDatabase, type Template, type TestDatabase } from "./test-database.js";

export interface TestApp extends Omit<TestDatabase, "ctx"> {
  ctx: AppDeps["ctx"];
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  /** Jobs the app queued (mail to send); nothing runs them unless the test does. */
  jobs: FakeJobQueue;
  /** Answers address searches; add addresses or make it unreachable per test. */
  geocoder: FakeGeocoder;
  /** GET a page and return the CSRF cookie and form token it handed out, for a following POST. */
  csrf(path?: string): Promise<{ cookie: string; token: string }>;
  /** GET as someone (a session from signInAs) or as nobody. */
  get(path: string, who?: { cookie: string } | null): Promise<Response>;
  /** POST a form with a fresh CSRF token, as someone or as nobody; a repeated field as an array. */
  postForm(path: string, fields: Record<string, string | string[]>, who?: { cookie: string } | null): Promise<Response>;
}

/** The real app over a fresh test database, driven in-process with `app.request()`. */
export async function createTestApp(
  options: { template?: Template; env?: Record<string, string>; config?: Partial<Config> } = {},
): Promise<TestApp> {
  const testDb = await createTestDatabase(options.template ?? "loaded");
  const config = { ...parseConfig({ NODE_ENV: "test", ...options.env }), ...options.config };
  const jobs = fakeJobQueue();
  const geocoder = fakeGeocoder();
  const deps: AppDeps = {
    config,
    database: testDb.database,
    ctx: { ...testDb.ctx, jobs, mail: mailSettings(config) },
    logger: pino({ level: "silent" }),
    assets: loadAssets(),
    geocoder,
  };
  const app = createApp(deps);
  async function csrf(path = "/") {
    const res = await app.request(path);
    const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const html = await res.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";
    return { cookie, token };
  }
  return {
    ...testDb,
    // The app's own context (with the job queue), so a test's writes go through the same path.
    ctx: deps.ctx,
    app,
    deps,
    jobs,
    geocoder,
    csrf,
    async get(path, who) {
      return app.request(path, { headers: who ? { cookie: who.cookie } : {} });
    },
    async postForm(path, fields, who) {
      const { cookie, token } = await csrf("/updates");
      const body = new URLSearchParams({ _csrf: token });
      for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
      return app.request(path, {
        method: "POST",
        headers: { cookie: [who?.cookie, cookie].filter(Boolean).join("; "), "content-type": "application/x-www-form-urlencoded" },
        body: body.toString(),
      });
    },
  };
}
