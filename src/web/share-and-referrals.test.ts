import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueEmail } from "../../tests/support/factories.js";
import { cookies, signInAs } from "../../tests/support/sign-in.js";
import { createTestApp, type TestApp } from "../../tests/support/test-app.js";
import { groups } from "../db/schema/index.js";
import { SHARE_NETWORKS, shareHref } from "./components/share-bar.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ template: "loaded", config: { publicUrl: "https://everybodyin.example" } });
});
afterAll(async () => {
  await t.close();
});

/** One visitor: keeps the cookies the app sets, the way a browser would. */
function visitor() {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return res;
  };
  return {
    jar,
    async get(path: string) {
      const res = keep(await t.app.request(path, { headers: { cookie: cookieHeader() } }));
      return { res, html: await res.text() };
    },
    async post(path: string, fields: Record<string, string>) {
      const form = await this.get("/updates");
      const token = /name="_csrf" value="([^"]+)"/.exec(form.html)?.[1] ?? "";
      return keep(
        await t.app.request(path, {
          method: "POST",
          headers: { cookie: cookieHeader(), "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ _csrf: token, ...fields }).toString(),
        }),
      );
    },
  };
}

const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
const decodeHtml = (s: string) => s.replace(/&amp;/g, "&").replace(/&#39;/g, "'").replace(/&quot;/g, '"');
const firstGroupPath = async (state: string) => {
  const html = await (await t.app.request(`/groups/${state}`)).text();
  return new RegExp(`href="(/groups/${state}/[a-z0-9-]+)"`).exec(html)![1]!;
};

describe("share links", () => {
  it("encode the page URL (tagged with the network) and the words for each network", () => {
    const input = { url: "https://everybodyin.example/groups/oh", text: "Join us & win: 100%", subject: "Medicare for All", back: "/groups/oh" };
    const tagged = (source: string) => `https://everybodyin.example/groups/oh?utm_source=${source}`;
    expect(shareHref("x", input)).toBe(`https://x.com/intent/tweet?text=Join%20us%20%26%20win%3A%20100%25&url=${encodeURIComponent(tagged("x"))}`);
    expect(shareHref("facebook", input)).toBe(`https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(tagged("facebook"))}`);
    const post = (source: string) => encodeURIComponent(`Join us & win: 100% ${tagged(source)}`);
    expect(shareHref("bluesky", input)).toBe(`https://bsky.app/intent/compose?text=${post("bluesky")}`);
    expect(shareHref("whatsapp", input)).toBe(`https://wa.me/?text=${post("whatsapp")}`);
    expect(shareHref("sms", input)).toBe(`sms:?&body=${post("sms")}`);
    expect(shareHref("mastodon", input)).toBe(`/share/mastodon?text=${post("mastodon")}&back=%2Fgroups%2Foh`);
    const mail = new URL(shareHref("email", input));
    expect(mail.protocol).toBe("mailto:");
    expect(mail.searchParams.get("subject")).toBe("Medicare for All");
    expect(mail.searchParams.get("body")).toBe(`Join us & win: 100%\n\n${tagged("email")}`);
    // Spaces as %20, never "+", which mail apps show literally.
    expect(shareHref("email", input)).not.toContain("+");
  });

  it("appear on the home page, the directory, state, group and campaign pages, each with an accessible name", async () => {
    const group = await firstGroupPath("mn");
    const pages = [
      { path: "/", url: "https://everybodyin.example/" },
      { path: "/groups", url: "https://everybodyin.example/groups" },
      { path: "/groups/oh", url: "https://everybodyin.example/groups/oh" },
      { path: group, url: `https://everybodyin.example${group}` },
      { path: "/act/medicare-for-all", url: "https://everybodyin.example/act/medicare-for-all" },
    ];
    for (const { path, url } of pages) {
      const html = await (await t.app.request(path)).text();
      const links = hrefs(html);
      for (const network of ["x.com/intent/tweet", "facebook.com/sharer", "bsky.app/intent", "/share/mastodon", "wa.me", "mailto:", "sms:"]) {
        expect(links.some((href) => href.includes(network)), `${path}: ${network}`).toBe(true);
      }
      expect(links).toContain(`https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(`${url}?utm_source=facebook`)}`);
      expect(html).toContain('<span class="visually-hidden">Share on </span>X<span class="visually-hidden"> (opens in a new tab)</span>');
      expect(html).toContain('<span class="visually-hidden">Share by </span>Text message</a>');
      expect(html).toContain(`value="${url}?utm_source=link"`);
      expect(html).toContain("/static/share.");
      // Plain links only: no script, frame or image from a share network.
      expect(html).not.toMatch(/<(script|iframe|img)[^>]+(twitter|x\.com|facebook|bsky|wa\.me)/);
    }
  });

  it("share the Spanish page, in Spanish, from a Spanish page", async () => {
    const html = await (await t.app.request("/groups/oh?lang=es")).text();
    const x = hrefs(html).find((href) => href.startsWith("https://x.com/"))!;
    const params = new URL(x).searchParams;
    expect(params.get("text")).toBe("Únete al movimiento por un sistema de pagador único en Ohio:");
    expect(params.get("url")).toBe("https://everybodyin.example/groups/oh?lang=es&utm_source=x");
    expect(html).toContain('<span class="visually-hidden">Compartir en </span>X<span class="visually-hidden"> (se abre en otra pestaña)</span>');
  });
});

describe("Mastodon", () => {
  it("asks for the server once, then remembers it", async () => {
    const v = visitor();
    const ask = await v.get("/share/mastodon?text=Hi&back=%2Fgroups%2Foh");
    expect(ask.html).toContain('name="server"');
    expect(ask.html).toContain('href="/groups/oh"');
    const chosen = await v.get("/share/mastodon?text=Hi&back=%2Fgroups%2Foh&server=mastodon.social");
    expect(chosen.html).toContain('href="https://mastodon.social/share?text=Hi"');
    const next = await v.get("/share/mastodon?text=Again&back=%2F");
    expect(next.html).toContain('href="https://mastodon.social/share?text=Again"');
    expect(next.html).not.toContain('name="server"');
    const change = hrefs(next.html).find((href) => href.includes("change=1"))!;
    expect((await v.get(change)).html).toContain('name="server"');
  });

  it("never sends people back anywhere but a page of ours", async () => {
    for (const back of ["//evil.example/x", "/\\evil.example", "https://evil.example", "javascript:alert(1)"]) {
      const { html } = await visitor().get(`/share/mastodon?text=x&back=${encodeURIComponent(back)}`);
      expect(hrefs(html).filter((href) => /evil|javascript:/.test(decodeURIComponent(href)) && !href.startsWith("/share/mastodon?"))).toEqual([]);
      expect(html).toContain('href="/act"');
    }
  });
});

describe("referrals", () => {
  it("give whoever joins a personal link, and count the people who come through it", async () => {
    const group = await firstGroupPath("mn");
    const sharer = visitor();
    const joined = await sharer.post(`${group}/join`, { name: "Ella Baker", email: uniqueEmail(), zip: "55401" });
    expect(joined.status).toBe(303);
    const code = sharer.jar.get("ei_me")!;
    expect(code).toMatch(/^[a-z2-9]{8}$/);
    const thanks = await sharer.get(`${group}/joined`);
    const personal = `https://everybodyin.example${group}?ref=${code}`;
    expect(thanks.html).toContain(`value="${personal}&amp;utm_source=link"`);
    expect(thanks.html).toContain("Nobody has joined through your link yet.");

    // A friend opens the link, signs up for updates, and reports a call.
    const friend = visitor();
    await friend.get(`${group}?ref=${code}&utm_source=whatsapp`);
    expect(friend.jar.get("ei_src")).toBe(`${code}~whatsapp~`);
    expect((await friend.post("/updates", { name: "Friend", email: uniqueEmail(), zip: "55401", scope: "national" })).status).toBe(303);
    expect((await sharer.get(`${group}/joined`)).html).toContain("1 person has joined through your link.");
    // The friend now has a link of their own on their thank-you page.
    expect((await friend.get("/updates/check-email")).html).toContain(`https://everybodyin.example/?ref=${friend.jar.get("ei_me")}`);

    // Someone else acts anonymously: a call report counts too.
    const caller = visitor();
    await caller.get(`/act/medicare-for-all?ref=${code}`);
    const res = await caller.post("/act/medicare-for-all/outcomes", { bioguideId: "K000367", outcome: "talked_to_staff", zip: "55401" });
    expect(res.status).toBe(303);
    expect((await sharer.get(`${group}/joined`)).html).toContain("2 people have joined through your link.");
    // Their campaign page now offers their own link instead of the page's.
    const act = await caller.get("/act/medicare-for-all");
    expect(act.html).toContain(`https://everybodyin.example/act/medicare-for-all?ref=${caller.jar.get("ei_me")}`);
    expect(act.html).toContain("Nobody has joined through your link yet.");
  });

  it("hand the caller's own share box back with an outcome reported by the page script", async () => {
    const caller = visitor();
    const form = await caller.get("/act/medicare-for-all?zip=55401");
    const token = /name="_csrf" value="([^"]+)"/.exec(form.html)?.[1] ?? "";
    const res = await t.app.request("/act/medicare-for-all/outcomes", {
      method: "POST",
      headers: { cookie: [...caller.jar].map(([k, v]) => `${k}=${v}`).join("; "), accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ _csrf: token, bioguideId: "K000367", outcome: "talked_to_staff", zip: "55401" }).toString(),
    });
    expect(res.status).toBe(201);
    const code = /ei_me=([a-z2-9]{8})/.exec(res.headers.getSetCookie().join(";"))![1]!;
    const body = (await res.json()) as { yourLinkHtml: string };
    expect(body.yourLinkHtml).toMatch(/^<section class="share"[^>]* data-share="personal">/);
    expect(body.yourLinkHtml).toContain(`https://everybodyin.example/act/medicare-for-all?ref=${code}`);
    expect(body.yourLinkHtml).toContain("Nobody has joined through your link yet.");
  });

  it("do not count following your own link, and ignore codes nobody was given", async () => {
    const me = visitor();
    expect((await me.post("/act/medicare-for-all/outcomes", { bioguideId: "K000367", outcome: "left_voicemail" })).status).toBe(303);
    const code = me.jar.get("ei_me")!;
    await me.get(`/?ref=${code}`);
    await me.post("/act/medicare-for-all/outcomes", { bioguideId: "K000367", outcome: "left_voicemail" });
    const page = (await me.get("/act/medicare-for-all")).html;
    expect(page).toContain("Nobody has joined through your link yet.");

    const stranger = visitor();
    await stranger.get("/?ref=zzzzzzzz&utm_source=poster");
    const res = await stranger.post("/act/medicare-for-all/outcomes", { bioguideId: "K000367", outcome: "left_voicemail" });
    expect(res.status).toBe(303);
  });

  it("take the source from the form's hidden fields when there is no cookie (embeds)", async () => {
    const admin = await signInAs(t.ctx, { admin: true });
    const v = visitor();
    const res = await v.post("/updates", { name: "Embedded", email: uniqueEmail(), zip: "55401", scope: "national", utm_source: "partner-site", utm_campaign: "embed-test" });
    expect(res.status).toBe(303);
    const report = await t.app.request("/admin/referrals?period=all", { headers: { cookie: cookies(admin.cookie) } });
    const html = decodeHtml(await report.text());
    expect(html).toMatch(/<code>partner-site<\/code><\/td><td><code>embed-test<\/code><\/td><td class="numeric">1<\/td>/);
    expect(html).toContain("Through personal links:");
  });
});

