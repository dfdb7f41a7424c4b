import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueEmail } from "../../tests/support/factories.js";
import { cookies, signInAs } from "../../tests/support/sign-in.js";
import { createTestApp, type TestApp } from "../../tests/support/test-app.js";
import { emailTokens, groups, mailMessages, sessions } from "../db/schema/index.js";
import { createAdmin } from "../domain/accounts/create-admin.js";
import { setPassword } from "../domain/accounts/sign-in.js";

let t: TestApp;
let groupId: number;
beforeAll(async () => {
  t = await createTestApp({ template: "loaded" });
  const [group] = await t.ctx.db.select({ id: groups.id }).from(groups).limit(1);
  groupId = group!.id;
});
afterAll(async () => {
  await t.close();
});

async function post(path: string, fields: Record<string, string>, extraCookie = "", headers: Record<string, string> = {}) {
  const { cookie, token } = await t.csrf("/updates");
  return t.app.request(path, {
    method: "POST",
    headers: { cookie: cookies(cookie, extraCookie), "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams({ _csrf: token, ...fields }).toString(),
  });
}

const sessionCookie = (res: Response) => res.headers.getSetCookie().find((c) => c.startsWith("ei_session="));

/** The sign-in link in the newest message queued to `email`. */
async function mailedToken(email: string): Promise<string | undefined> {
  const rows = await t.ctx.db.select({ text: mailMessages.textBody, to: mailMessages.toAddress }).from(mailMessages).where(eq(mailMessages.toAddress, email));
  const text = rows.at(-1)?.text ?? "";
  return /\/sign-in\/([A-Za-z0-9_-]{20,})/.exec(text)?.[1];
}

describe("sign-in by e-mailed link", () => {
  it("mails staff a link whose page asks for a click, then signs them in with a secure cookie", async () => {
    const email = uniqueEmail("staff");
    const { personId } = await createAdmin({ ctx: t.ctx, input: { email, name: "Ella Baker" } });
    const res = await post("/sign-in?next=%2Fadmin", { email });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Check your e-mail");
    const token = await mailedToken(email);
    expect(token).toBeDefined();

    // A mail scanner fetching the link must not use it up.
    const page = await t.app.request(`/sign-in/${token}?next=%2Fadmin`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Finish signing in");
    const [unused] = await t.ctx.db.select().from(emailTokens).where(eq(emailTokens.personId, personId));
    expect(unused?.usedAt).toBeNull();

    const signedIn = await post(`/sign-in/${token}?next=%2Fadmin`, {});
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get("location")).toBe("/admin");
    expect(sessionCookie(signedIn)).toMatch(/HttpOnly/i);
    expect(sessionCookie(signedIn)).toMatch(/SameSite=Lax/i);

    const again = await post(`/sign-in/${token}`, {});
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("This link no longer works");
  });

  it("answers the same for an unknown address, a supporter and staff (no enumeration)", async () => {
    const staff = uniqueEmail("staff");
    await createAdmin({ ctx: t.ctx, input: { email: staff } });
    const bodies: string[] = [];
    for (const email of [staff, uniqueEmail("nobody")]) {
      const res = await post("/sign-in", { email });
      expect(res.status).toBe(200);
      bodies.push((await res.text()).replace(email, "EMAIL").replace(/name="_csrf" value="[^"]+"/g, ""));
    }
    expect(bodies[0]).toBe(bodies[1]);
  });

  it("re-renders a malformed address with the value and a field error (400)", async () => {
    const res = await post("/sign-in", { email: "not an address" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('value="not an address"');
    expect(html).toContain("error-summary");
  });

  it("limits how many links one address can be sent", async () => {
    const email = uniqueEmail("staff");
    await createAdmin({ ctx: t.ctx, input: { email } });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await post("/sign-in", { email })).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.at(-1)).toBe(429);
  });

  it("never redirects off-site after sign-in", async () => {
    const email = uniqueEmail("staff");
    await createAdmin({ ctx: t.ctx, input: { email } });
    await post("/sign-in", { email });
    const res = await post(`/sign-in/${await mailedToken(email)}?next=${encodeURIComponent("//evil.example/x")}`, {});
    expect(res.headers.get("location")).toBe("/account");
  });
});

describe("sign-in by password", () => {
  it("signs in with the right password, refuses a wrong one with the same words as an unknown address, and locks out after a few tries", async () => {
    const signedIn = await signInAs(t.ctx, { organizerOf: [groupId] });
    await setPassword({ ctx: t.ctx, input: { personId: signedIn.personId, password: "a long enough passphrase" } });
    const ok = await post("/sign-in/password", { account: signedIn.email, password: "a long enough passphrase" });
    expect(ok.status).toBe(303);
    expect(sessionCookie(ok)).toBeDefined();

    const wrong = await post("/sign-in/password", { account: signedIn.email, password: "not the passphrase" });
    const unknown = await post("/sign-in/password", { account: uniqueEmail("ghost"), password: "not the passphrase" });
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    const message = "That e-mail address and password do not match.";
    expect(await wrong.text()).toContain(message);
    expect(await unknown.text()).toContain(message);

    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await post("/sign-in/password", { account: signedIn.email, password: "guess" })).status);
    expect(statuses).toContain(429);
    const locked = await post("/sign-in/password", { account: signedIn.email, password: "a long enough passphrase" });
    expect(locked.status).toBe(429);
  });
});

