import { join } from "node:path";
import { en } from "../../src/i18n/en.js";
import { E2E_ADMIN_EMAIL } from "./constants.js";
import { axeViolations, expect, screenshotDir, test } from "./fixtures.js";
import { signInByEmail } from "./sign-in-helpers.js";

const s = en.share;
const uniqueEmail = (prefix: string) => `${prefix}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.org`;

test.describe("on a phone", () => {
  test.use({ viewport: { width: 360, height: 800 }, bypassCSP: true });

  test("[SUPPORTER][SHARE]: the share bar offers every network as a plain link, copies the link, and fits a 360 px screen", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto("/groups/oh");
    const bar = page.locator("section.share");
    await expect(bar.getByRole("heading", { name: s.heading })).toBeVisible();
    for (const network of ["X", "Facebook", "Bluesky", "WhatsApp"]) {
      const link = bar.getByRole("link", { name: `${s.shareOn} ${network} ${s.newTab}` });
      await expect(link).toBeVisible();
      await expect(link).toHaveAttribute("target", "_blank");
    }
    await expect(bar.getByRole("link", { name: `${s.shareOn} Mastodon` })).toBeVisible();
    await expect(bar.getByRole("link", { name: `${s.shareBy} E-mail` })).toHaveAttribute("href", /^mailto:\?subject=/);
    await expect(bar.getByRole("link", { name: `${s.shareBy} Text message` })).toHaveAttribute("href", /^sms:\?&body=/);
    const x = new URL((await bar.getByRole("link", { name: `${s.shareOn} X ${s.newTab}` }).getAttribute("href"))!);
    expect(x.searchParams.get("text")).toBe(s.texts.state("Ohio"));
    expect(new URL(x.searchParams.get("url")!).pathname).toBe("/groups/oh");

    // The copy button is the script's; it puts the page's link on the clipboard.
    await bar.getByRole("button", { name: s.copyButton }).click();
    await expect(bar.getByRole("status")).toHaveText(s.copied);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(new URL(copied).pathname).toBe("/groups/oh");
    expect(new URL(copied).searchParams.get("utm_source")).toBe("link");
    // The phone's own share sheet only where the browser has one.
    const hasShare = await page.evaluate(() => "share" in navigator);
    await expect(bar.getByRole("button", { name: s.nativeShare })).toHaveCount(hasShare ? 1 : 0);

    // Nothing sticks out sideways on a small screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await bar.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshotDir, "share-bar-360.png") });
    expect(await axeViolations(page)).toEqual([]);
  });
});

