import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { en } from "../../src/i18n/en.js";
import { E2E_ADMIN_EMAIL } from "./constants.js";
import { axeViolations, expect, screenshotDir, test } from "./fixtures.js";
import { openNewestMailTo, signInByEmail } from "./sign-in-helpers.js";

const t = en.organize;
const uniqueEmail = (prefix: string) => `${prefix}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.org`;

/** Two seeded groups, read from the staff's broadcast audience chooser: [id, name]. */
async function twoGroups(page: Page): Promise<[{ id: string; name: string }, { id: string; name: string }]> {
  await page.goto("/admin/broadcasts");
  const options = page.locator("#field-groupId option:not([value=''])");
  const read = async (i: number) => ({
    id: (await options.nth(i).getAttribute("value"))!,
    name: (await options.nth(i).innerText()).replace(/^[A-Z]{2} · /, "").trim(),
  });
  return [await read(0), await read(1)];
}

/** Follow the link in the newest mail to `email` whose text contains `part`, on the journey's own host. */
async function followMailLink(page: Page, email: string, subject: string, part: RegExp) {
  await openNewestMailTo(page, email, subject);
  const href = await page.getByRole("link", { name: part }).first().getAttribute("href");
  const url = new URL(href!);
  await page.goto(`${url.pathname}${url.search}`);
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("[ORGANIZER][MEMBERS]: staff open a group's members, export them and e-mail them (preview, test, send, progress)", async ({ page }) => {
    await signInByEmail(page, E2E_ADMIN_EMAIL);
    const [group] = await twoGroups(page);

    // A supporter joins the group and confirms, so there is someone to export and e-mail.
    await page.goto(`/organize/groups/${group.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${group.name}: ${t.nav.page}`);
    await page.getByRole("link", { name: t.viewPublicPage }).click();
    const member = uniqueEmail("member");
    await page.getByLabel(en.updates.name).fill("Septima Clark");
    await page.getByLabel(en.updates.email).fill(member);
    await page.getByLabel(en.updates.zip).fill("02139");
    await page.getByRole("button", { name: en.groups.joinSubmit }).click();
    await followMailLink(page, member, en.mail.groupJoinSubject(group.name), /\/updates\/confirm\//);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.updates.confirmedHeading);

    await page.goto(`/organize/groups/${group.id}/members`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${group.name}: ${t.nav.members}`);
    await expect(page.getByRole("row", { name: /Septima Clark/ })).toContainText("02139");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: t.downloadCsv }).click()]);
    expect(download.suggestedFilename()).toMatch(/-members-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv).toContain("name,email,zip,phone,status,joined");
    expect(csv).toContain(`Septima Clark,${member},02139`);

    // Write to the members: a bad form first, then preview, a test to ourselves, send.
    await page.getByRole("link", { name: t.nav.email }).click();
    await page.getByRole("button", { name: t.composer.preview }).click();
    await expect(page.getByRole("alert")).toContainText(`${t.composer.subjectLabel}: ${en.forms.fieldErrors.required}`);
    const subject = `Meeting moved ${Date.now()}`;
    await page.getByLabel(t.composer.subjectLabel, { exact: true }).fill(subject);
    await page.getByLabel(t.composer.bodyLabel, { exact: true }).fill("We meet **Thursday** this week.");
    await page.getByRole("button", { name: t.composer.preview }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${group.name}: ${t.composer.previewHeading}`);
    await expect(page.locator(".prose strong")).toHaveText("Thursday");
    await page.getByRole("button", { name: t.composer.sendTest }).click();
    await expect(page.getByRole("status")).toHaveText(t.composer.testSent(E2E_ADMIN_EMAIL));
    const review = page.url();
    await openNewestMailTo(page, E2E_ADMIN_EMAIL, `[TEST] ${subject}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`[TEST] ${subject}`);
    await expect(page.locator(".mail-text")).toContainText("We meet Thursday this week.");

    await page.goto(review);
    const send = page.getByRole("button", { name: /^Send to \d+ (person|people)$/ });
    await send.click();
    await expect(page.getByRole("heading", { level: 2, name: new RegExp(t.composer.progressHeading) })).toBeVisible();
    await expect(page.locator('[data-progress="recipients"]')).not.toHaveText("0");
    await expect(page.getByRole("term").filter({ hasText: t.composer.counts.sent })).toBeVisible();
    // The mail worker runs in the app: a refresh or two shows the message sent.
    await expect(async () => {
      await page.goto(page.url());
      await expect(page.locator('[data-progress="status"]')).toHaveText(t.composer.statuses.sent);
    }).toPass({ timeout: 15_000 });
    // The outbox lists a broadcast's copies by template (their body is rendered as each is sent).
    await page.goto("/dev/mail");
    await expect(page.getByRole("listitem").filter({ hasText: `to ${member}` }).filter({ hasText: "broadcast · sent" })).toHaveCount(1);
  });

  test("[ORGANIZER][MEMBERS]: a draft nobody will send can be thrown away", async ({ page }) => {
    await signInByEmail(page, E2E_ADMIN_EMAIL);
    const [group] = await twoGroups(page);
    await page.goto(`/organize/groups/${group.id}/email`);
    await page.getByLabel(t.composer.subjectLabel, { exact: true }).fill(`Draft to drop ${Date.now()}`);
    await page.getByLabel(t.composer.bodyLabel, { exact: true }).fill("Never mind.");
    await page.getByRole("button", { name: t.composer.preview }).click();
    await page.getByRole("button", { name: t.composer.deleteDraft }).click();
    await expect(page.getByRole("status")).toHaveText(t.composer.draftDeleted);
  });

  test("[ORGANIZER][ACCESS]: an invited co-organizer runs their group and cannot open another group's members", async ({ page }) => {
    await signInByEmail(page, E2E_ADMIN_EMAIL);
    const [groupA, groupB] = await twoGroups(page);
    const organizer = uniqueEmail("organizer");
    await page.goto(`/organize/groups/${groupA.id}`);
    await page.getByLabel(t.inviteName).fill("Jo Ann Robinson");
    await page.getByLabel(t.inviteEmail).fill(organizer);
    await page.getByRole("button", { name: t.inviteButton }).click();
    await expect(page.getByRole("status").first()).toHaveText(t.invited(organizer));
    await page.getByRole("button", { name: en.accounts.signOut }).click();

    await followMailLink(page, organizer, en.mail.inviteSubject(groupA.name), /\/sign-in\//);
    await page.getByRole("button", { name: en.accounts.confirmButton }).click();
    await page.goto("/organize");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.title);
    await expect(page.getByRole("link", { name: groupA.name })).toBeVisible();
    await expect(page.getByRole("link", { name: groupB.name })).toHaveCount(0);

    const response = await page.goto(`/organize/groups/${groupB.id}/members`);
    expect(response?.status()).toBe(403);
    await expect(page.locator(".error-status")).toHaveText("403");
    await expect(page.getByText(groupB.name)).toHaveCount(0);
    expect((await page.goto(`/organize/groups/${groupB.id}/members.csv`))?.status()).toBe(403);
    expect((await page.goto(`/organize/groups/${groupA.id}/members`))?.status()).toBe(200);

    // Their own group: export who joined (without e-mail addresses, which only staff see) and write to them.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: t.downloadCsv }).click()]);
    expect(download.suggestedFilename()).toMatch(/-members-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(readFileSync((await download.path())!, "utf8")).toContain("name,zip,phone,status,joined");
    await page.getByRole("link", { name: t.nav.email }).click();
    await page.getByLabel(t.composer.subjectLabel, { exact: true }).fill(`Potluck ${Date.now()}`);
    await page.getByLabel(t.composer.bodyLabel, { exact: true }).fill("Bring a dish on Saturday.");
    await page.getByRole("button", { name: t.composer.preview }).click();
    await page.getByRole("button", { name: /^Send to \d+ (person|people)$/ }).click();
    await expect(page.getByRole("heading", { level: 2, name: new RegExp(t.composer.progressHeading) })).toBeVisible();
  });
});

test.describe("accessibility and small screens", () => {
  test.use({ bypassCSP: true, viewport: { width: 360, height: 780 } });

  test("[ORGANIZER]: the organizer pages and the staff composer pass axe and fit a phone", async ({ page }) => {
    await signInByEmail(page, E2E_ADMIN_EMAIL);
    const [group] = await twoGroups(page);
    const pages: [string, string][] = [
      ["organize-home", "/organize"],
      ["organize-group", `/organize/groups/${group.id}`],
      ["organize-members", `/organize/groups/${group.id}/members`],
      ["organize-email", `/organize/groups/${group.id}/email`],
      ["admin-broadcasts", "/admin/broadcasts"],
    ];
    for (const [name, path] of pages) {
      await page.goto(path);
      expect(await axeViolations(page), path).toEqual([]);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${path} scrolls sideways`).toBeLessThanOrEqual(360);
      await page.screenshot({ path: join(screenshotDir, `${name}-360.png`), fullPage: true });
    }
    // A refused form and a preview.
    await page.goto(`/organize/groups/${group.id}`);
    await page.getByLabel(t.websiteLabel).fill("not a web address");
    await page.getByRole("button", { name: t.save }).click();
    await expect(page.getByRole("alert")).toContainText(en.forms.fieldErrors.invalid_url);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotDir, "organize-group-error-360.png"), fullPage: true });
    await page.goto(`/organize/groups/${group.id}/email`);
    await page.getByLabel(t.composer.subjectLabel, { exact: true }).fill("Accessibility check");
    await page.getByLabel(t.composer.bodyLabel, { exact: true }).fill("- one\n- two");
    await page.getByRole("button", { name: t.composer.preview }).click();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotDir, "organize-email-preview-360.png"), fullPage: true });
  });
});
