import { join } from "node:path";
import { en } from "../../src/i18n/en.js";
import { axeViolations, expect, screenshotDir, test } from "./fixtures.js";

const t = en.locate;
const act = en.act;

/** The Empire State Building: ZIP 10001, which the ZIP table splits between NY-10 and NY-12. */
const EMPIRE_STATE = { latitude: 40.7484, longitude: -73.9857 };
/** West 28th Street, about 400 m from the NY-10/NY-12 line in our shapes. */
const NEAR_THE_LINE = { latitude: 40.7446, longitude: -73.9985 };

test.describe("with JavaScript and location allowed", () => {
  test.use({ viewport: { width: 360, height: 800 }, geolocation: EMPIRE_STATE, permissions: ["geolocation"] });

  test("[SUPPORTER][ACT]: 'Use my location' finds the one member for the exact district, and nothing is remembered", async ({ page, context }) => {
    await page.goto("/act/medicare-for-all");
    await page.getByLabel(act.nameLabel).fill("Ana");
    await page.getByRole("button", { name: t.button }).click();
    await expect(page).toHaveURL(/\/act\/medicare-for-all\?lat=40\.7484&lng=-73\.9857&name=Ana$/);
    await expect(page.getByRole("heading", { level: 2, name: t.resultsHeading })).toBeVisible();
    await expect(page.getByRole("heading", { name: act.houseHeading })).toBeVisible();
    await expect(page.locator(".member-card h4")).toHaveText(["Sen. Charles E. Schumer", "Sen. Kirsten E. Gillibrand", "Rep. Jerrold Nadler"]);
    const nadler = page.locator(".member-card", { hasText: "Rep. Jerrold Nadler" });
    await nadler.getByText(act.callHeading, { exact: true }).click();
    await expect(nadler.locator(".script")).toContainText("Hi, my name is Ana and I'm a constituent from New York.");
    expect((await context.cookies()).map((c) => c.name)).not.toContain("ei_zip");
    await page.screenshot({ path: join(screenshotDir, "locate-results-360.png"), fullPage: true });
  });
});

test.describe("near a district line", () => {
  test.use({ viewport: { width: 1280, height: 900 }, geolocation: NEAR_THE_LINE, permissions: ["geolocation"] });

  test("[SUPPORTER][ACT]: within 500 m of a district line, both members are shown and the page says why", async ({ page }) => {
    await page.goto("/act/medicare-for-all");
    await page.getByRole("button", { name: t.button }).click();
    await expect(page.getByText(t.nearLine(2))).toBeVisible();
    await expect(page.getByRole("heading", { name: act.houseHeadingAmbiguous })).toBeVisible();
    await expect(page.locator(".member-card h4")).toContainText(["Rep. Jerrold Nadler", "Rep. Daniel S. Goldman"]);
    await page.screenshot({ path: join(screenshotDir, "locate-near-line-desktop.png"), fullPage: true });
  });
});

test.describe("with location refused", () => {
  test.use({ viewport: { width: 360, height: 800 }, permissions: [] });

  test("[SUPPORTER][ACT]: a refused permission says so and leaves the ZIP form ready", async ({ page, context }) => {
    await context.clearPermissions();
    await page.goto("/act/medicare-for-all");
    await page.getByRole("button", { name: t.button }).click();
    await expect(page.locator("[data-locate-status]")).toHaveText(t.denied);
    await expect(page.getByLabel(act.zipLabel)).toBeFocused();
    await expect(page).toHaveURL(/\/act\/medicare-for-all$/);
    await page.getByLabel(act.zipLabel).fill("55401");
    await page.getByRole("button", { name: act.findButton }).click();
    await expect(page.getByRole("heading", { level: 2, name: act.resultsHeading("55401", "Minneapolis, MN") })).toBeVisible();
    await page.screenshot({ path: join(screenshotDir, "locate-denied-360.png"), fullPage: false });
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });

  test("[SUPPORTER][ACT]: no location button, and the ZIP form works as before", async ({ page }) => {
    await page.goto("/act/medicare-for-all");
    await expect(page.getByRole("button", { name: t.button })).toBeHidden();
    await page.getByLabel(act.zipLabel).fill("55401");
    await page.getByRole("button", { name: act.findButton }).click();
    await expect(page.getByRole("heading", { level: 2, name: act.resultsHeading("55401", "Minneapolis, MN") })).toBeVisible();
    await expect(page.getByRole("button", { name: t.button })).toBeHidden();
  });
});

test.describe("accessibility", () => {
  test.use({ bypassCSP: true, viewport: { width: 360, height: 800 }, geolocation: NEAR_THE_LINE, permissions: ["geolocation"] });

  test("[SUPPORTER][ACT]: the location button and the results found from a point pass axe at 360 px", async ({ page }) => {
    await page.goto("/act/medicare-for-all");
    await expect(page.getByRole("button", { name: t.button })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`/act/medicare-for-all?lat=${NEAR_THE_LINE.latitude}&lng=${NEAR_THE_LINE.longitude}`);
    await expect(page.getByText(t.nearLine(2))).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
