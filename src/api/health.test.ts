import { describe, expect, it } from "vitest";
import { createTestApp } from "../../tests/support/test-app.js";

describe("GET /healthz", () => {
  it("answers 503 when the database is unreachable", async () => {
    const t = await createTestApp({ template: "empty" });
    await t.database.close();
    const res = await t.app.request("/healthz");
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "error", database: { status: "unreachable", kind: t.database.kind } });
    await t.close();
  });
});
