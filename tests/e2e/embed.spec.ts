import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { en } from "../../src/i18n/en.js";
import { axeViolations, expect, screenshotDir, test } from "./fixtures.js";

/**
 * A partner's site on another origin and another site: a tiny server on 127.0.0.1 whose pages
 * hold the iframe code copied from our pages. The code points at PUBLIC_URL, which in the
 * journeys is http://localhost:<port> (unset: the default), so the frame is cross-site to its
 * page, the way it is on a local group's WordPress site: the browser withholds SameSite cookies.
 */
let partner: Server;
let partnerOrigin = "";
const partnerPages = new Map<string, string>();

test.beforeAll(async () => {
  partner = createServer((req, res) => {
    const body = partnerPages.get(req.url ?? "/");
    res.writeHead(body ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
    res.end(body ?? "not found");
  });
  await new Promise<void>((resolve) => partner.listen(0, "127.0.0.1", resolve));
  partnerOrigin = `http://127.0.0.1:${(partner.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => partner.close(resolve));
});

const partnerPage = (title: string, snippet: string) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>` +
  `<body style="font-family: Georgia, serif; margin: 0 auto; max-width: 60rem; padding: 1rem; background: #fdf6e3"><h1>${title}</h1>` +
  `<p>We meet every second Tuesday at the library. Call your members of Congress with us:</p>${snippet}<p>© Springfield Single Payer</p></body></html>`;

/** The iframe code from a page's "Put this on your website" box, exactly as a partner copies it. */
async function copySnippet(page: Page, path: string): Promise<string> {
  await page.goto(path);
  await page.getByText(en.embed.snippetHeading).click();
  const code = await page.getByLabel(en.embed.snippetLabel).inputValue();
  expect(code).toMatch(/^<iframe src="http:\/\/[^"]+\/embed\/[^"]+" title="[^"]+" width="100%" height="640" style="border:0" loading="lazy"><\/iframe>$/);
  return code;
}

test.describe("on a partner's site", () => {
  test.use({ viewport: { width: 360, height: 800 } });

  test("[SUPPORTER][EMBED]: look up a ZIP and report a call inside the campaign embed on another site", async ({ page, context }) => {
    const snippet = await copySnippet(page, "/act/medicare-for-all");
    await context.clearCookies(); // the visitor of the partner site has never been to ours
    partnerPages.set("/", partnerPage("Springfield Single Payer", snippet));
    await page.goto(`${partnerOrigin}/`);

    const frame = page.frameLocator("iframe");
    await expect(frame.getByRole("heading", { level: 1 })).toHaveText("Get your members of Congress on board for Medicare for All");
    // Another site: a different host, not just another port.
    const embedUrl = new URL(page.frames().find((f) => f !== page.mainFrame())!.url());
    expect(embedUrl.pathname).toBe("/embed/act/medicare-for-all");
    expect(embedUrl.hostname).not.toBe(new URL(partnerOrigin).hostname);
    await frame.getByLabel(en.act.zipLabel).fill("55401");
    await frame.getByRole("button", { name: en.act.findButton }).click();
    await expect(frame.getByRole("heading", { level: 2, name: en.act.resultsHeading("55401", "Minneapolis, MN") })).toBeVisible();
    const klobuchar = frame.locator("#member-K000367");
    await expect(klobuchar.getByRole("link", { name: "Call 202-224-3244" })).toHaveAttribute("href", "tel:+12022243244");
    await expect(klobuchar.getByRole("link", { name: /Write to them/ })).toHaveAttribute("target", "_blank");
    await page.screenshot({ path: join(screenshotDir, "embed-act-partner-360.png"), fullPage: true });

    await klobuchar.getByRole("button", { name: en.act.outcomes.mailbox_full }).click();
    await expect(frame.locator("#member-K000367").getByRole("status")).toHaveText(en.act.thanksLogged);
    // The partner's page never moved: everything happened inside the frame.
    expect(page.url()).toBe(`${partnerOrigin}/`);
    await expect(page.getByRole("heading", { level: 1, name: "Springfield Single Payer" })).toBeVisible();
    // ...and the embed left nothing behind in the browser.
    expect(await context.cookies()).toEqual([]);

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: join(screenshotDir, "embed-act-partner-desktop.png"), fullPage: true });
  });

  test("[SUPPORTER][EMBED]: join a group from the state embed on another site, and get the confirmation e-mail", async ({ page, context }) => {
    const snippet = await copySnippet(page, "/groups/ma");
    await context.clearCookies();
    partnerPages.set("/groups", partnerPage("Massachusetts friends of single payer", snippet));
    await page.goto(`${partnerOrigin}/groups`);

    const frame = page.frameLocator("iframe");
    await expect(frame.getByRole("heading", { level: 1 })).toHaveText(en.embed.groupsHeading("Massachusetts"));
    await expect(frame.getByRole("link", { name: /Visit the group's page/ }).first()).toHaveAttribute("target", "_blank");
    await page.screenshot({ path: join(screenshotDir, "embed-groups-list-360.png"), fullPage: true });
    // "Join this group" on a card brings up the form with that group chosen.
    const card = frame.locator(".group-card").nth(1);
    const groupName = await card.getByRole("heading").innerText();
    await card.getByRole("link", { name: new RegExp(`^${en.embed.joinThis}`) }).click();
    await expect(frame.getByRole("combobox", { name: en.embed.groupLabel }).locator("option:checked")).toContainText(groupName);
    const email = `embed.${Date.now()}@example.org`;
    await frame.getByLabel(en.updates.name).fill("Lucy Parsons");
    await frame.getByLabel(en.updates.email).fill("lucy@");
    await frame.getByLabel(en.updates.zip).fill("02139");
    await frame.getByRole("button", { name: en.embed.joinSubmit }).click();
    // Refused in the frame, with the values kept.
    await expect(frame.locator(".error-summary")).toContainText(en.forms.fieldErrors.invalid_email);
    await expect(frame.getByLabel(en.updates.name)).toHaveValue("Lucy Parsons");
    await frame.getByLabel(en.updates.email).fill(email);
    await frame.getByRole("button", { name: en.embed.joinSubmit }).click();
    await expect(frame.getByRole("heading", { level: 1 })).toHaveText(en.groups.joinedHeading);
    await expect(frame.getByText(en.groups.joinedBody(groupName))).toBeVisible();
    expect(await context.cookies()).toEqual([]);
    await page.screenshot({ path: join(screenshotDir, "embed-groups-joined-360.png"), fullPage: true });

    // The confirmation is on its way (the development outbox, on our own site).
    await page.goto("/dev/mail");
    await expect(page.getByRole("listitem").filter({ hasText: `to ${email}` })).toHaveCount(1);
  });

  test("[SUPPORTER][EMBED]: any other page of ours refuses to load in another site's frame", async ({ page }) => {
    const snippet = await copySnippet(page, "/act/medicare-for-all");
    partnerPages.set("/framed", partnerPage("Not an embed", snippet.replace("/embed/act/", "/act/")));
    const blocked = page.waitForEvent("console", (message) => /frame-ancestors/.test(message.text()));
    await page.goto(`${partnerOrigin}/framed`);
    await blocked;
    const child = page.frames().find((frame) => frame !== page.mainFrame());
    await expect.poll(() => child?.url()).toMatch(/^chrome-error:/);
    await expect(page.frameLocator("iframe").getByRole("heading", { name: "Get your members of Congress on board for Medicare for All" })).toHaveCount(0);
  });
});

test.describe("accessibility", () => {
  test.use({ bypassCSP: true, viewport: { width: 360, height: 800 } });

  for (const path of ["/embed/act/medicare-for-all?zip=10001", "/embed/groups/ma", "/embed/groups/wy?lang=es"]) {
    test(`[SUPPORTER][EMBED]: ${path} passes axe at 360 px without sideways scrolling`, async ({ page }) => {
      await page.goto(path);
      for (const summary of await page.locator("details > summary").all()) await summary.click();
      expect(await axeViolations(page)).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
});
