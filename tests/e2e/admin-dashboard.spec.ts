import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { en } from "../../src/i18n/en.js";
import { E2E_ADMIN_EMAIL } from "./constants.js";
import { axeViolations, expect, screenshotDir, test } from "./fixtures.js";
import { signInByEmail } from "./sign-in-helpers.js";

const t = en.admin;
const unique = `${Date.now()}${Math.floor(Math.random() * 1e4)}`;
const supporter = { name: `Septima Clark ${unique}`, email: `septima.${unique}@example.org`, zip: "29401" };

test.use({ bypassCSP: true, viewport: { width: 360, height: 780 } });

test("[ADMIN][DASHBOARD]: staff see the charts, find a supporter who signed up, open their record and download the CSV", async ({ page }) => {
  // Earlier in the journey: someone signs up for updates.
  await page.goto("/updates");
  await page.getByLabel(en.updates.name).fill(supporter.name);
  await page.getByLabel(en.updates.email).fill(supporter.email);
  await page.getByLabel(en.updates.zip).fill(supporter.zip);
  await page.getByRole("button", { name: en.updates.submit }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.updates.checkHeading);

  // National staff sign in and land on the dashboard.
  await signInByEmail(page, E2E_ADMIN_EMAIL, "/admin");
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.dashboard.heading);
  await expect(page.getByRole("img", { name: t.dashboard.coverageTitle })).toBeVisible();
  await expect(page.getByRole("img", { name: t.dashboard.growthTitle })).toBeVisible();
  await expect(page.getByText(/of 50/).first()).toBeVisible();
  // The numbers behind a chart are one click away.
  await page.getByText(t.dashboard.showTable).first().click();
  await expect(page.getByRole("table", { name: t.dashboard.coverageTitle })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: join(screenshotDir, "admin-dashboard.png"), fullPage: true });

  // Find the supporter by part of their name.
  await page.getByRole("navigation", { name: t.navLabel }).getByRole("link", { name: t.nav.people }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.people.title);
  await page.getByLabel(t.people.qLabel).fill(`Clark ${unique}`);
  await page.getByRole("button", { name: t.people.searchButton }).click();
  await expect(page.getByRole("status")).toHaveText(t.people.resultCount(1));
  const results = page.getByRole("table", { name: t.people.tableCaption });
  await expect(results).toContainText(supporter.email);
  expect(await axeViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: join(screenshotDir, "admin-people.png"), fullPage: true });

  // The CSV link carries the same filter.
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: t.people.exportCsv(1) }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^people-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv.split("\r\n")).toHaveLength(3); // header, one person, trailing line end
  expect(csv).toContain(`${supporter.name},${supporter.email},${supporter.zip},SC,no`);

  // Their record: everything we hold, including the pending national list and the confirmation e-mail.
  await results.getByRole("link", { name: supporter.name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(supporter.name);
  await expect(page.getByText(supporter.email)).toBeVisible();
  await expect(page.locator("#person-lists")).toContainText(t.people.listNames.national);
  await expect(page.locator("#person-lists")).toContainText(t.people.statuses.pending);
  await expect(page.locator("#person-mail")).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: join(screenshotDir, "admin-person.png"), fullPage: true });

  // An unknown person is a 404.
  const missing = await page.goto("/admin/people/99999999");
  expect(missing?.status()).toBe(404);
});
