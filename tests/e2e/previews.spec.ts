import { join } from "node:path";
import { en } from "../../src/i18n/en.js";
import { axeViolations, expect, screenshotDir, test } from "./fixtures.js";

test.use({ bypassCSP: true });

test("[SUPPORTER][SHARE]: a state page's link preview image opens as a 1200×630 picture of its numbers", async ({ page }) => {
  await page.goto("/groups/oh?lang=es");
  const image = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(image).toMatch(/\/og\/groups\/oh\.png\?v=[0-9a-f]{16}&lang=es$/);
  expect(await page.locator('meta[property="og:image:alt"]').getAttribute("content")).toMatch(/^Únete al movimiento por el pagador único en Ohio/);

  const url = new URL(image!);
  const response = await page.goto(`${url.pathname}${url.search}`);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["content-type"]).toBe("image/png");
  const size = await page.locator("img").evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
  expect(size).toEqual([1200, 630]);
  await page.setViewportSize({ width: 1200, height: 630 });
  await page.screenshot({ path: join(screenshotDir, "preview-state-oh-es.png") });
});

test.describe("at 360 px", () => {
  test.use({ viewport: { width: 360, height: 800 } });

  test("[SUPPORTER][DATA]: /about/data credits the typeface of the preview images", async ({ page }) => {
    await page.goto("/about/data");
    const credit = page.getByRole("region", { name: en.previews.fontCreditHeading });
    await expect(credit).toContainText("Atkinson Hyperlegible");
    await credit.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshotDir, "about-data-font-credit-360.png") });
    expect(await axeViolations(page)).toEqual([]);
  });
});
