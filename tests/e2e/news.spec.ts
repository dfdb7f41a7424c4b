import { join } from "node:path";
import { en } from "../../src/i18n/en.js";
import { E2E_ADMIN_EMAIL } from "./constants.js";
import { axeViolations, expect, screenshotDir, test } from "./fixtures.js";
import { signInByEmail } from "./sign-in-helpers.js";

const t = en.news;
const phone = { width: 360, height: 780 };

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, viewport: phone });

  test("[SUPPORTER][NEWS]: a supporter reads the news on a phone and filters it by a topic", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: en.nav.label }).getByRole("link", { name: t.navLabel }).click();
    await expect(page).toHaveURL(/\/news$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.title);
    await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", "/feed.xml");

    const articles = page.locator(".news-item");
    expect(await articles.count()).toBeGreaterThanOrEqual(6);
    const first = articles.first().getByRole("heading", { level: 2 }).getByRole("link");
    await expect(first).toHaveAttribute("target", "_blank");
    await expect(first).toHaveAttribute("rel", "noopener");
    await expect(first).toContainText(t.opensInNewTab);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(screenshotDir, "news-360.png"), fullPage: true });

    const topics = page.getByRole("navigation", { name: t.topicsLabel });
    await topics.getByRole("link", { name: new RegExp(`^${t.topics.states}`) }).click();
    await expect(page).toHaveURL(/\/news\?topic=states$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.topicHeading(t.topics.states));
    await expect(articles).toHaveCount(2);
    await expect(articles.filter({ hasText: "California’s single-payer bill dies" })).toContainText("Politico, January 31, 2022");
    await expect(topics.getByRole("link", { name: new RegExp(`^${t.topics.states}`) })).toHaveAttribute("aria-current", "page");
    await page.screenshot({ path: join(screenshotDir, "news-topic-360.png"), fullPage: true });

    // A topic chip on an article filters too; "All topics" goes back.
    await articles.first().getByRole("link", { name: t.topics.states, exact: true }).click();
    await expect(page).toHaveURL(/\/news\?topic=states$/);
    await topics.getByRole("link", { name: t.allTopics }).click();
    await expect(page).toHaveURL(/\/news$/);
    expect(await articles.count()).toBeGreaterThanOrEqual(6);
  });
});

test.describe("with axe", () => {
  // axe is injected as a script: the app's CSP would rightly block it.
  test.use({ bypassCSP: true, viewport: phone });

  test("[SUPPORTER][NEWS]: the news pages pass axe on a phone and on a desktop", async ({ page }) => {
    for (const path of ["/news", "/news?topic=costs", "/news?lang=es"]) {
      await page.goto(path);
      expect(await axeViolations(page), path).toEqual([]);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/news");
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotDir, "news-desktop.png"), fullPage: true });
  });

  test("[ADMIN][NEWS]: staff add an article and see it first on /news and in the feed", async ({ page }) => {
    const a = t.admin;
    await signInByEmail(page, E2E_ADMIN_EMAIL, "/admin/news");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(a.title);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(screenshotDir, "admin-news-list-360.png"), fullPage: true });
    await page.getByRole("link", { name: a.add }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(a.newTitle);

    // A plain http address and a future date are refused, and what was typed stays.
    await page.getByLabel(a.urlLabel).fill("http://www.example.org/m4a-hearing");
    await page.getByLabel(a.titleLabel).fill("Hearing on Medicare for All set for spring");
    await page.getByLabel(a.publisherLabel).fill("Example Daily");
    await page.getByLabel(a.publishedOnLabel).fill("2999-01-01");
    await page.getByLabel(a.summaryLabel).fill("A first hearing in years: call your representative before it.");
    await page.getByRole("checkbox", { name: t.topics.congress }).check();
    await page.getByRole("button", { name: a.addButton }).click();
    const problems = page.getByRole("alert").getByRole("listitem");
    await expect(problems).toHaveText([`${a.urlLabel}: ${en.forms.fieldErrors.invalid_url}`, `${a.publishedOnLabel}: ${en.forms.fieldErrors.future_date}`]);
    await expect(page.getByLabel(a.titleLabel)).toHaveValue("Hearing on Medicare for All set for spring");
    await expect(page.getByRole("checkbox", { name: t.topics.congress })).toBeChecked();
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(screenshotDir, "admin-news-form-errors-360.png"), fullPage: true });

    const today = new Date().toISOString().slice(0, 10);
    await page.getByLabel(a.urlLabel).fill("https://www.example.org/m4a-hearing");
    await page.getByLabel(a.publishedOnLabel).fill(today);
    await page.getByRole("button", { name: a.addButton }).click();
    await expect(page.getByRole("status")).toContainText(a.added("Hearing on Medicare for All set for spring"));

    await page.goto("/news");
    const first = page.locator(".news-item").first();
    await expect(first.getByRole("heading", { level: 2 })).toContainText("Hearing on Medicare for All set for spring");
    await expect(first).toContainText("Example Daily");
    await expect(first.getByRole("link", { name: t.topics.congress, exact: true })).toBeVisible();

    const feed = await page.request.get("/feed.xml");
    expect(feed.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
    // Other journeys add national events to the same feed; among the news entries it comes first.
    const newsEntries = (await feed.text()).split("<entry>").slice(1).filter((entry) => /<id>tag:[^<]*:news-\d+<\/id>/.test(entry));
    expect(newsEntries[0]).toContain("<title>Hearing on Medicare for All set for spring</title>");

    // Tidy up: delete it after confirming, and it is gone from /news.
    await page.goto("/admin/news");
    await page.getByRole("link", { name: a.deleteLabel("Hearing on Medicare for All set for spring") }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(a.deleteTitle("Hearing on Medicare for All set for spring"));
    await page.getByRole("button", { name: a.confirmDelete }).click();
    await expect(page.getByRole("status")).toContainText(a.deleted);
    await page.goto("/news");
    await expect(page.locator(".news-item").first()).not.toContainText("Hearing on Medicare for All set for spring");
  });
});