test("[SUPPORTER][REFERRAL]: reporting a call with the page script swaps in the caller's own share link", async ({ page }) => {
  await page.goto("/act/medicare-for-all?zip=55401");
  await expect(page.locator('section[data-share="page"]')).toHaveCount(1);
  const smith = page.locator("#member-S001203");
  await smith.getByText(en.act.callHeading, { exact: true }).click();
  await smith.getByRole("button", { name: en.act.outcomes.talked_to_staff }).click();
  await expect(smith.locator(".outcome-status").first()).toHaveText(en.act.thanksLogged);
  // No reload: the page's share bar became the caller's, with its copy button working.
  const personal = page.locator('section[data-share="personal"]');
  await expect(personal.getByRole("heading", { name: s.yourLinkHeading })).toBeVisible();
  expect(new URL(await personal.getByLabel(s.copyLabel).inputValue()).searchParams.get("ref")).toMatch(/^[a-z2-9]{8}$/);
  await expect(personal.getByRole("button", { name: s.copyButton })).toBeVisible();
  await expect(page.locator('section[data-share="page"]')).toHaveCount(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("[SUPPORTER][SHARE]: Mastodon asks for the server once, then goes straight to the post", async ({ page }) => {
    await page.goto("/groups/oh");
    await page.locator("section.share").getByRole("link", { name: `${s.shareOn} Mastodon` }).click();
    await page.getByLabel(en.act.mastodonInstanceLabel).fill("https://Mastodon.Social/");
    await page.getByRole("button", { name: en.act.mastodonContinue }).click();
    const open = page.getByRole("link", { name: en.act.mastodonOpen("mastodon.social") });
    await expect(open).toHaveAttribute("href", /^https:\/\/mastodon\.social\/share\?text=Join%20the%20single-payer%20movement%20in%20Ohio/);
    await page.getByRole("link", { name: s.backToPage }).click();
    await expect(page).toHaveURL(/\/groups\/oh$/);
    await page.locator("section.share").getByRole("link", { name: `${s.shareOn} Mastodon` }).click();
    await expect(page.getByRole("link", { name: en.act.mastodonOpen("mastodon.social") })).toBeVisible();
    await expect(page.getByLabel(en.act.mastodonInstanceLabel)).toHaveCount(0);
    await expect(page.getByRole("link", { name: s.mastodonChange })).toBeVisible();
  });

  test("[SUPPORTER][REFERRAL]: someone who joins gets a personal link; a friend who acts through it is counted, and staff see the source", async ({ page, browser }) => {
    await page.goto("/groups/mn");
    await page.locator(".group-card").first().getByRole("link").first().click();
    const groupPath = new URL(page.url()).pathname;
    await page.getByLabel(en.updates.name).fill("Ella Sharer");
    await page.getByLabel(en.updates.email).fill(uniqueEmail("sharer"));
    await page.getByLabel(en.updates.zip).fill("55401");
    await page.getByRole("button", { name: en.groups.joinSubmit }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.groups.joinedHeading);
    await expect(page.getByRole("heading", { name: s.yourLinkHeading })).toBeVisible();
    await expect(page.getByText(s.throughYourLink(0))).toBeVisible();
    const personal = new URL(await page.getByLabel(s.copyLabel).inputValue());
    expect(personal.pathname).toBe(groupPath);
    const code = personal.searchParams.get("ref")!;
    expect(code).toMatch(/^[a-z2-9]{8}$/);
    await page.screenshot({ path: join(screenshotDir, "referral-thanks.png"), fullPage: true });

    // A friend, on another device, opens the link (as shared on WhatsApp) and reports a call.
    const friendContext = await browser.newContext({ javaScriptEnabled: false });
    const friend = await friendContext.newPage();
    await friend.goto(`${groupPath}?ref=${code}&utm_source=whatsapp`);
    await friend.goto("/act/medicare-for-all");
    await friend.getByLabel(en.act.zipLabel).fill("55401");
    await friend.getByRole("button", { name: en.act.findButton }).click();
    const smith = friend.locator("#member-S001203");
    await smith.getByText(en.act.callHeading, { exact: true }).click();
    await smith.getByRole("button", { name: en.act.outcomes.talked_to_staff }).click();
    await expect(friend.locator("#member-S001203 .outcome-status").first()).toHaveText(en.act.thanksLogged);
    // The friend now has a link of their own.
    await expect(friend.getByRole("heading", { name: s.yourLinkHeading })).toBeVisible();
    await friendContext.close();

    await page.reload();
    await expect(page.getByText(s.throughYourLink(1))).toBeVisible();

    await signInByEmail(page, E2E_ADMIN_EMAIL, "/admin/referrals");
    await page.goto("/admin/referrals?period=all");
    await expect(page.locator("#referrers")).toContainText(code);
    await expect(page.locator("#referrers")).toContainText("Ella Sharer");
    await expect(page.locator("#sources")).toContainText("whatsapp");
  });
});

test.describe("staff", () => {
  test.use({ bypassCSP: true });

  test("[ADMIN][REFERRAL]: the sources report has no axe-core violations and offers each period", async ({ page }) => {
    await signInByEmail(page, E2E_ADMIN_EMAIL, "/admin/referrals");
    await expect(page.getByRole("heading", { level: 1, name: s.admin.title })).toBeVisible();
    await page.getByLabel(s.admin.periodLabel).selectOption("all");
    await page.getByRole("button", { name: s.admin.show }).click();
    await expect(page).toHaveURL(/period=all/);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotDir, "admin-referrals.png"), fullPage: true });
  });
});
