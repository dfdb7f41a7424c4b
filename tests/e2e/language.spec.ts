import { en } from "../../src/i18n/en.js";
import { es } from "../../src/i18n/es.js";
import { expect, test } from "./fixtures.js";

test("[SUPPORTER][LANGUAGE]: switch to Spanish, keep it across pages, and switch back", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  await page.getByRole("link", { name: en.footer.otherLanguage }).click();
  await expect(page).toHaveURL(/[?&]lang=es/);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(es.home.heading);

  // The choice follows the person around the site.
  await page.getByRole("navigation", { name: es.nav.label }).getByRole("link", { name: es.nav.aboutData }).click();
  await expect(page).toHaveURL(/\/about\/data\?lang=es/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(es.aboutData.heading);

  await page.getByRole("link", { name: es.footer.otherLanguage }).click();
  await expect(page).toHaveURL(/\/about\/data\?lang=en/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.aboutData.heading);
});
