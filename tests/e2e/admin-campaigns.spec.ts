import { join } from "node:path";
import { en } from "../../src/i18n/en.js";
import { E2E_ADMIN_EMAIL } from "./constants.js";
import { axeViolations, expect, screenshotDir, test } from "./fixtures.js";
import { signInByEmail } from "./sign-in-helpers.js";

const t = en.admin.campaigns;
const askLabel = `${t.fieldLabel(t.fields.callScript, t.variants.notCosponsor)} (${t.languages.en})`;
const newScript =
  "Hi, my name is {callerName} from {callerPlace}. Health care is a human right: please cosponsor {bill}, {memberTitle} {memberLastName}.";

// The campaign pages load no script: the preview is a plain form post that renders the same
// page with the samples, so this journey is the no-JavaScript one too (axe needs scripts on).
test.use({ bypassCSP: true, viewport: { width: 360, height: 780 } });

test("[ADMIN][CAMPAIGNS]: staff edit the call script, preview it for a cosponsor and a non-cosponsor, save, see it on /act and in the audit log", async ({ page }) => {
  await signInByEmail(page, E2E_ADMIN_EMAIL, "/admin/campaigns");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.title);
  const list = page.getByRole("table", { name: t.tableCaption });
  await expect(list.getByRole("row").filter({ hasText: "/act/medicare-for-all" })).toContainText(t.active);
  expect(await axeViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: join(screenshotDir, "admin-campaigns-list.png"), fullPage: true });

  await list.getByRole("link", { name: "Get your members of Congress on board for Medicare for All" }).click();
  await expect(page).toHaveURL(/\/admin\/campaigns\/medicare-for-all$/);
  const ask = page.getByLabel(askLabel, { exact: true });
  const original = await ask.inputValue();

  // A typo in a placeholder is caught and named before anything is saved.
  await ask.fill("Please cosponsor {bil}.");
  await page.getByRole("button", { name: t.save }).click();
  await expect(page.getByRole("alert")).toContainText(t.errors.unknownPlaceholders("{bil}", "").split(". Use")[0]!);
  await expect(page.getByLabel(askLabel, { exact: true })).toHaveValue("Please cosponsor {bil}.");
  await page.screenshot({ path: join(screenshotDir, "admin-campaigns-error.png") });

  // Preview: the ask for a member not on the bill, the thank-you for one who is; nothing saved.
  await page.getByLabel(askLabel, { exact: true }).fill(newScript);
  await page.getByRole("button", { name: t.preview }).click();
  const notOnBill = page.locator("#sample-not-cosponsor");
  const onBill = page.locator("#sample-cosponsor");
  await expect(notOnBill.getByRole("heading", { name: t.sampleNotCosponsor })).toBeVisible();
  await expect(notOnBill).toContainText(/Hi, my name is Alex Rivera from Minneapolis, MN 55401\. Health care is a human right: please cosponsor H\.R\.3069, Representative \S+\./);
  await expect(onBill.getByRole("heading", { name: t.sampleCosponsor })).toBeVisible();
  await expect(onBill).toContainText(t.stanceLabel(t.stances.sponsor));
  await expect(onBill).not.toContainText("Health care is a human right");
  await expect(page.getByLabel(askLabel, { exact: true })).toHaveValue(newScript);
  expect(await axeViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: join(screenshotDir, "admin-campaigns-preview.png"), fullPage: true });
  await page.locator("#preview").screenshot({ path: join(screenshotDir, "admin-campaigns-preview-samples.png") });
  await page.locator(".campaign-form-actions").screenshot({ path: join(screenshotDir, "admin-campaigns-preview-actions.png") });

  await page.getByRole("button", { name: t.save }).click();
  await expect(page).toHaveURL(/\/admin\/campaigns\/medicare-for-all\?saved=1$/);
  await expect(page.getByRole("status")).toContainText(t.saved("Get your members of Congress on board for Medicare for All"));

  // The public page uses the new words for members who are not on the bill.
  await page.goto("/act/medicare-for-all?zip=55401");
  await expect(page.locator(".script").filter({ hasText: "Health care is a human right: please cosponsor S.1506, Senator" }).first()).toBeAttached();

  // The audit log shows who changed what.
  await page.goto("/admin/audit");
  const row = page.getByRole("table", { name: en.admin.audit.tableCaption }).getByRole("row").filter({ hasText: "campaign.update" }).first();
  await expect(row).toContainText("Ella Baker");
  await expect(row).toContainText("campaign:medicare-for-all");
  await expect(row).toContainText("en-callScript-notCosponsor");
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: join(screenshotDir, "admin-audit.png"), fullPage: true });

  // Put the words back for the journeys that read the default script.
  await page.goto("/admin/campaigns/medicare-for-all");
  await page.getByLabel(askLabel, { exact: true }).fill(original);
  await page.getByRole("button", { name: t.save }).click();
  await expect(page).toHaveURL(/saved=1$/);
});

test("[ADMIN][COSPONSORS]: staff see each bill's list and a bad upload is refused with the reason", async ({ page }) => {
  const c = en.admin.cosponsors;
  await signInByEmail(page, E2E_ADMIN_EMAIL, "/admin/cosponsors");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(c.title);
  await expect(page.getByRole("table", { name: c.tableCaption }).getByRole("link", { name: "H.R.3069" })).toHaveAttribute("href", "/cosponsors/hr3069-119");
  await page.getByLabel(c.billLabel, { exact: true }).selectOption("119-hr3069");
  await page.getByLabel(c.textLabel).fill("this is not a roll");
  await page.getByRole("button", { name: c.upload }).click();
  await expect(page.getByRole("alert")).toContainText("neither XML nor JSON");
  await expect(page.getByRole("alert")).toContainText(c.nothingChanged);
  expect(await axeViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: join(screenshotDir, "admin-cosponsors.png"), fullPage: true });
});
