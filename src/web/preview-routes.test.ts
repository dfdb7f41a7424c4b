import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pngSize } from "../../tests/support/png.js";
import { createTestApp, type TestApp } from "../../tests/support/test-app.js";
import { cardFingerprint } from "./previews/card.js";
import { stateCard } from "./previews/cards.js";
import { uniqueEmail } from "../../tests/support/factories.js";
import { applyToFoundGroup } from "../domain/groups/apply-to-found-group.js";
import { approveGroupApplication } from "../domain/groups/approve-group-application.js";
import { en } from "../i18n/en.js";
import { previewImages } from "./previews/image-cache.js";

const PUBLIC_URL = "https://m4a.example";
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ template: "loaded", env: { PUBLIC_URL } });
});
afterAll(async () => {
  await t.close();
});

const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
const decode = (s: string) => s.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">");

/** Every <meta>/<link> in the head whose `key` attribute is `value`, as [tag, content] pairs. */
function headTags(html: string) {
  const head = html.slice(0, html.indexOf("</head>"));
  const tags = head.match(/<(?:meta|link)\b[^>]*>/g) ?? [];
  const all = (key: "property" | "name" | "rel", value: string) => tags.filter((tag) => attr(tag, key) === value);
  const content = (key: "property" | "name", value: string) => {
    const found = all(key, value);
    expect(found, `${key}=${value}`).toHaveLength(1);
    const text = decode(attr(found[0]!, "content") ?? "");
    expect(text.trim(), `${key}=${value} is empty`).not.toBe("");
    return text;
  };
  return { all, content, head };
}

async function page(path: string) {
  const res = await t.app.request(path);
  expect(res.status, path).toBe(200);
  return res.text();
}

const firstGroupPath = async (state: string) => /<h[23]><a href="(\/groups\/[a-z]{2}\/[a-z0-9-]+)">/.exec(await page(`/groups/${state}`))?.[1]!;

/** Check a public page's preview tags and fetch its image; returns the og tags for more checks. */
async function checkPreview(path: string) {
  const html = await page(path);
  const { all, content, head } = headTags(html);
  expect(head.match(/<title>[^<]+<\/title>/g), `${path}: one title`).toHaveLength(1);
  content("name", "description");
  const canonical = all("rel", "canonical");
  expect(canonical, `${path}: one canonical`).toHaveLength(1);
  const canonicalUrl = new URL(decode(attr(canonical[0]!, "href")!));
  expect(canonicalUrl.origin).toBe(PUBLIC_URL);
  expect(canonicalUrl.pathname).toBe(new URL(path, PUBLIC_URL).pathname);
  expect(canonicalUrl.search, "canonical has no query (no ?lang=)").toBe("");
  const alternates = all("rel", "alternate").map((tag) => [attr(tag, "hreflang"), decode(attr(tag, "href")!)]);
  expect(alternates).toEqual([
    ["en", canonicalUrl.href],
    ["es", `${canonicalUrl.href}?lang=es`],
    ["x-default", canonicalUrl.href],
  ]);
  const og = Object.fromEntries(
    ["og:title", "og:description", "og:url", "og:type", "og:site_name", "og:locale", "og:image", "og:image:width", "og:image:height", "og:image:alt"].map((p) => [p, content("property", p)]),
  );
  const twitter = Object.fromEntries(["twitter:card", "twitter:title", "twitter:description", "twitter:image", "twitter:image:alt"].map((n) => [n, content("name", n)]));
  expect(twitter["twitter:card"]).toBe("summary_large_image");
  expect(twitter["twitter:image"]).toBe(og["og:image"]);
  expect([og["og:image:width"], og["og:image:height"]]).toEqual(["1200", "630"]);
  expect(head).not.toContain('name="robots"');

  const image = new URL(og["og:image"]!);
  expect(image.origin, "og:image is on the app's own address").toBe(PUBLIC_URL);
  expect(image.searchParams.get("v")).toMatch(/^[0-9a-f]{16}$/);
  const res = await t.app.request(`${image.pathname}${image.search}`);
  expect(res.status, `${path}: ${image.pathname}`).toBe(200);
  expect(res.headers.get("content-type")).toBe("image/png");
  expect(res.headers.get("cache-control")).toContain("immutable");
  expect(res.headers.get("set-cookie")).toBeNull();
  expect(pngSize(new Uint8Array(await res.arrayBuffer()))).toEqual({ width: 1200, height: 630 });
  return { og, html };
}