describe("/admin/referrals", () => {
  it("shows staff the top sources and referrers; a bad period is a 400 with the page", async () => {
    const admin = await signInAs(t.ctx, { admin: true });
    const sharer = visitor();
    await sharer.post("/updates", { name: "Rosa Sharer", email: uniqueEmail(), zip: "55401", scope: "national" });
    const code = sharer.jar.get("ei_me")!;
    const friend = visitor();
    await friend.get(`/?ref=${code}&utm_source=newsletter&utm_campaign=fall`);
    await friend.post("/act/medicare-for-all/outcomes", { bioguideId: "K000367", outcome: "talked_to_staff" });

    const res = await t.app.request("/admin/referrals", { headers: { cookie: cookies(admin.cookie) } });
    expect(res.status).toBe(200);
    const html = decodeHtml(await res.text());
    expect(html).toContain("<code>newsletter</code>");
    expect(html).toContain(`<code>${code}</code>`);
    expect(html).toContain("Rosa Sharer");
    expect(html).not.toMatch(/@example\.org/); // names only; addresses stay on the people pages

    const bad = await t.app.request("/admin/referrals?period=forever", { headers: { cookie: cookies(admin.cookie) } });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Sources and referrals");
  });

  it("is closed to everyone but staff", async () => {
    expect((await t.app.request("/admin/referrals")).status).toBe(303);
    const [group] = await t.ctx.db.select({ id: groups.id }).from(groups).limit(1);
    const organizer = await signInAs(t.ctx, { organizerOf: [group!.id] });
    expect((await t.app.request("/admin/referrals", { headers: { cookie: organizer.cookie } })).status).toBe(403);
  });
});

it("every share network is covered by the tests above", () => {
  expect(SHARE_NETWORKS).toEqual(["x", "facebook", "bluesky", "mastodon", "whatsapp", "email", "sms"]);
});
