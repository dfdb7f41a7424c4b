import { join } from "node:path";
import type { Page } from "@playwright/test";
import { en } from "../../src/i18n/en.js";
import { E2E_ADMIN_EMAIL } from "./constants.js";
import { axeViolations, expect, screenshotDir, test } from "./fixtures.js";
import { signInByEmail } from "./sign-in-helpers.js";

const t = en.eventsAdmin;
const ZONE = "America/Chicago";

/** The wall-clock time in Chicago `hours` from now, on the hour, as <input type="datetime-local"> takes it. */
function chicagoIn(hours: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone: ZONE, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit" })
      .formatToParts(new Date(Date.now() + hours * 3600_000))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:00`;
}

/** Staff fill in the national event form (after sending it empty once) and feature the event. */
async function createAndFeatureLiveConference(page: Page, title: string, check: (step: string) => Promise<void>) {
  await signInByEmail(page, E2E_ADMIN_EMAIL);
  await page.goto("/admin/events");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.staff.title);
  await page.getByRole("link", { name: t.staff.newNational }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.newNationalTitle);

  // A form sent empty comes back with every problem listed and linked to its field.
  await page.getByRole("button", { name: t.form.createButton }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText(`${t.form.titleLabel}: ${en.forms.fieldErrors.required}`);
  await expect(summary).toContainText(`${t.form.startsLabel}: ${en.forms.fieldErrors.required}`);
  await check("event-form-errors");

  // On now: started an hour ago, ends in two hours, in its own zone.
  await page.getByLabel(t.form.titleLabel).fill(title);
  await page.getByLabel(t.form.kinds.conference).check();
  await page.getByLabel(t.form.descriptionLabel).fill("Two days of **planning** for the next Congress.");
  await page.getByLabel(t.form.startsLabel).fill(chicagoIn(-1));
  await page.getByLabel(t.form.endsLabel).fill(chicagoIn(2));
  await page.getByLabel(t.form.timeZoneLabel).selectOption(ZONE);
  await page.getByLabel(t.form.formats.online, { exact: true }).check();
  await page.getByLabel(t.form.livestreamLabel).fill("https://stream.example.org/strategy");
  await check("event-form");
  await page.getByRole("button", { name: t.form.createButton }).click();

  await expect(page.getByRole("status")).toHaveText(t.created);
  const row = page.getByRole("row", { name: new RegExp(title) });
  await expect(row).toContainText(t.list.national);
  await expect(row).toContainText(t.list.statuses.live);
  await row.getByRole("button", { name: t.staff.featureNamed(title) }).click();
  await expect(page.getByRole("status")).toHaveText(t.staff.featured(title));
  await expect(page.getByRole("row", { name: new RegExp(title) })).toContainText(t.list.statuses.featured);
  await check("admin-events");
}

/** The home page shows the featured event near the top, with the time in Chicago and a link to the stream. */
async function expectLiveCard(page: Page, title: string) {
  await page.goto("/");
  const card = page.getByRole("region", { name: title });
  await expect(card).toContainText(t.home.liveNow);
  await expect(card).toContainText(/C[SD]T/);
  await expect(card.getByRole("link", { name: t.home.watchLive.conference })).toHaveAttribute("href", "https://stream.example.org/strategy");
  await expect(card.getByRole("link", { name: title })).toHaveAttribute("href", /^\/events\/\d+-strategy-conference-\d+$/);
  return card;
}

/** Stop featuring: the card leaves the home page (other journeys read the home page too). */
async function unfeature(page: Page) {
  await page.goto("/admin/events");
  await page.getByRole("button", { name: t.staff.unfeature }).click();
  await expect(page.getByRole("status")).toHaveText(t.staff.unfeatured);
  await page.goto("/");
  await expect(page.locator(".featured-event")).toHaveCount(0);
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 780 } });

  test("[STAFF][EVENTS]: staff create a national online conference with a livestream, feature it, and the home page says watch it live", async ({ page }) => {
    const title = `Strategy conference ${Date.now()}`;
    await createAndFeatureLiveConference(page, title, async () => {});
    await expectLiveCard(page, title);
    await unfeature(page);
  });
});

test.describe("at 360 px, with an accessibility check", () => {
  test.use({ bypassCSP: true, viewport: { width: 360, height: 780 } });

  test("[STAFF][EVENTS]: the event form, the events list and the home page's featured event pass axe on a phone", async ({ page }) => {
    const title = `Strategy conference ${Date.now()}`;
    await createAndFeatureLiveConference(page, title, async (step) => {
      expect(await axeViolations(page), step).toEqual([]);
      await page.screenshot({ path: join(screenshotDir, `${step}-360.png`), fullPage: true });
    });
    const card = await expectLiveCard(page, title);
    expect(await axeViolations(page)).toEqual([]);
    await card.screenshot({ path: join(screenshotDir, "home-featured-event-360.png") });
    await page.screenshot({ path: join(screenshotDir, "home-featured-event-page-360.png") });
    await unfeature(page);
  });
});

test.describe("organizers, at 360 px", () => {
  test.use({ bypassCSP: true, viewport: { width: 360, height: 780 } });

  test("[ORGANIZER][EVENTS]: a group's Events tab: plan an in-person meeting, edit it, then cancel it after a confirm step", async ({ page }) => {
    // Staff may do everything a group's organizers do, on the same pages.
    await signInByEmail(page, E2E_ADMIN_EMAIL);
    await page.goto("/admin/broadcasts");
    const groupId = await page.locator("#field-groupId option:not([value=''])").first().getAttribute("value");
    await page.goto(`/organize/groups/${groupId}`);
    await page.getByRole("navigation", { name: en.organize.groupNavLabel }).getByRole("link", { name: en.organize.nav.events }).click();
    await page.getByRole("link", { name: t.list.newEvent }).click();
    await expect(page.getByLabel(t.form.kinds.conference)).toHaveCount(0);

    const title = `Monthly meeting ${Date.now()}`;
    await page.getByLabel(t.form.titleLabel).fill(title);
    await page.getByLabel(t.form.startsLabel).fill(chicagoIn(24 * 9));
    await page.getByLabel(t.form.endsLabel).fill(chicagoIn(24 * 9 + 2));
    await page.getByLabel(t.form.timeZoneLabel).selectOption(ZONE);
    await page.getByLabel(t.form.formats.in_person, { exact: true }).check();
    await page.getByLabel(t.form.venueLabel).fill("Central Library, room B");
    await page.getByLabel(t.form.addressLabel, { exact: true }).fill("300 Nicollet Mall");
    await page.getByLabel(t.form.cityLabel, { exact: true }).fill("Minneapolis");
    await page.getByLabel(t.form.stateLabel, { exact: true }).fill("MN");
    await page.getByLabel(t.form.zipLabel).fill("55401");
    await page.getByLabel(t.form.addressForAttendeesOnly).check();
    await page.getByLabel(t.form.capacityLabel).fill("30");
    await page.getByRole("button", { name: t.form.createButton }).click();

    await expect(page.getByRole("status")).toHaveText(t.created);
    await expect(page.getByRole("row", { name: new RegExp(title) })).toContainText(t.list.rsvps(0, 0));
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotDir, "organize-events-360.png"), fullPage: true });

    await page.getByRole("link", { name: t.list.editNamed(title) }).click();
    await expect(page.locator("#attendees-note")).toHaveText(t.attendeesNote(0));
    await expect(page.getByLabel(t.form.addressForAttendeesOnly)).toBeChecked();
    await page.getByLabel(t.form.capacityLabel).fill("40");
    await page.getByRole("button", { name: t.form.saveButton }).click();
    await expect(page.getByRole("status")).toHaveText(t.savedNotified(0));

    await page.getByRole("link", { name: t.list.attendeesNamed(title) }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(t.attendees.title(title));
    await expect(page.getByRole("status")).toHaveText(t.attendees.counts(0, 0));
    await expect(page.getByText(t.attendees.none)).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("link", { name: t.attendees.back }).click();

    await page.getByRole("link", { name: t.list.cancelNamed(title) }).click();
    await expect(page.getByText(t.cancelWhoIsTold(0))).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotDir, "organize-event-cancel-360.png"), fullPage: true });
    await page.getByLabel(t.reasonLabel).fill("The library is closed that day.");
    await page.getByRole("button", { name: t.confirmCancel }).click();
    await expect(page.getByRole("status")).toHaveText(t.cancelled(0));
    await expect(page.getByRole("row", { name: new RegExp(title) })).toContainText(t.list.statuses.cancelled);
  });
});

test.describe("on a desktop", () => {
  test.use({ bypassCSP: true, viewport: { width: 1280, height: 900 } });

  test("[STAFF][EVENTS]: the event form puts the time zone beside the start and end", async ({ page }) => {
    await signInByEmail(page, E2E_ADMIN_EMAIL, "/admin/events/new");
    const starts = await page.getByLabel(t.form.startsLabel).boundingBox();
    const zone = await page.getByLabel(t.form.timeZoneLabel).boundingBox();
    expect(Math.abs(starts!.y - zone!.y)).toBeLessThan(8);
    expect(zone!.x).toBeGreaterThan(starts!.x);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotDir, "event-form-desktop.png"), fullPage: true });
  });
});
