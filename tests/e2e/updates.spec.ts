import { join } from "node:path";
import { en } from "../../src/i18n/en.js";
import { axeViolations, expect, screenshotDir, test } from "./fixtures.js";

const uniqueEmail = () => `e2e.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.org`;

// The whole journey works without JavaScript: plain forms, links and redirects.
test.use({ javaScriptEnabled: false });

test("[SUPPORTER][UPDATES]: sign up, fix a mistake, confirm from the e-mail, then unsubscribe in one click", async ({ page }) => {
  const email = uniqueEmail();
  await page.goto("/");
  await page.getByRole("navigation", { name: en.nav.label }).getByRole("link", { name: en.nav.updates }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.updates.heading);
  await expect(page.getByText(en.updates.listNotice)).toBeVisible();

  // A typo in the ZIP code: the form comes back with what was typed and says what to fix.
  await page.getByLabel(en.updates.name).fill("Fannie Lou Hamer");
  await page.getByLabel(en.updates.email).fill(email);
  await page.getByLabel(en.updates.zip).fill("5540");
  await page.getByRole("button", { name: en.updates.submit }).click();
  await expect(page.getByRole("alert")).toContainText(en.forms.fieldErrors.invalid_zip);
  await expect(page.getByLabel(en.updates.email)).toHaveValue(email);
  await page.screenshot({ path: join(screenshotDir, "updates-error.png"), fullPage: true });

  await page.getByLabel(en.updates.zip).fill("55401");
  await page.getByRole("button", { name: en.updates.submit }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.updates.checkHeading);

  // Without SMTP the mail waits in the outbox at /dev/mail; follow its confirmation link.
  await page.goto("/dev/mail");
  await page.getByRole("listitem").filter({ hasText: email }).filter({ hasText: "confirm" }).getByRole("link").click();
  await page.getByRole("link", { name: /\/updates\/confirm\// }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.updates.confirmedHeading);

  // The welcome message carries a one-click unsubscribe link.
  await page.goto("/dev/mail");
  await page.getByRole("listitem").filter({ hasText: email }).filter({ hasText: "welcome" }).getByRole("link").click();
  await page.getByRole("link", { name: /\/unsubscribe\// }).click();
  await expect(page.getByText(en.unsubscribe.question(en.mail.listNational))).toBeVisible();
  await page.getByRole("button", { name: en.unsubscribe.button }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.unsubscribe.doneHeading);

  // Changed their mind: the preferences page turns national updates back on.
  await page.getByRole("link", { name: en.updates.preferencesLink }).click();
  await expect(page.getByRole("checkbox", { name: en.mail.listNational })).not.toBeChecked();
  await page.getByRole("checkbox", { name: en.mail.listNational }).check();
  await page.getByRole("button", { name: en.preferences.save }).click();
  await expect(page.getByText(en.preferences.saved)).toBeVisible();
  await expect(page.getByRole("checkbox", { name: en.mail.listNational })).toBeChecked();
});

test.describe("accessibility of the sign-up form", () => {
  test.use({ javaScriptEnabled: true, bypassCSP: true, viewport: { width: 360, height: 780 } });

  test("[SUPPORTER][A11Y]: the sign-up form, with and without errors, has no axe-core violations and fits 360 px", async ({ page }) => {
    await page.goto("/updates");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: en.updates.submit }).click();
    await expect(page.getByRole("alert")).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    const scrollWidth = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
    expect(scrollWidth).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(screenshotDir, "360-updates-errors.png"), fullPage: true });
  });
});
