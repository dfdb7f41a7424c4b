import { gunzipSync } from "node:zlib";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { compress } from "./compress.js";

const big = "<p>Medicare for All</p>".repeat(200);
const app = new Hono()
  .use(compress)
  .get("/page", (c) => c.html(big))
  .get("/small", (c) => c.html("<p>hi</p>"))
  .get("/png", (c) => c.body(new Uint8Array(5000), 200, { "Content-Type": "image/png" }))
  .get("/no-transform", (c) => c.html(big, 200, { "Cache-Control": "no-transform" }))
  .get("/already", (c) => c.body(new Uint8Array([1, 2, 3]), 200, { "Content-Type": "text/html", "Content-Encoding": "gzip" }))
  .get("/cookie", (c) => {
    c.header("Set-Cookie", "a=1");
    c.header("Set-Cookie", "b=2", { append: true });
    return c.html(big, 400);
  });

const get = (path: string, encoding = "gzip, deflate, br") => app.request(path, { headers: { "accept-encoding": encoding } });

describe("compress", () => {
  it("gzips a page for clients that accept it, with the right length, and the body survives", async () => {
    const res = await get("/page");
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(res.headers.get("vary")).toMatch(/accept-encoding/i);
    const body = new Uint8Array(await res.arrayBuffer());
    expect(Number(res.headers.get("content-length"))).toBe(body.byteLength);
    expect(gunzipSync(body).toString()).toBe(big);
  });

  it("keeps the status and every Set-Cookie header", async () => {
    const res = await get("/cookie");
    expect(res.status).toBe(400);
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(res.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
  });

  it("leaves alone what should not be compressed", async () => {
    expect((await get("/page", "identity")).headers.get("content-encoding")).toBeNull();
    expect((await get("/page", "gzip;q=0")).headers.get("content-encoding")).toBeNull();
    expect((await get("/small")).headers.get("content-encoding")).toBeNull();
    expect((await get("/png")).headers.get("content-encoding")).toBeNull();
    expect((await get("/no-transform")).headers.get("content-encoding")).toBeNull();
    const already = await get("/already");
    expect(new Uint8Array(await already.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    expect(await (await get("/page", "identity")).text()).toBe(big);
  });
});
