import { join } from "node:path";
import { en } from "../../src/i18n/en.js";
import { E2E_ADMIN_EMAIL } from "./constants.js";
import { axeViolations, expect, screenshotDir, test } from "./fixtures.js";
import { openNewestMailTo, signInByEmail } from "./sign-in-helpers.js";

const run = Date.now().toString(36);
const m = en.admin.moderation;
const g = en.admin.groups;

async function applyToFound(page: import("@playwright/test").Page, email: string, groupName: string) {
  await page.goto("/start-a-group");
  await page.getByLabel(en.updates.name).fill("Jeannette Rankin");
  await page.getByLabel(en.updates.email).fill(email);
  await page.getByLabel(en.updates.zip).fill("59601");
  await page.getByLabel(en.found.groupName).fill(groupName);
  await page.getByLabel(en.found.city).fill("Helena");
  await page.getByLabel(en.found.why).fill("Montana needs a single-payer group in the capital.");
  await page.getByRole("button", { name: en.found.submit }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.found.sentHeading);
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

test("[ADMIN][MODERATION]: staff approve a founding application, and the founder signs in and edits the new group's page", async ({ page }) => {
  const founderEmail = `founder.${run}@example.org`;
  const groupName = `Helena Medicare for All ${run}`;

  // A supporter applies through the public form.
  await applyToFound(page, founderEmail, groupName);

  // National staff find it in the queue and approve it.
  await signInByEmail(page, E2E_ADMIN_EMAIL, "/admin/applications");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(m.heading);
  await page.getByRole("link", { name: m.review(groupName) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(m.detailTitle(groupName));
  await expect(page.getByText("Montana needs a single-payer group in the capital.")).toBeVisible();
  await expect(page.getByRole("link", { name: founderEmail })).toBeVisible();

  // Turning it down needs a reason: the empty form comes back with the problem named.
  await page.getByRole("button", { name: m.rejectButton }).click();
  await expect(page.getByRole("alert")).toContainText(`${m.reasonLabel}: ${en.forms.fieldErrors.required}`);
  await page.getByRole("button", { name: m.approveButton }).click();
  await expect(page.getByRole("status")).toContainText(`${groupName} is live`);
  await expect(page.getByText(m.decidedNotice(m.statuses.approved))).toBeVisible();
  await page.goto("/admin/applications");
  await expect(page.getByRole("link", { name: m.review(groupName) })).toHaveCount(0);

  // The founder asks for a sign-in link, follows it from the outbox, and edits the group's page.
  await page.context().clearCookies();
  await signInByEmail(page, founderEmail, "/organize");
  await page.getByRole("link", { name: groupName }).first().click();
  await expect(page).toHaveURL(/\/organize\/groups\/\d+$/);
  await page.getByLabel(en.organize.descriptionLabel).fill("We meet at the **Lewis and Clark Library**.");
  await page.getByLabel(en.organize.meetingDetailsLabel).fill("First Monday of the month, 6 pm.");
  await page.getByRole("button", { name: en.organize.save }).click();
  await expect(page.getByText(en.organize.saved)).toBeVisible();

  // Everyone sees it.
  await page.context().clearCookies();
  await page.goto("/groups/mt");
  await page.getByRole("link", { name: groupName }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(groupName);
  await expect(page.getByText("First Monday of the month, 6 pm.")).toBeVisible();
  await expect(page.locator("strong", { hasText: "Lewis and Clark Library" })).toBeVisible();
});

});

test.describe("accessibility and the groups area", () => {
  test.use({ bypassCSP: true });

  test("[ADMIN][MODERATION]: the queue and an application pass axe at phone width", async ({ page }) => {
    const groupName = `Butte Single Payer ${run}`;
    await applyToFound(page, `founder2.${run}@example.org`, groupName);
    await signInByEmail(page, E2E_ADMIN_EMAIL, "/admin/applications");
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotDir, "admin-applications-360.png"), fullPage: true });
    await page.getByRole("link", { name: m.review(groupName) }).click();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotDir, "admin-application-360.png"), fullPage: true });
    await page.getByLabel(m.questionLabel).fill("Who else will organize with you?");
    await page.getByRole("button", { name: m.moreInfoButton }).click();
    await expect(page.getByRole("status")).toHaveText(m.moreInfoSent(groupName));
    await expect(page.getByText(m.statuses.more_info_requested)).toBeVisible();
    const application = page.url();

    // The founder answers on the page the question's e-mail links to, and staff read it.
    await openNewestMailTo(page, `founder2.${run}@example.org`, en.mail.foundingMoreInfoSubject(groupName));
    const link = await page.getByRole("link", { name: /\/start-a-group\/answer\// }).first().getAttribute("href");
    await page.goto(new URL(link!).pathname);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.found.answerTitle);
    await expect(page.locator("blockquote")).toHaveText("Who else will organize with you?");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel(en.found.answerLabel).fill("Two teachers from Butte High and a nurse at St. James.");
    await page.getByRole("button", { name: en.found.answerButton }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.found.answeredTitle);
    await page.goto(application);
    await expect(page.getByText("Two teachers from Butte High and a nurse at St. James.")).toBeVisible();
  });

test("[ADMIN][GROUPS]: staff find a group, preview a CSV import with bad rows, then import a good one", async ({ page }) => {
  await signInByEmail(page, E2E_ADMIN_EMAIL, "/admin/groups");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(g.heading);
  await page.getByLabel(g.filters.state).selectOption("MN");
  await page.getByRole("button", { name: g.filters.submit }).click();
  await expect(page).toHaveURL(/state=MN/);
  expect(await axeViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: join(screenshotDir, "admin-groups-360.png"), fullPage: true });

  // The first group's edit page: every field, organizers, listing and merge.
  await page.locator(".data-table tbody a").first().click();
  await expect(page).toHaveURL(/\/admin\/groups\/\d+$/);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: join(screenshotDir, "admin-group-edit-360.png"), fullPage: true });

  await page.goto("/admin/groups/import");
  const name = `Imported Group ${run}`;
  await page.getByLabel(g.importText).fill(["name,state,kind,website_url", `${name},MN,local group,https://example.org`, ",MN,local group,", "Nowhere,ZZ,local group,ftp://x"].join("\n"));
  await page.getByRole("button", { name: g.importButton }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(g.previewTitle);
  await expect(page.getByRole("status")).toHaveText(g.previewCounts(1, 0, 0, 2));
  await expect(page.getByText(g.rowError("name", g.rowErrors.required))).toBeVisible();
  await expect(page.getByText(g.rowError("state", g.rowErrors.invalid_choice))).toBeVisible();
  await expect(page.getByText(g.rowError("website_url", g.rowErrors.invalid_url))).toBeVisible();
  await expect(page.getByRole("button", { name: g.confirmButton })).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: join(screenshotDir, "admin-groups-import-preview-360.png"), fullPage: true });

  await page.goto("/admin/groups/import");
  await page.getByLabel(g.importText).fill(["name,state,kind,city", `${name},MN,local group,Duluth`].join("\n"));
  await page.getByRole("button", { name: g.importButton }).click();
  await page.getByRole("button", { name: g.confirmButton }).click();
  await expect(page.getByRole("status").first()).toHaveText(g.imported(1, 0));
  await page.getByLabel(g.filters.q).fill(name);
  await page.getByRole("button", { name: g.filters.submit }).click();
  await expect(page.getByRole("link", { name })).toBeVisible();
});
});
