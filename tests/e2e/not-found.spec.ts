import { en } from "../../src/i18n/en.js";
import { es } from "../../src/i18n/es.js";
import { expect, test } from "./fixtures.js";

test("[SUPPORTER][NOT-FOUND]: a mistyped address explains itself and leads home", async ({ page }) => {
  const res = await page.goto("/groups/no-such-page");
  expect(res?.status()).toBe(404);
  await expect(page).toHaveTitle(new RegExp(en.errors.notFoundTitle));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.errors.notFoundHeading);
  await page.getByRole("link", { name: en.errors.backHome }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.home.heading);
});

test("[SUPPORTER][NOT-FOUND]: the 404 page speaks Spanish to a Spanish browser", async ({ browser }) => {
  const context = await browser.newContext({ locale: "es-US" });
  const page = await context.newPage();
  const res = await page.goto("/no-such-page");
  expect(res?.status()).toBe(404);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(es.errors.notFoundHeading);
  await context.close();
});
