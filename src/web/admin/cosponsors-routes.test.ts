import { readFileSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cookies, signInAs, type SignedIn } from "../../../tests/support/sign-in.js";
import { createTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { auditEvents, billCosponsors, bills, groups } from "../../db/schema/index.js";

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "../../domain/congress/fixtures", name), "utf8");

let t: TestApp;
let admin: SignedIn;
let organizer: SignedIn;
let csrf: { cookie: string; token: string };

beforeAll(async () => {
  t = await createTestApp({ template: "loaded" });
  admin = await signInAs(t.ctx, { admin: true });
  const [group] = await t.ctx.db.select().from(groups).where(eq(groups.status, "active")).limit(1);
  organizer = await signInAs(t.ctx, { organizerOf: [group!.id] });
  csrf = await t.csrf("/updates");
});
afterAll(() => t.close());

const get = (path: string, who?: SignedIn) => t.get(path, who);
/** The upload form as a browser sends it: multipart, with the file (if any) as a file part. */
function upload(fields: Record<string, string>, file?: { name: string; text: string }, who: SignedIn | null = admin) {
  const body = new FormData();
  body.set("_csrf", csrf.token);
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  body.set("file", file ? new File([file.text], file.name, { type: "application/xml" }) : new File([], "", { type: "application/octet-stream" }));
  return t.app.request("/admin/cosponsors/upload", { method: "POST", headers: { cookie: cookies(who?.cookie ?? "", csrf.cookie) }, body });
}
const snapshot = async () => ({
  bill: (await t.ctx.db.select().from(bills).where(eq(bills.id, "119-hr3069")))[0],
  roll: (await t.ctx.db.select().from(billCosponsors).where(eq(billCosponsors.billId, "119-hr3069"))).length,
});

describe("/admin/cosponsors", () => {
  it("is for national staff only", async () => {
    const anonymous = await get("/admin/cosponsors");
    expect(anonymous.status).toBe(303);
    expect((await get("/admin/cosponsors", organizer)).status).toBe(403);
    const before = await snapshot();
    expect((await upload({ billId: "119-hr3069" }, { name: "roll.xml", text: fixture("billstatus-hr3069.xml") }, organizer)).status).toBe(403);
    expect((await upload({ billId: "119-hr3069" }, { name: "roll.xml", text: fixture("billstatus-hr3069.xml") }, null)).status).toBe(303);
    expect(await snapshot()).toEqual(before);
  });

  it("lists every bill with its count, date and completeness, linking to its public list", async () => {
    const html = await (await get("/admin/cosponsors", admin)).text();
    expect(html).toContain('<a href="/cosponsors/hr3069-119">H.R.3069</a>');
    expect(html).toContain('<a href="/cosponsors/s1506-119">S.1506</a>');
    expect(html).toContain("September 15, 2026");
    expect(html).toContain('enctype="multipart/form-data"');
  });

  it("refuses a malformed file with the parser's message, 400, and changes nothing", async () => {
    const before = await snapshot();
    const res = await upload({ billId: "119-hr3069", asOf: "" }, { name: "BILLSTATUS-119hr3069.xml", text: fixture("billstatus-truncated.xml") });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("The file was not imported");
    expect(html).toContain("BILLSTATUS-119hr3069.xml");
    expect(html).toContain("Nothing was changed.");
    expect(html).toContain('<option value="119-hr3069" selected="">');

    const pasted = await upload({ billId: "119-hr3069", text: "not a roll" });
    expect(pasted.status).toBe(400);
    expect(await pasted.text()).toContain("neither XML nor JSON");
    const nothing = await upload({ billId: "" });
    expect(nothing.status).toBe(400);
    const nothingHtml = await nothing.text();
    expect(nothingHtml).toContain("Choose a bill from the list.");
    expect(nothingHtml).toContain("Choose a file or paste its text.");
    expect(await snapshot()).toEqual(before);
    expect(await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, "cosponsors.import"))).toEqual([]);
  });

  it("imports an official file larger than ordinary forms may be, and lists who joined, withdrew or was dropped", async () => {
    // Real BILLSTATUS files are 100–400 KiB; the app's usual limit is 64 KiB.
    const big = `${fixture("billstatus-hr3069.xml")}${" ".repeat(200 * 1024)}\n`;
    const res = await upload({ billId: "119-hr3069" }, { name: "BILLSTATUS-119hr3069.xml", text: big });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Imported: H.R.3069");
    expect(html).toMatch(/current cosponsors as of November 20, 2026\./);
    expect(html).toContain("Before: 115 as of September 15, 2026.");
    expect(html).toMatch(/Added \(\d+\)|Withdrew \(\d+\)|No longer listed \(\d+\)/);
    expect((await snapshot()).bill).toMatchObject({ cosponsorsAsOf: "2026-11-20", rollComplete: true });
    const [event] = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, "cosponsors.import"));
    expect(event).toMatchObject({ actorId: admin.personId, subject: "bill:119-hr3069" });
    const list = await (await get("/admin/cosponsors", admin)).text();
    expect(list).toContain("November 20, 2026");

    // An older file is refused until the box is ticked.
    const older = await upload({ billId: "119-hr3069", text: fixture("congress-gov-cosponsors-hr3069.json"), asOf: "2026-11-10" });
    expect(older.status).toBe(400);
    expect(await older.text()).toContain("Tick this box to import it anyway.");
  });

  it("keeps the 64 KiB limit everywhere else and 5 MiB on the upload", async () => {
    const form = (size: number) => new URLSearchParams({ _csrf: csrf.token, text: "x".repeat(size) }).toString();
    const headers = { cookie: cookies(admin.cookie, csrf.cookie), "content-type": "application/x-www-form-urlencoded" };
    expect((await t.app.request("/admin/campaigns/new", { method: "POST", headers, body: form(100 * 1024) })).status).toBe(413);
    expect((await t.app.request("/admin/cosponsors/upload", { method: "POST", headers, body: form(6 * 1024 * 1024) })).status).toBe(413);
  });
});