describe("the account page", () => {
  it("sends anonymous visitors to sign in and back", async () => {
    const res = await t.app.request("/account");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/sign-in?next=%2Faccount");
  });

  it("shows roles, sets a password (ending other sessions), and signs out everywhere", async () => {
    const signedIn = await signInAs(t.ctx, { organizerOf: [groupId], name: "Fannie Lou Hamer" });
    const page = await t.app.request("/account", { headers: { cookie: signedIn.cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("private, no-store");
    const html = await page.text();
    expect(html).toContain("Signed in as Fannie Lou Hamer");
    expect(html).toContain("You organize 1 group.");

    const short = await post("/account/password", { password: "short" }, signedIn.cookie);
    expect(short.status).toBe(400);
    expect(await short.text()).toContain("use at least 12 characters");

    const saved = await post("/account/password", { password: "twelve chars or more" }, signedIn.cookie);
    expect(saved.status).toBe(200);
    const fresh = sessionCookie(saved)!.split(";")[0]!;
    expect((await t.app.request("/account", { headers: { cookie: signedIn.cookie } })).status).toBe(303); // the old session ended
    expect((await t.app.request("/account", { headers: { cookie: fresh } })).status).toBe(200);

    const out = await post("/account/sign-out-everywhere", {}, fresh);
    expect(out.status).toBe(200);
    expect(await t.ctx.db.select().from(sessions).where(eq(sessions.personId, signedIn.personId))).toHaveLength(0);
  });

  it("sign-out ends this session", async () => {
    const signedIn = await signInAs(t.ctx, { admin: true });
    const res = await post("/sign-out", {}, signedIn.cookie);
    expect(res.status).toBe(200);
    expect(sessionCookie(res)).toMatch(/Max-Age=0/);
    expect((await t.app.request("/account", { headers: { cookie: signedIn.cookie } })).status).toBe(303);
  });
});

describe("the signed-in areas", () => {
  it("send anonymous visitors to sign in, refuse organizers /admin (403), and let staff in", async () => {
    expect((await t.app.request("/admin")).status).toBe(303);
    expect((await t.app.request("/organize")).status).toBe(303);
    const organizer = await signInAs(t.ctx, { organizerOf: [groupId] });
    expect((await t.app.request("/admin", { headers: { cookie: organizer.cookie } })).status).toBe(403);
    const refused = await t.app.request("/admin/anything/at/all", { headers: { cookie: organizer.cookie } });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("Your account does not have access to this page.");
    const supporterCookie = "ei_session=forged-or-stale";
    expect((await t.app.request("/admin", { headers: { cookie: supporterCookie } })).status).toBe(303);
  });
});
