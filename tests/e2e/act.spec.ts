import { join } from "node:path";
import type { Locator, Page } from "@playwright/test";
import { en } from "../../src/i18n/en.js";
import { axeViolations, expect, screenshotDir, test } from "./fixtures.js";

const t = en.act;

async function findMembers(page: Page, zip: string, name?: string) {
  await page.goto("/act");
  await expect(page).toHaveURL(/\/act\/medicare-for-all$/);
  await page.getByLabel(t.zipLabel).fill(zip);
  if (name) await page.getByLabel(t.nameLabel).fill(name);
  await page.getByRole("button", { name: t.findButton }).click();
}

/** "3 calls to Sen. Amy Klobuchar this week" → 3 (other journeys may have called too). */
async function callsIn(card: Locator): Promise<number> {
  const text = await card.locator(".member-counter").innerText();
  return Number(/^([\d,]+) call/.exec(text)?.[1]?.replace(/,/g, "") ?? NaN);
}

test.describe("with JavaScript", () => {
  test.use({ viewport: { width: 360, height: 800 } });

  test("[SUPPORTER][ACT]: enter a ZIP, see members and statuses, open the call script, report the call inline", async ({ page }) => {
    await findMembers(page, "55401", "Ana");
    await expect(page.getByRole("heading", { level: 2, name: t.resultsHeading("55401", "Minneapolis, MN") })).toBeVisible();

    const klobuchar = page.locator("#member-K000367");
    await expect(klobuchar.getByRole("heading", { name: "Sen. Amy Klobuchar" })).toBeVisible();
    await expect(klobuchar.locator(".status")).toContainText("Not a cosponsor of S.1506 (as of September 26, 2026)");
    await expect(page.locator("#member-O000173 .status")).toContainText("Cosponsor of H.R.3069 since April 29, 2025");

    await klobuchar.getByText(t.callHeading, { exact: true }).click();
    await expect(klobuchar.locator(".script")).toContainText("Hi, my name is Ana and I'm a constituent from Minneapolis, MN 55401.");
    await expect(klobuchar.getByRole("link", { name: "202-224-3244" })).toHaveAttribute("href", "tel:+12022243244");

    const before = await callsIn(klobuchar);
    const url = page.url();
    await klobuchar.getByRole("button", { name: t.outcomes.left_voicemail }).click();
    await expect(klobuchar.locator(".outcome-status").first()).toHaveText(t.thanksLogged);
    await expect(klobuchar.locator(".member-counter")).toHaveText(t.callsThisWeek(before + 1, "Sen. Amy Klobuchar"));
    expect(page.url()).toBe(url); // no page load: the script sent it

    await klobuchar.getByText(t.writeHeading, { exact: true }).click();
    await expect(klobuchar.locator(`#letter-K000367`)).toHaveValue(/I am asking you to cosponsor S\.1506/);
    await expect(klobuchar.getByRole("button", { name: t.copy }).first()).toBeVisible();
    await page.screenshot({ path: join(screenshotDir, "act-results-js.png"), fullPage: true });
  });

  test("[SUPPORTER][ACT]: a returning visitor sees their members straight away and can change the ZIP", async ({ page }) => {
    await findMembers(page, "05401");
    await expect(page.locator("#member-S000033 .status")).toContainText("Sponsor of S.1506");
    await page.goto("/act/medicare-for-all");
    await expect(page.getByRole("heading", { level: 2, name: t.resultsHeading("05401", "Burlington, VT") })).toBeVisible();
    await page.getByRole("link", { name: t.changeZip }).click();
    await page.getByLabel(t.zipLabel).fill("20001");
    await page.getByRole("button", { name: t.findButton }).click();
    await expect(page.getByText(t.noSenators("District of Columbia"))).toBeVisible();
    await expect(page.getByRole("heading", { name: "Del. Eleanor Holmes Norton" })).toBeVisible();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });

  test("[SUPPORTER][ACT]: report a call with a plain form post and come back to the card with the counter moved", async ({ page }) => {
    await findMembers(page, "55401");
    const smith = page.locator("#member-S001203");
    await smith.getByText(t.callHeading, { exact: true }).click();
    await expect(smith.locator(".script")).toContainText("Hi, my name is [your name]");
    const before = await callsIn(smith);
    await smith.getByRole("button", { name: t.outcomes.talked_to_staff }).click();
    await expect(page).toHaveURL(/logged=S001203#member-S001203$/);
    const after = page.locator("#member-S001203");
    await expect(after.locator(".outcome-status").first()).toHaveText(t.thanksLogged);
    await expect(after.locator(".member-counter")).toHaveText(t.callsThisWeek(before + 1, "Sen. Tina Smith"));
    // Copying needs a script, so the button stays hidden; the text can still be selected.
    await after.getByText(t.writeHeading, { exact: true }).click();
    await expect(after.getByRole("button", { name: t.copy })).toHaveCount(0);
    await page.screenshot({ path: join(screenshotDir, "act-results-nojs.png"), fullPage: true });
  });

  test("[SUPPORTER][ACT]: a ZIP split between districts shows every candidate, and a failed address search keeps them", async ({ page }) => {
    await findMembers(page, "10001");
    await expect(page.getByRole("heading", { name: t.houseHeadingAmbiguous })).toBeVisible();
    await expect(page.locator(".member-card h4")).toContainText(["Rep. Daniel S. Goldman", "Rep. Jerrold Nadler"]);
    await page.getByLabel(t.addressLabel).fill("350 5th Ave");
    await page.getByRole("button", { name: t.addressButton }).click();
    // The journeys run with GEOCODER_URL=off: the page must say so and keep both candidates.
    await expect(page.getByText(t.addressUnavailable)).toBeVisible();
    await expect(page.locator(".member-card h4")).toContainText(["Rep. Daniel S. Goldman", "Rep. Jerrold Nadler"]);
  });

  test("[SUPPORTER][ACT]: an unknown ZIP gets a message and the form, not an error page", async ({ page }) => {
    await page.goto("/act/medicare-for-all");
    await page.getByLabel(t.zipLabel).fill("00000");
    await page.getByRole("button", { name: t.findButton }).click();
    await expect(page.locator(".error-summary")).toContainText(en.forms.fieldErrors.unknown_zip);
    await expect(page.getByLabel(t.zipLabel)).toHaveValue("00000");
  });
});

test.describe("accessibility", () => {
  test.use({ bypassCSP: true, viewport: { width: 360, height: 800 } });

  test("[SUPPORTER][ACT]: the results page, with every section open, passes axe at 360 px", async ({ page }) => {
    await page.goto("/act/medicare-for-all?zip=10001");
    for (const summary of await page.locator("details.action > summary").all()) await summary.click();
    expect(await axeViolations(page)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
