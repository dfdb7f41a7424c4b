import { describe, expect, it } from "vitest";
import { pngSize } from "../../../tests/support/png.js";
import { en } from "../../i18n/en.js";
import { es } from "../../i18n/es.js";
import { cardFingerprint, type CardContent } from "./card.js";
import { homeCard, stateCard } from "./cards.js";
import { PreviewImageCache } from "./image-cache.js";
import { fitFontSize, renderCardPng } from "./render-card.js";

const words = (locale: "en" | "es") => ({ t: locale === "en" ? en : es, locale, absoluteUrl: (path: string) => `https://m4a.example${path}` });
const coverage = (ohioGroups: number) => ({
  covered: ohioGroups > 0 ? 1 : 0,
  total: 50 as const,
  states: [
    { code: "OH", name: "Ohio", groups: ohioGroups, members: 0 },
    { code: "WY", name: "Wyoming", groups: 0, members: 0 },
  ],
  missing: [],
});

describe("renderCardPng", () => {
  it("draws a headline card and the map card as 1200×630 PNGs", async () => {
    const state = await renderCardPng(stateCard(words("es"), { code: "OH", name: "Ohio" }, 3).content);
    expect(pngSize(state)).toEqual({ width: 1200, height: 630 });
    const home = await renderCardPng(homeCard(words("en"), coverage(2)).content);
    expect(pngSize(home)).toEqual({ width: 1200, height: 630 });
    // The map is drawn into the image, not left blank: a card with a map is far larger.
    expect(home.byteLength).toBeGreaterThan(state.byteLength * 1.3);
  });

  it("shrinks long headlines to fit", () => {
    expect(fitFontSize("Ohio", 1000, 2, [80, 60, 40])).toBe(80);
    expect(fitFontSize("Single Payer Action Network of Northeastern Ohio and Western Pennsylvania", 1000, 2, [80, 60, 40])).toBe(40);
    // One very long word can't be wrapped: it gets the smallest size rather than overflowing.
    expect(fitFontSize("Krankenversicherungsverein".repeat(3), 1000, 3, [80, 60, 40])).toBe(40);
  });
});

describe("cards and their fingerprints", () => {
  it("a state with groups invites people to join; one without invites them to start one", () => {
    const with3 = stateCard(words("en"), { code: "OH", name: "Ohio" }, 3);
    expect(with3.path).toBe("/og/groups/oh.png");
    expect(with3.content).toMatchObject({ headline: "Join the single-payer movement in Ohio", stats: [{ value: "3", label: "local groups in Ohio" }] });
    expect(with3.alt).toBe("Join the single-payer movement in Ohio: 3 local groups.");
    const none = stateCard(words("es"), { code: "WY", name: "Wyoming" }, 0);
    expect(none.content).toMatchObject({ headline: "Funda el primer grupo por el pagador único en Wyoming" });
    expect(none.content).not.toHaveProperty("stats");
  });

  it("changes when a number drawn changes, and only then", () => {
    const three = stateCard(words("en"), { code: "OH", name: "Ohio" }, 3).content;
    expect(cardFingerprint(three)).toBe(cardFingerprint(stateCard(words("en"), { code: "OH", name: "Ohio" }, 3).content));
    expect(cardFingerprint(three)).not.toBe(cardFingerprint(stateCard(words("en"), { code: "OH", name: "Ohio" }, 4).content));
    expect(cardFingerprint(three)).not.toBe(cardFingerprint(stateCard(words("es"), { code: "OH", name: "Ohio" }, 3).content));
    // The map's shading is part of what is drawn: a second group in Ohio darkens it.
    expect(cardFingerprint(homeCard(words("en"), coverage(1)).content)).not.toBe(cardFingerprint(homeCard(words("en"), coverage(2)).content));
    // Members joining do not change the picture, so they do not change the fingerprint.
    const busier = coverage(1);
    busier.states[0]!.members = 40;
    expect(cardFingerprint(homeCard(words("en"), coverage(1)).content)).toBe(cardFingerprint(homeCard(words("en"), busier).content));
  });

  it("does not depend on the order of keys", () => {
    const a: CardContent = { layout: "headline", siteName: "S", host: "h", locale: "en", headline: "H", detail: "D" };
    const b: CardContent = { detail: "D", headline: "H", locale: "en", host: "h", siteName: "S", layout: "headline" };
    expect(cardFingerprint(a)).toBe(cardFingerprint(b));
  });
});

describe("PreviewImageCache", () => {
  const content = (headline: string): CardContent => ({ layout: "headline", siteName: "S", host: "h", locale: "en", headline });
  const fakeRender = () => {
    const calls: string[] = [];
    const render = async (c: CardContent) => {
      calls.push(c.headline);
      return Buffer.alloc(100, c.headline);
    };
    return { calls, render };
  };

  it("draws a card once and serves it from memory after that; new content is drawn again", async () => {
    const { calls, render } = fakeRender();
    const cache = new PreviewImageCache({ maxBytes: 10_000, render });
    const first = await cache.get(content("3 groups"));
    const again = await cache.get(content("3 groups"));
    expect(again.png).toBe(first.png);
    expect(calls).toEqual(["3 groups"]);
    await cache.get(content("4 groups"));
    expect(calls).toEqual(["3 groups", "4 groups"]);
  });

  it("shares one render between concurrent requests", async () => {
    const { calls, render } = fakeRender();
    const cache = new PreviewImageCache({ maxBytes: 10_000, render });
    await Promise.all([cache.get(content("a")), cache.get(content("a")), cache.get(content("a"))]);
    expect(calls).toEqual(["a"]);
  });

  it("keeps within its byte budget, dropping the least recently used", async () => {
    const { calls, render } = fakeRender();
    const cache = new PreviewImageCache({ maxBytes: 250, render });
    await cache.get(content("a"));
    await cache.get(content("b"));
    await cache.get(content("a")); // a is now the most recently used
    await cache.get(content("c")); // 300 bytes: b goes
    expect(cache.size).toBe(2);
    await cache.get(content("a"));
    await cache.get(content("b"));
    expect(calls).toEqual(["a", "b", "c", "b"]);
  });

  it("forgets a failed render, so the next request tries again", async () => {
    let fail = true;
    const cache = new PreviewImageCache({
      maxBytes: 10_000,
      render: async () => {
        if (fail) throw new Error("boom");
        return Buffer.alloc(10);
      },
    });
    await expect(cache.get(content("x"))).rejects.toThrow("boom");
    fail = false;
    await expect(cache.get(content("x"))).resolves.toMatchObject({ png: Buffer.alloc(10) });
  });
});
