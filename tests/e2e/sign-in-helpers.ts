import type { Page } from "@playwright/test";
import { en } from "../../src/i18n/en.js";
import { expect } from "./fixtures.js";

/**
 * Sign in the way a person does: ask for a link at /sign-in, open the newest message to that
 * address in the development outbox (/dev/mail), follow its link and press "Sign in".
 * Ends on the page sign-in leads to (`next`, or the account page).
 */
export async function signInByEmail(page: Page, email: string, next?: string): Promise<void> {
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
  if (next) await page.goto(next);
}

/** Open the newest development-outbox message to `email` (optionally with this subject). */
export async function openNewestMailTo(page: Page, email: string, subject?: string | RegExp): Promise<void> {
  await page.goto("/dev/mail");
  let item = page.getByRole("listitem").filter({ hasText: `to ${email}` });
  if (subject) item = item.filter({ hasText: subject });
  await item.first().getByRole("link").first().click();
}
