import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSubscriber, uniqueEmail } from "../../tests/support/factories.js";
import { createTestApp, type TestApp } from "../../tests/support/test-app.js";
import { mailMessages, people, subscriptions } from "../db/schema/index.js";
import { manageToken } from "../domain/updates/links.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ template: "loaded" });
});
afterAll(async () => {
  await t.close();
});

async function postForm(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const { cookie, token } = await t.csrf("/updates");
  return t.app.request(path, {
    method: "POST",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams({ _csrf: token, ...fields }).toString(),
  });
}

const confirmLinkFor = async (email: string) => {
  const [message] = await t.ctx.db.select().from(mailMessages).where(eq(mailMessages.toAddress, email));
  return /https?:\/\/\S+\/updates\/confirm\/\S+/.exec(message?.textBody ?? "")?.[0];
};

describe("GET /updates", () => {
  it("shows the sign-up form, saying which list people join", async () => {
    const res = await t.app.request("/updates");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("You are joining the Everybody In updates list");
    expect(html).toMatch(/<input type="hidden" name="_csrf" value="[^"]+"/);
    expect(html).toContain('name="website"');
    expect(html).toContain('value="national" checked=""');
  });
});

describe("POST /updates", () => {
  it("signs up, queues the confirmation and redirects to 'check your inbox'", async () => {
    const email = uniqueEmail("signup");
    const res = await postForm("/updates", { name: "Ada Lovelace", email, zip: "55401", scope: "national" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/updates/check-email");
    expect(await confirmLinkFor(email)).toMatch(/^http:\/\/localhost:3000\/updates\/confirm\//);
    expect(t.jobs.sent.length).toBeGreaterThan(0);
  });

  it("re-renders the form with the person's values and an error per field (400)", async () => {
    const res = await postForm("/updates", { name: "Ada <b>", email: "ada@example", zip: "12", scope: "state" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Please fix these problems:");
    expect(html).toContain('<a href="#field-email">E-mail: Enter an e-mail address like name@example.com.</a>');
    expect(html).toContain('<a href="#field-zip">ZIP code: Enter a 5-digit ZIP code, like 55401.</a>');
    expect(html).toContain('value="Ada &lt;b&gt;"');
    expect(html).toContain('value="ada@example"');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('value="state" checked=""');
  });

  it("shows errors in Spanish for a Spanish page", async () => {
    const res = await postForm("/updates?lang=es", { name: "", email: "x", zip: "", scope: "national" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Rellena este campo.");
  });

  it("drops a submission with the honeypot filled, answering as if it worked", async () => {
    const email = uniqueEmail("bot");
    const res = await postForm("/updates", { name: "Bot", email, zip: "55401", scope: "national", website: "http://spam.example" });
    expect(res.status).toBe(303);
    expect(await t.ctx.db.select().from(people).where(eq(people.emailKey, email))).toHaveLength(0);
  });

  it("refuses a submission without the CSRF token", async () => {
    const res = await t.app.request("/updates", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ name: "x", email: uniqueEmail(), zip: "55401", scope: "national" }).toString(),
    });
    expect(res.status).toBe(403);
  });
});

describe("confirmation link", () => {
  it("confirms once, then says it was already used; a broken link is a 404 page", async () => {
    const email = uniqueEmail("confirm");
    await postForm("/updates", { name: "Grace", email, zip: "55401", scope: "national" });
    const path = new URL((await confirmLinkFor(email))!).pathname;
    const first = await t.app.request(path);
    expect(first.status).toBe(200);
    const html = await first.text();
    expect(html).toContain("You&#39;re in. Thank you!");
    expect(html).toMatch(/href="\/preferences\/\d+\.1\.[A-Za-z0-9_-]{32}"/);
    expect(first.headers.get("cache-control")).toBe("no-store");
    // The confirmed person gets their own share link, remembered on this device.
    const code = /ei_me=([a-z2-9]{8})/.exec(first.headers.getSetCookie().join(";"))?.[1];
    expect(code).toBeDefined();
    expect(html).toContain(`http://localhost:3000/?ref=${code}`);
    expect(html).toContain("Bring a friend");
    const again = await t.app.request(path);
    expect(await again.text()).toContain("already used");
    const broken = await t.app.request("/updates/confirm/not-a-real-token-at-all-123");
    expect(broken.status).toBe(404);
    expect(await broken.text()).toContain("Sign up again");
  });
});

describe("unsubscribe", () => {
  it("GET shows one button and changes nothing", async () => {
    const person = await buildSubscriber(t.ctx);
    const token = manageToken(t.deps.config.secretKey, person.id, 1);
    const res = await t.app.request(`/unsubscribe/${token}?list=national`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Stop getting national Medicare for All updates?");
    expect(html.match(/<button/g)).toHaveLength(1);
    const [sub] = await t.ctx.db.select().from(subscriptions).where(eq(subscriptions.personId, person.id));
    expect(sub?.status).toBe("active");
  });

  it("a mail app's one-click POST unsubscribes at once, without cookies or a CSRF token", async () => {
    const person = await buildSubscriber(t.ctx);
    const token = manageToken(t.deps.config.secretKey, person.id, 1);
    const res = await t.app.request(`/unsubscribe/${token}?list=national`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("You will not get national Medicare for All updates any more.");
    const [sub] = await t.ctx.db.select().from(subscriptions).where(eq(subscriptions.personId, person.id));
    expect(sub?.status).toBe("unsubscribed");
  });

  it("a forged link is refused", async () => {
    const person = await buildSubscriber(t.ctx);
    const res = await t.app.request(`/unsubscribe/${person.id}.1.${"A".repeat(32)}`, { method: "POST" });
    expect(res.status).toBe(404);
    const [sub] = await t.ctx.db.select().from(subscriptions).where(eq(subscriptions.personId, person.id));
    expect(sub?.status).toBe("active");
  });
});

describe("preferences", () => {
  it("shows checkboxes and saves them (CSRF-protected)", async () => {
    const person = await buildSubscriber(t.ctx, { state: "MN" });
    const path = `/preferences/${manageToken(t.deps.config.secretKey, person.id, 1)}`;
    const page = await (await t.app.request(path)).text();
    expect(page).toContain('value="national" checked=""');
    expect(page).toContain("Medicare for All updates for Minnesota");
    const res = await postForm(path, { lists: "state" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Saved. Your choices are in effect now.");
    const rows = await t.ctx.db.select().from(subscriptions).where(eq(subscriptions.personId, person.id));
    expect(Object.fromEntries(rows.map((r) => [r.list, r.status]))).toEqual({ national: "unsubscribed", state: "active" });
  });
});

describe("/dev/mail", () => {
  it("lists the outbox and shows a message's text with clickable links", async () => {
    const email = uniqueEmail("devmail");
    await postForm("/updates", { name: "Dev", email, zip: "55401", scope: "national" });
    const list = await (await t.app.request("/dev/mail")).text();
    const id = new RegExp(`#(\\d+) to ${email.replace(/[.]/g, "\\.")}`).exec(list)?.[1];
    expect(id).toBeDefined();
    const message = await (await t.app.request(`/dev/mail/${id}`)).text();
    expect(message).toMatch(/<a href="http:\/\/localhost:3000\/updates\/confirm\/[^"]+">/);
    const html = await t.app.request(`/dev/mail/${id}/html`);
    expect(html.headers.get("content-security-policy")).toContain("sandbox");
  });

  it("does not exist in production", async () => {
    const prod = await createTestApp({ template: "empty", env: { NODE_ENV: "production", SECRET_KEY: "p".repeat(40), PUBLIC_URL: "https://m4a.example" } });
    expect((await prod.app.request("/dev/mail")).status).toBe(404);
    await prod.close();
  });
});
