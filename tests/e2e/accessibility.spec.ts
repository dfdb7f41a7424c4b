import { join } from "node:path";
import { axeViolations, expect, screenshotDir, test } from "./fixtures.js";

const pages = [
  { name: "home", path: "/" },
  { name: "home-es", path: "/?lang=es" },
  { name: "about-data", path: "/about/data" },
  { name: "about-data-es", path: "/about/data?lang=es" },
  { name: "not-found", path: "/no-such-page" },
  { name: "directory", path: "/groups" },
  { name: "state", path: "/groups/mn" },
  { name: "campaign-members", path: "/act/medicare-for-all?zip=55401" },
  { name: "campaign-members-es", path: "/act/medicare-for-all?zip=55401&lang=es" },
  { name: "events", path: "/events?near=55401" },
  { name: "events-past", path: "/events/past" },
  { name: "news", path: "/news" },
  { name: "news-es", path: "/news?lang=es" },
  { name: "mastodon-share", path: "/share/mastodon?text=Medicare%20for%20All&back=%2Fgroups%2Fmn" },
  { name: "embed-act", path: "/embed/act/medicare-for-all?zip=55401" },
  { name: "embed-groups", path: "/embed/groups/mn" },
];

test.describe("axe-core", () => {
  // The strict CSP (script-src 'self') would block the injected axe script.
  test.use({ bypassCSP: true });

  for (const { name, path } of pages) {
    test(`[SUPPORTER][A11Y]: ${name} (${path}) has no axe-core violations`, async ({ page }) => {
      await page.goto(path);
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});

test.describe("small screens", () => {
  test.use({ viewport: { width: 360, height: 780 } });

  for (const { name, path } of pages) {
    test(`[SUPPORTER][MOBILE]: ${name} (${path}) is readable 360 px wide, without sideways scrolling`, async ({ page }) => {
      await page.goto(path);
      const scrollWidth = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
      expect(scrollWidth).toBeLessThanOrEqual(360);
      // Body text stays at a readable size on a phone.
      const fontSize = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
      expect(fontSize).toBeGreaterThanOrEqual(16);
      await page.screenshot({ path: join(screenshotDir, `360-${name}.png`), fullPage: true });
    });
  }
});

test.describe("desktop", () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  for (const { name, path } of pages) {
    test(`[SUPPORTER][DESKTOP]: ${name} (${path}) lays out on a wide screen`, async ({ page }) => {
      await page.goto(path);
      const scrollWidth = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
      expect(scrollWidth).toBeLessThanOrEqual(1280);
      await page.screenshot({ path: join(screenshotDir, `desktop-${name}.png`), fullPage: true });
    });
  }
});
