import { join } from "node:path";
import { en } from "../../src/i18n/en.js";
import { axeViolations, expect, screenshotDir, test } from "./fixtures.js";

const uniqueEmail = (prefix: string) => `${prefix}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.org`;

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("[SUPPORTER][GROUPS]: find groups near a ZIP, open one, join, and confirm from the e-mail", async ({ page }) => {
    const email = uniqueEmail("joiner");
    await page.goto("/");
    await page.getByLabel(en.groups.searchLabel).fill("02139");
    await page.getByRole("button", { name: en.groups.searchButton }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.groups.nearHeading("02139", "Cambridge"));
    const first = page.locator(".group-card").first();
    await expect(first).toContainText("miles away");
    const groupName = (await first.getByRole("link").innerText()).trim();
    await first.getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(groupName);

    await page.getByLabel(en.updates.name).fill("Lucy Parsons");
    await page.getByLabel(en.updates.email).fill(email);
    await page.getByLabel(en.updates.zip).fill("02139");
    await page.getByLabel(en.groups.nationalOptIn).check();
    await page.getByRole("button", { name: en.groups.joinSubmit }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.groups.joinedHeading);

    await page.goto("/dev/mail");
    await page.getByRole("listitem").filter({ hasText: email }).getByRole("link").first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.mail.groupJoinSubject(groupName));
    await page.getByRole("link", { name: /\/updates\/confirm\// }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.updates.confirmedHeading);
    await expect(page.getByText(en.groups.joinedGroups(groupName))).toBeVisible();
  });

  test("[SUPPORTER][FOUND]: someone in a state with no group applies to start one and gets a confirmation", async ({ page }) => {
    const email = uniqueEmail("founder");
    await page.goto("/groups");
    const wyoming = page.locator("#state-wy");
    await expect(wyoming).toContainText(en.groups.noGroupYet("Wyoming"));
    await wyoming.getByRole("link", { name: en.groups.startOne("Wyoming") }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.found.heading);

    // Forgetting the reason: the form comes back with everything else kept.
    await page.getByLabel(en.updates.name).fill("Wilma Mankiller");
    await page.getByLabel(en.updates.email).fill(email);
    await page.getByLabel(en.updates.zip).fill("82001");
    await page.getByLabel(en.found.groupName).fill("Cheyenne Medicare for All");
    await page.getByLabel(en.found.city).fill("Cheyenne");
    await page.getByRole("button", { name: en.found.submit }).click();
    await expect(page.getByRole("alert")).toContainText(`${en.found.why}: ${en.forms.fieldErrors.required}`);
    await expect(page.getByLabel(en.found.groupName)).toHaveValue("Cheyenne Medicare for All");
    await page.getByLabel(en.found.why).fill("There is no group in Wyoming and my union wants one.");
    await page.getByRole("button", { name: en.found.submit }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.found.sentHeading);

    // Pending groups are not listed; the applicant has an acknowledgement in the outbox.
    await page.goto("/groups/wy");
    await expect(page.getByText(en.groups.stateEmpty("Wyoming"))).toBeVisible();
    await page.goto("/dev/mail");
    await expect(page.getByRole("listitem").filter({ hasText: email })).toContainText(en.mail.foundingReceivedSubject("Cheyenne Medicare for All"));
  });

  test("[SUPPORTER][NO-JS]: the directory, a state page and a group page render and submit without JavaScript", async ({ page }) => {
    await page.goto("/groups");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.groups.directoryHeading);
    await page.getByLabel(en.groups.searchLabel).fill("12");
    await page.getByRole("button", { name: en.groups.searchButton }).click();
    await expect(page.getByRole("alert")).toContainText(en.forms.fieldErrors.invalid_zip);
    await page.goto("/groups/ma");
    await page.locator(".group-card a").first().click();
    await page.getByRole("button", { name: en.groups.joinSubmit }).click();
    await expect(page.getByRole("alert")).toContainText(en.forms.fieldErrors.required);
  });
});

test.describe("accessibility and small screens", () => {
  test.use({ bypassCSP: true, viewport: { width: 360, height: 780 } });
  const pages = [
    { name: "groups", path: "/groups" },
    { name: "groups-near", path: "/groups?near=02139" },
    { name: "state", path: "/groups/ma" },
    { name: "state-empty", path: "/groups/wy" },
    { name: "start-a-group", path: "/start-a-group" },
  ];
  for (const { name, path } of pages) {
    test(`[SUPPORTER][A11Y]: ${path} has no axe-core violations and fits 360 px`, async ({ page }) => {
      await page.goto(path);
      expect(await axeViolations(page)).toEqual([]);
      const scrollWidth = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
      expect(scrollWidth).toBeLessThanOrEqual(360);
      await page.screenshot({ path: join(screenshotDir, `360-${name}.png`), fullPage: true });
    });
  }

  test("[SUPPORTER][A11Y]: a group page has no axe-core violations", async ({ page }) => {
    await page.goto("/groups/ma");
    await page.locator(".group-card a").first().click();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotDir, "360-group.png"), fullPage: true });
  });
});
