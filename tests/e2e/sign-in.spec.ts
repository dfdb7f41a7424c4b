import { join } from "node:path";
import { en } from "../../src/i18n/en.js";
import { E2E_ADMIN_EMAIL } from "./constants.js";
import { axeViolations, expect, screenshotDir, test } from "./fixtures.js";
import { signInByEmail } from "./sign-in-helpers.js";

const t = en.accounts;

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });

  test("[STAFF][SIGN-IN]: staff sign in with an e-mailed link, set a password, sign out, and sign in with it", async ({ page }) => {
    await signInByEmail(page, E2E_ADMIN_EMAIL, undefined, { fresh: true });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.accountTitle);
    await expect(page.getByText(t.adminRole)).toBeVisible();
    await page.screenshot({ path: join(screenshotDir, "account.png"), fullPage: true });

    await page.getByLabel(t.newPasswordLabel).fill("short");
    await page.getByRole("button", { name: t.setPasswordButton }).click();
    await expect(page.locator(".error-summary")).toContainText(en.forms.fieldErrors.too_short);
    await page.getByLabel(t.newPasswordLabel).fill("ella baker grassroots 1960");
    await page.getByRole("button", { name: t.setPasswordButton }).click();
    await expect(page.getByText(t.passwordSaved)).toBeVisible();

    await page.getByRole("button", { name: t.signOut, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.signedOutTitle);
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin$/);

    const form = page.locator("#sign-in-password");
    await form.getByLabel(t.emailLabel).fill(E2E_ADMIN_EMAIL);
    await form.getByLabel(t.passwordLabel).fill("not the password");
    await form.getByRole("button", { name: t.passwordButton }).click();
    await expect(page.locator(".error-summary")).toContainText(en.forms.fieldErrors.no_match);
    await page.locator("#sign-in-password").getByLabel(t.passwordLabel).fill("ella baker grassroots 1960");
    await page.locator("#sign-in-password").getByRole("button", { name: t.passwordButton }).click();
    await expect(page).toHaveURL(/\/admin$/);
  });

  test("[SUPPORTER][SIGN-IN]: a supporter asking for a link sees the same page and gets no mail", async ({ page }) => {
    const email = `supporter.${Date.now()}@example.org`;
    await page.goto("/sign-in");
    await page.locator("#sign-in-link").getByLabel(t.emailLabel).fill(email);
    await page.getByRole("button", { name: t.sendLink }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.checkEmailTitle);
    await page.goto("/dev/mail");
    await expect(page.getByText(`to ${email}`)).toHaveCount(0);
  });
});

test.describe("accessibility", () => {
  test.use({ bypassCSP: true, viewport: { width: 360, height: 800 } });

  test("[STAFF][A11Y]: the sign-in page passes axe at 360 px", async ({ page }) => {
    await page.goto("/sign-in");
    expect(await axeViolations(page)).toEqual([]);
  });
});
