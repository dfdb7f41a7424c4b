import { join } from "node:path";
import { en } from "../../src/i18n/en.js";
import { axeViolations, expect, screenshotDir, test } from "./fixtures.js";

const t = en.cosponsors;

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("[SUPPORTER][COSPONSORS]: see who backs H.R.3069 by state, jump from the map to a state, and find who has not signed on", async ({ page }) => {
    await page.goto("/cosponsors");
    await expect(page).toHaveURL(/\/cosponsors\/hr3069-119$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.heading("H.R.3069", "Medicare for All Act of 2025"));
    await expect(page.locator(".lead")).toContainText("115 cosponsors as of");
    await expect(page.locator(".lead")).toContainText("The list is complete.");
    await expect(page.getByRole("link", { name: t.congressGov("H.R.3069") })).toHaveAttribute("href", /congress\.gov\/bill\/119th-congress\/house-bill\/3069/);
    await expect(page.getByRole("region", { name: t.sponsorHeading, exact: true })).toContainText("Pramila Jayapal");

    // The map: Washington is a link to its list of cosponsors on the page.
    const washington = page.locator('svg.map a[aria-label^="Washington:"]');
    await expect(washington).toHaveAttribute("href", "#cosponsors-wa");
    await washington.click();
    await expect(page).toHaveURL(/#cosponsors-wa$/);
    await expect(page.locator("#cosponsors-wa")).toBeInViewport();
    await expect(page.locator("#cosponsors-wa .roll-person").first()).toBeVisible();

    const notSigned = page.getByRole("region", { name: t.notSignedOnHeading, exact: true });
    await expect(notSigned).toContainText(/representatives in office today have not cosponsored H\.R\.3069/);
    await expect(notSigned.locator("#not-signed-tx .roll-person").first()).toBeVisible();
    await expect(notSigned.getByRole("link", { name: t.callThem })).toHaveAttribute("href", "/act/medicare-for-all");

    await page.getByRole("link", { name: /^S\.1506/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.heading("S.1506", "Medicare for All Act of 2025"));
    await expect(page.getByRole("region", { name: t.sponsorHeading, exact: true })).toContainText("Bernard Sanders");
    await expect(page.locator(".lead")).toContainText("18 cosponsors as of");
  });

  test("[SUPPORTER][COSPONSORS]: an incomplete old roll says so and names nobody as not signed on", async ({ page }) => {
    await page.goto("/cosponsors/hr676-115");
    await expect(page.locator(".lead")).toHaveText(t.countIncomplete(2, 124, "January 3, 2019"));
    await expect(page.getByRole("region", { name: t.notSignedOnHeading, exact: true })).toHaveText(`${t.notSignedOnHeading}${t.notSignedOnUnknown}`);
    await expect(page.locator("svg.map")).toHaveCount(0);
  });

  test("[SUPPORTER][COSPONSORS]: an unknown bill is a 404 page", async ({ page }) => {
    const response = await page.goto("/cosponsors/hr1-119");
    expect(response?.status()).toBe(404);
  });
});

test.describe("accessibility and small screens", () => {
  test.use({ bypassCSP: true, viewport: { width: 360, height: 780 } });
  const pages = [
    { name: "cosponsors-house", path: "/cosponsors/hr3069-119" },
    { name: "cosponsors-senate", path: "/cosponsors/s1506-119" },
    { name: "cosponsors-incomplete", path: "/cosponsors/hr676-115" },
    { name: "cosponsors-senate-es", path: "/cosponsors/s1506-119?lang=es" },
  ];
  for (const { name, path } of pages) {
    test(`[SUPPORTER][A11Y]: ${path} has no axe-core violations and fits 360 px`, async ({ page }) => {
      await page.goto(path);
      expect(await axeViolations(page)).toEqual([]);
      const scrollWidth = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
      expect(scrollWidth).toBeLessThanOrEqual(360);
      await page.screenshot({ path: join(screenshotDir, `360-${name}.png`), fullPage: true });
    });
  }

  test("[SUPPORTER][A11Y]: the House page's top at 360 px and on a wide screen", async ({ page }) => {
    await page.goto("/cosponsors/hr3069-119");
    await page.screenshot({ path: join(screenshotDir, "360-cosponsors-house-top.png") });
    await page.locator(".cosponsor-map").screenshot({ path: join(screenshotDir, "360-cosponsors-house-map.png") });
    const listTop = await page.locator("#cosponsors-heading").evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    await page.screenshot({ path: join(screenshotDir, "360-cosponsors-house-list.png"), fullPage: true, clip: { x: 0, y: listTop - 280, width: 360, height: 1100 } });
    const notSignedTop = await page.locator("#not-signed-heading").evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    await page.screenshot({ path: join(screenshotDir, "360-cosponsors-house-not-signed.png"), fullPage: true, clip: { x: 0, y: notSignedTop - 20, width: 360, height: 900 } });
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.screenshot({ path: join(screenshotDir, "1100-cosponsors-house-top.png"), fullPage: true, clip: { x: 0, y: 0, width: 1100, height: 2400 } });
  });
});
