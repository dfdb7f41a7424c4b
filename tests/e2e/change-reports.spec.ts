import { en } from "../../src/i18n/en.js";
import { E2E_ADMIN_EMAIL } from "./constants.js";
import { expect, test } from "./fixtures.js";
import { signInByEmail } from "./sign-in-helpers.js";

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });

  test("[SUPPORTER][STAFF][REPORT]: a visitor reports that a group stopped meeting; staff see it in the queue and resolve it", async ({ page }) => {
    const t = en.groups;
    const message = `Stopped meeting, seen ${Date.now()}`;
    await page.goto("/groups/ma");
    const first = page.locator(".group-card").first();
    const groupName = (await first.getByRole("link").first().innerText()).trim();
    await first.getByRole("link").first().click();
    await page.getByText(t.reportHeading).click();
    await page.getByLabel(t.reportKinds.not_meeting).check();
    await page.getByLabel(t.reportMessage).fill(message);
    await page.getByRole("button", { name: t.reportSubmit }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.reportSentTitle);
    await expect(page.getByText(t.reportSentBody(groupName))).toBeVisible();

    const m = en.admin.moderation;
    await signInByEmail(page, E2E_ADMIN_EMAIL, "/admin/applications");
    const report = page.locator(".card").filter({ hasText: message });
    await expect(report).toContainText(groupName);
    await expect(report).toContainText(m.reportKinds.not_meeting);
    await report.getByLabel(m.reportNoteLabel).fill("Took it off the directory.");
    await report.getByRole("button", { name: m.reportClose }).click();
    await expect(page.getByText(m.reportClosedNotice)).toBeVisible();
    await expect(page.locator(".card").filter({ hasText: message })).toHaveCount(0);
  });
});