describe("link previews on every public page", () => {
  it("the home page, the directory and the pages with no card of their own", async () => {
    const home = await checkPreview("/");
    expect(home.og["og:image"]).toMatch(/\/og\/home\.png\?v=[0-9a-f]{16}&lang=en$/);
    expect(home.og["og:locale"]).toBe("en_US");
    expect(home.og["og:url"]).toBe(`${PUBLIC_URL}/`);
    expect(home.og["og:image:alt"]).toMatch(/\d+ of 50 states have one/);
    expect((await checkPreview("/groups")).og["og:image"]).toBe(home.og["og:image"]);
    expect((await page("/about/data")).replace(/\s+/g, " ")).toContain("set in Atkinson Hyperlegible, © 2020 Braille Institute of America, used under the SIL Open Font License 1.1.");
    for (const path of ["/updates", "/about/data", "/start-a-group", "/groups?near=02139"]) {
      expect((await checkPreview(path)).og["og:image"], path).toMatch(/\/og\/site\.png\?v=/);
    }
  });

  it("a state with groups, a state without, and a group page (with its Organization data)", async () => {
    const ohio = await checkPreview("/groups/oh");
    expect(ohio.og["og:image"]).toMatch(/\/og\/groups\/oh\.png\?v=/);
    expect(ohio.og["og:image:alt"]).toMatch(/^Join the single-payer movement in Ohio: \d+ local groups?\.$/);
    const wyoming = await checkPreview("/groups/wy");
    expect(wyoming.og["og:image:alt"]).toBe("Start the first single-payer group in Wyoming");

    const groupPath = await firstGroupPath("oh");
    const group = await checkPreview(groupPath);
    expect(group.og["og:image"]).toContain(`/og${groupPath}.png?v=`);
    const blocks = [...group.html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)];
    expect(blocks).toHaveLength(1);
    const data = JSON.parse(blocks[0]![1]!);
    expect(data).toMatchObject({ "@context": "https://schema.org", "@type": "Organization", url: `${PUBLIC_URL}${groupPath}` });
    expect(data.name).toBe(group.og["og:title"]);
    expect(data.address).toMatchObject({ "@type": "PostalAddress", addressRegion: "OH", addressCountry: "US" });
  });

  it("the campaign and a bill's cosponsors", async () => {
    const act = await checkPreview("/act/medicare-for-all");
    expect(act.og["og:image"]).toMatch(/\/og\/act\/medicare-for-all\.png\?v=/);
    expect(act.og["og:image:alt"]).toMatch(/\d+ House and \d+ Senate cosponsors/);
    const bill = await checkPreview("/cosponsors/hr3069-119");
    expect(bill.og["og:image"]).toMatch(/\/og\/cosponsors\/hr3069-119\.png\?v=/);
  });

  it("the Spanish pages: Spanish tags and a Spanish image, same canonical", async () => {
    for (const path of ["/?lang=es", "/groups/oh?lang=es", "/act/medicare-for-all?lang=es", "/updates?lang=es"]) {
      const { og } = await checkPreview(path);
      expect(og["og:locale"], path).toBe("es_US");
      expect(og["og:url"], path).toBe(`${PUBLIC_URL}${path.replace(/\?.*/, "")}?lang=es`);
      expect(og["og:image"], path).toMatch(/&lang=es$/);
    }
    const en = (await checkPreview("/groups/oh")).og["og:image"];
    const es = (await checkPreview("/groups/oh?lang=es")).og["og:image"];
    expect(new URL(es!).searchParams.get("v")).not.toBe(new URL(en!).searchParams.get("v"));
  });

  it("private pages say noindex and carry no preview", async () => {
    for (const path of ["/sign-in", "/updates/check-email", "/groups/oh/waiting", "/start-a-group/sent", "/groups/zz"]) {
      const res = await t.app.request(path);
      const html = await res.text();
      const { all, head } = headTags(html);
      expect(all("name", "robots").map((tag) => attr(tag, "content")), path).toEqual(["noindex"]);
      expect(head, path).not.toContain("og:image");
      expect(all("rel", "canonical"), path).toHaveLength(0);
    }
  });
});

describe("GET /og/*", () => {
  it("answers 404 for a state, group, campaign or bill we do not have", async () => {
    for (const path of ["/og/groups/zz.png", "/og/groups/oh/no-such-group.png", "/og/act/no-such-campaign.png", "/og/cosponsors/hr1-119.png", "/og/cosponsors/HR3069-119.png", "/og/nothing.png"]) {
      expect((await t.app.request(path)).status, path).toBe(404);
    }
  });

  it("serves today's image with a short lifetime when the fingerprint is old or missing, and 304 for a matching ETag", async () => {
    const stale = await t.app.request("/og/groups/wy.png?v=0000000000000000");
    expect(stale.status).toBe(200);
    expect(stale.headers.get("cache-control")).toBe("public, max-age=600");
    const etag = stale.headers.get("etag")!;
    expect(etag).toBe(`"${cardFingerprint(stateCard({ t: en, locale: "en", absoluteUrl: (p) => `${PUBLIC_URL}${p}` }, { code: "WY", name: "Wyoming" }, 0).content)}"`);
    const again = await t.app.request("/og/groups/wy.png", { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
  });

  it("draws the image again when its numbers change, and not otherwise", async () => {
    const before = await checkPreview("/groups/wy");
    const renders = previewImages.renders;
    await t.app.request(new URL(before.og["og:image"]!).pathname + new URL(before.og["og:image"]!).search);
    expect(previewImages.renders, "served from memory").toBe(renders);

    const { applicationId } = await applyToFoundGroup({
      ctx: t.deps.ctx,
      input: { name: "Pat", email: uniqueEmail("wy"), zip: "82001", groupName: "Cheyenne for Medicare for All", city: "Cheyenne", why: "WY", locale: "en" },
    });
    await approveGroupApplication({ ctx: t.deps.ctx, input: { applicationId } });

    const after = await checkPreview("/groups/wy");
    expect(after.og["og:image:alt"]).toBe("Join the single-payer movement in Wyoming: 1 local group.");
    expect(new URL(after.og["og:image"]!).searchParams.get("v")).not.toBe(new URL(before.og["og:image"]!).searchParams.get("v"));
    expect(previewImages.renders).toBe(renders + 1);
  });
});
