import { en } from "../../src/i18n/en.js";
import { es } from "../../src/i18n/es.js";
import { expect, test } from "./fixtures.js";

test.use({ javaScriptEnabled: false });

test("[SUPPORTER][NO-JS]: every page works with JavaScript turned off", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.home.heading);
  // Styles still load (they come from our own origin and need no script).
  await expect(page.locator(".site-header")).toHaveCSS("display", "flex");

  await page.getByRole("navigation", { name: en.nav.label }).getByRole("link", { name: en.nav.aboutData }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.aboutData.heading);

  await page.getByRole("link", { name: en.footer.otherLanguage }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(es.aboutData.heading);

  await page.getByRole("navigation", { name: es.nav.label }).getByRole("link", { name: es.nav.home }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(es.home.heading);

  // The skip link is a plain anchor and works without script.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: es.meta.skipToContent })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});
