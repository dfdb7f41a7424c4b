import type { Cookie, Page } from "@playwright/test";
import { en } from "../../src/i18n/en.js";
import { expect } from "./fixtures.js";

/**
 * Sessions from earlier sign-ins in this worker, by address. The app allows only a few sign-in
 * links per address an hour (a real limit, not one to switch off for tests), and every admin
 * journey signs in as the same staff member, so later journeys reuse the session cookie.
 */
const sessions = new Map<string, Cookie[]>();

/**
 * Sign in the way a person does: ask for a link at /sign-in, open the newest message to that
 * address in the development outbox (/dev/mail), follow its link and press "Sign in".
 * Ends on the page sign-in leads to (`next`, or the account page). With `fresh` unset, a session
 * this worker already has for the address is reused while it still works.
 */
export async function signInByEmail(page: Page, email: string, next?: string, options: { fresh?: boolean } = {}): Promise<void> {
  const known = sessions.get(email);
  if (known && !options.fresh) {
    await page.context().addCookies(known);
    await page.goto(next ?? "/account");
    if (!/\/sign-in/.test(new URL(page.url()).pathname)) return;
    sessions.delete(email);
  }
  await page.goto(next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in");
  if (!/\/sign-in/.test(new URL(page.url()).pathname)) return; // already signed in
  await page.locator("#sign-in-link").getByLabel(en.accounts.emailLabel).fill(email);
  await page.getByRole("button", { name: en.accounts.sendLink }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.accounts.checkEmailTitle);
  await openNewestMailTo(page, email, en.mail.signInSubject);
  const href = await page.getByRole("link", { name: /\/sign-in\/[A-Za-z0-9_-]+/ }).first().getAttribute("href");
  // The mail says PUBLIC_URL's host (localhost); stay on the host the journey uses, where its cookies are.
  const link = new URL(href!);
  await page.goto(`${link.pathname}${link.search}`);
  await page.getByRole("button", { name: en.accounts.confirmButton }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  sessions.set(email, (await page.context().cookies()).filter((c) => c.name === "ei_session"));
  if (next) await page.goto(next);
}

/** Open the newest development-outbox message to `email` (optionally with this subject). */
export async function openNewestMailTo(page: Page, email: string, subject?: string | RegExp): Promise<void> {
  await page.goto("/dev/mail");
  let item = page.getByRole("listitem").filter({ hasText: `to ${email}` });
  if (subject) item = item.filter({ hasText: subject });
  await item.first().getByRole("link").first().click();
}
