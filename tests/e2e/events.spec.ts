import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { en } from "../../src/i18n/en.js";
import { parseICalendar, parseIcalUtc } from "../../src/lib/ical.js";
import { E2E_ADMIN_EMAIL } from "./constants.js";
import { axeViolations, expect, screenshotDir, test } from "./fixtures.js";
import { openNewestMailTo, signInByEmail } from "./sign-in-helpers.js";

const t = en.events;
const form = en.eventsAdmin.form;

/** Staff create an in-person national event through the staff form (/admin/events/new). */
async function createEventAsStaff(page: Page, title: string) {
  await signInByEmail(page, E2E_ADMIN_EMAIL, "/admin/events/new");
  await page.getByLabel(form.titleLabel, { exact: true }).fill(title);
  await page.getByRole("radio", { name: form.kinds.conference, exact: true }).check();
  await page.getByLabel(form.descriptionLabel, { exact: true }).fill("Plan the **spring** campaign with organizers from across the state.");
  await page.getByLabel(form.startsLabel, { exact: true }).fill("2027-04-15T18:30");
  await page.getByLabel(form.endsLabel, { exact: true }).fill("2027-04-15T20:00");
  await page.getByLabel(form.timeZoneLabel, { exact: true }).selectOption("America/Chicago");
  await page.getByRole("radio", { name: form.formats.in_person, exact: true }).check();
  await page.getByLabel(form.venueLabel, { exact: true }).fill("Union Hall");
  await page.getByLabel(form.addressLabel, { exact: true }).fill("1 Labor Way");
  await page.getByLabel(form.cityLabel, { exact: true }).fill("Minneapolis");
  await page.getByLabel(form.stateLabel, { exact: true }).fill("MN");
  await page.getByLabel(form.zipLabel, { exact: true }).fill("55401");
  await page.getByLabel(form.addressForAttendeesOnly, { exact: true }).check();
  await page.getByLabel(form.capacityLabel, { exact: true }).fill("40");
  await page.getByRole("button", { name: form.createButton }).click();
  await expect(page.locator(".error-summary")).toHaveCount(0);
}

test.describe("find, RSVP, calendar, change notice", () => {
  test.use({ viewport: { width: 360, height: 800 } });

  test("[SUPPORTER][EVENTS]: find an event near a ZIP, RSVP, confirm by e-mail, download the .ics; staff move it and the attendee is told", async ({ browser }) => {
    const title = `Spring strategy conference ${Date.now().toString(36)}`;
    const email = `rsvp.${Date.now().toString(36)}@example.org`;

    const staffContext = await browser.newContext({ bypassCSP: true, viewport: { width: 1200, height: 900 } });
    const staff = await staffContext.newPage();
    await createEventAsStaff(staff, title);

    // The supporter's phone is on Pacific time; the event is in Central time.
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 800 }, acceptDownloads: true, timezoneId: "America/Los_Angeles" });
    const page = await context.newPage();
    await page.goto("/events");
    await page.getByLabel(t.list.near).fill("55402");
    await page.getByLabel(t.list.miles).selectOption("25");
    await page.getByRole("button", { name: t.list.search }).click();
    await expect(page.getByRole("heading", { name: t.list.nearHeading("55402", 25) })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotDir, "events-near-360.png"), fullPage: true });
    await page.getByRole("link", { name: title }).click();

    // Before RSVPing: the place, not the street address.
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByText("Union Hall, Minneapolis, MN")).toBeVisible();
    await expect(page.getByText("1 Labor Way")).toHaveCount(0);
    // The event's own time, and the visitor's beside it.
    await expect(page.locator("time").first()).toHaveText(/Thursday, April 15, 2027, 6:30\s*–\s*8:00\s*PM\s*CDT/);
    await expect(page.locator("[data-local-time]")).toHaveText(new RegExp(`${t.page.yourTime}: Thursday, April 15, 4:30\\s*–\\s*6:00\\s*PM\\s*PDT`));
    await expect(page.getByText(t.page.placesLeft(40))).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotDir, "event-page-360.png"), fullPage: true });

    await page.getByLabel(t.page.name).fill("Dolores Huerta");
    await page.getByLabel(t.page.email).fill(email);
    await page.getByLabel(t.page.zip).fill("55401");
    await page.getByRole("button", { name: t.page.rsvpButton }).click();
    await expect(page.getByRole("heading", { name: t.rsvped.goingTitle })).toBeVisible();

    // The confirmation e-mail: its link opens the page with the address and the attendee's calendar file.
    await openNewestMailTo(page, email, t.mail.goingSubject(title));
    const link = new URL((await page.getByRole("link", { name: /\?a=/ }).first().getAttribute("href"))!);
    await page.goto(`${link.pathname}${link.search}`);
    await expect(page.getByText(t.page.youreGoing)).toBeVisible();
    await expect(page.getByText(/1 Labor Way/)).toBeVisible();
    await expect(page.getByRole("link", { name: t.page.google })).toHaveAttribute("href", /calendar\.google\.com.*20270415T233000Z%2F20270416T010000Z/);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: t.page.ics }).click()]);
    const ics = parseICalendar(readFileSync((await download.path())!, "utf8"));
    const vevent = ics.components[0]!;
    expect(vevent.get("SUMMARY")).toBe(title);
    expect(parseIcalUtc(vevent.get("DTSTART")!)).toEqual(new Date("2027-04-15T23:30:00Z"));
    expect(vevent.get("LOCATION")).toContain("1 Labor Way");
    const uid = vevent.get("UID");

    // Staff move it an hour later; the attendee gets the change notice.
    await staff.goto("/admin/events");
    await staff.getByRole("link", { name: en.eventsAdmin.list.editNamed(title) }).click();
    await staff.getByLabel(form.startsLabel, { exact: true }).fill("2027-04-15T19:30");
    await staff.getByLabel(form.endsLabel, { exact: true }).fill("2027-04-15T21:00");
    await staff.getByRole("button", { name: form.saveButton }).click();
    await expect(staff.locator(".error-summary")).toHaveCount(0);

    await openNewestMailTo(page, email, t.mail.changedSubject(title));
    await expect(page.locator(".mail-text")).toContainText(t.mail.changedWhat.time);
    await expect(page.locator(".mail-text")).toContainText("7:30");

    // The calendar file now says the new time, under the same UID, with a higher SEQUENCE.
    await page.goto(`${link.pathname}${link.search}`);
    const [again] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: t.page.ics }).click()]);
    const moved = parseICalendar(readFileSync((await again.path())!, "utf8")).components[0]!;
    expect(moved.get("UID")).toBe(uid);
    expect(Number(moved.get("SEQUENCE"))).toBeGreaterThan(Number(vevent.get("SEQUENCE")));
    expect(parseIcalUtc(moved.get("DTSTART")!)).toEqual(new Date("2027-04-16T00:30:00Z"));
    await staffContext.close();
    await context.close();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("[SUPPORTER][EVENTS]: the filters, a bad ZIP and the archive work without JavaScript", async ({ page }) => {
    await page.goto("/events");
    await page.getByLabel(t.list.near).fill("123");
    await page.getByRole("button", { name: t.list.search }).click();
    await expect(page.locator(".error-summary")).toContainText(en.forms.fieldErrors.invalid_zip);
    await expect(page.getByRole("heading", { name: t.list.onlineHeading })).toBeVisible();
    await page.getByRole("link", { name: t.list.pastLink }).click();
    await expect(page.getByRole("heading", { level: 1, name: t.past.heading })).toBeVisible();
  });
});
