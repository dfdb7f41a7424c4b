import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../tests/support/test-app.js";
import { MAX_BODY_BYTES } from "./app.js";
import { invalid } from "./domain/errors.js";
import { CSRF_FIELD } from "./http/csrf.js";
import { rateLimit } from "./http/rate-limit.js";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ template: "empty" });
  // Routes that exist only in this test, to exercise the shared machinery.
  t.app.get("/test/boom", () => {
    throw new Error("kaput");
  });
  t.app.get("/test/invalid", () => {
    throw invalid("ZIP code must be five digits.", { zip: "invalid_zip" });
  });
  t.app.get("/api/test/boom", () => {
    throw new Error("kaput");
  });
  t.app.get("/test/form", (c) => c.html(`<form method="post"><input name="${CSRF_FIELD}" value="${c.var.csrfToken}"></form>`));
  t.app.post("/test/form", async (c) => c.text(`ok ${(await c.req.parseBody()).name}`));
  t.app.post("/test/limited", rateLimit({ bucket: "test", limit: 2, windowSeconds: 60 }), (c) => c.text("ok"));
});
afterAll(async () => {
  await t.close();
});

describe("every page", () => {
  it("is a full HTML document with strict security headers and a request id", async () => {
    const res = await t.app.request("/");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.startsWith("<!DOCTYPE html><html lang=\"en\">")).toBe(true);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("contains no inline script or style attribute (the CSP would block them)", async () => {
    for (const path of ["/", "/about/data", "/no-such-page"]) {
      const html = await (await t.app.request(path)).text();
      expect(html, path).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      expect(html, path).not.toMatch(/\sstyle="/);
      expect(html, path).not.toMatch(/\son[a-z]+="/);
    }
  });

  it("is compressed for clients that accept gzip", async () => {
    const res = await t.app.request("/about/data", { headers: { "accept-encoding": "gzip" } });
    expect(res.headers.get("content-encoding")).toBe("gzip");
  });
});

describe("language", () => {
  it("follows Accept-Language, and says which language it chose", async () => {
    const res = await t.app.request("/", { headers: { "accept-language": "es-MX,es;q=0.9" } });
    expect(res.headers.get("content-language")).toBe("es");
    const html = await res.text();
    expect(html).toContain('<html lang="es">');
    expect(html).toContain("Medicare para Todos nos necesita a todos.");
  });

  it("lets ?lang= override the browser and keeps it on internal links", async () => {
    const html = await (await t.app.request("/?lang=es", { headers: { "accept-language": "en" } })).text();
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('href="/about/data?lang=es"');
    expect(html).toContain('href="/?lang=en"');
  });
});

describe("static assets", () => {
  it("serves fingerprinted files with a one-year immutable cache", async () => {
    const html = await (await t.app.request("/")).text();
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1];
    expect(href).toMatch(/^\/static\/app\.[0-9a-f]{10}\.css$/);
    const res = await t.app.request(href!);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/css");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  it("answers 404 for an outdated fingerprint", async () => {
    expect((await t.app.request("/static/app.0000000000.css")).status).toBe(404);
  });
});

describe("errors", () => {
  it("shows a 404 page for unknown paths and JSON under /api", async () => {
    const page = await t.app.request("/no-such-page");
    expect(page.status).toBe(404);
    expect(await page.text()).toContain("We could not find that page");
    const api = await t.app.request("/api/v1/nothing");
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ code: "not_found" });
  });

  it("shows a 500 page quoting the request id, without leaking the error", async () => {
    const res = await t.app.request("/test/boom");
    expect(res.status).toBe(500);
    const html = await res.text();
    expect(html).toContain(res.headers.get("x-request-id")!);
    expect(html).not.toContain("kaput");
    const api = await t.app.request("/api/test/boom");
    expect(api.status).toBe(500);
    const body = (await api.json()) as { code: string; message: string; requestId: string };
    expect(body.code).toBe("internal");
    expect(body.message).not.toContain("kaput");
    expect(body.requestId).toBe(api.headers.get("x-request-id"));
  });

  it("maps domain errors to their status", async () => {
    const res = await t.app.request("/test/invalid");
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("ZIP code must be five digits.");
  });
});

describe("CSRF protection", () => {
  it("accepts a form carrying the token that matches its cookie", async () => {
    const { cookie, token } = await t.csrf("/test/form");
    expect(token).not.toBe("");
    const res = await t.app.request("/test/form", {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ [CSRF_FIELD]: token, name: "Ada" }).toString(),
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("ok Ada");
  });

  it("refuses a form without a token, with a wrong token, or from another site", async () => {
    const { cookie, token } = await t.csrf("/test/form");
    const post = (body: Record<string, string>, headers: Record<string, string> = {}) =>
      t.app.request("/test/form", {
        method: "POST",
        headers: { cookie, "content-type": "application/x-www-form-urlencoded", ...headers },
        body: new URLSearchParams(body).toString(),
      });
    const missing = await post({ name: "x" });
    expect(missing.status).toBe(403);
    expect(await missing.text()).toContain("This form has expired");
    expect((await post({ [CSRF_FIELD]: `${token}x` })).status).toBe(403);
    expect((await post({ [CSRF_FIELD]: token }, { origin: "https://evil.example" })).status).toBe(403);
  });

  it("refuses a token copied from another browser's cookie", async () => {
    const mine = await t.csrf("/test/form");
    const theirs = await t.csrf("/test/form");
    const res = await t.app.request("/test/form", {
      method: "POST",
      headers: { cookie: mine.cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ [CSRF_FIELD]: theirs.token }).toString(),
    });
    expect(res.status).toBe(403);
  });
});

describe("request limits", () => {
  it("refuses bodies over the limit with 413", async () => {
    const { cookie, token } = await t.csrf("/test/form");
    const res = await t.app.request("/test/form", {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded", "x-csrf-token": token },
      body: `name=${"a".repeat(MAX_BODY_BYTES + 1)}`,
    });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain("Too much data");
  });

  it("rate-limits public writes in the database, with Retry-After", async () => {
    const { cookie, token } = await t.csrf("/test/form");
    const post = () =>
      t.app.request("/test/limited", { method: "POST", headers: { cookie, "x-csrf-token": token } });
    expect((await post()).status).toBe(200);
    expect((await post()).status).toBe(200);
    const limited = await post();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited.text()).toContain("Too many tries");
  });
});

describe("GET /healthz", () => {
  it("reports the database", async () => {
    const res = await t.app.request("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: { status: "ok", kind: t.database.kind } });
    expect(res.headers.get("cache-control")).toBe("no-store");
  });
});
