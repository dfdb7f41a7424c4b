import { expect, test } from "./fixtures.js";

test("[SUPPORTER][PRIVACY]: no request leaves this machine on any page", async ({ page }) => {
  const seen: string[] = [];
  page.on("request", (request) => seen.push(request.url()));
  for (const path of ["/", "/about/data", "/?lang=es", "/no-such-page"]) await page.goto(path);
  // The stylesheet and icon are among the requests, so the listener was really watching...
  expect(seen.some((url) => url.includes("/static/app."))).toBe(true);
  // ...and every one of them stayed on localhost.
  for (const url of seen) expect(new URL(url).hostname).toMatch(/^(127\.0\.0\.1|localhost|\[::1\])$/);
});

test("[SUPPORTER][PRIVACY]: every public page, share bars and embeds included, loads only from this site", async ({ page }) => {
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  await page.goto("/groups/mn");
  const groupPath = await page.locator(".group-card a").first().getAttribute("href");
  const paths = [
    "/",
    "/groups",
    "/groups?near=55401",
    "/groups/mn",
    "/groups/wy",
    groupPath!,
    "/act/medicare-for-all",
    "/act/medicare-for-all?zip=55401",
    "/cosponsors/hr3069-119",
    "/cosponsors/s1506-119",
    "/updates",
    "/start-a-group",
    "/about/data",
    "/sign-in",
    "/share/mastodon?text=Hello",
    "/embed/act/medicare-for-all?zip=55401",
    "/embed/groups/mn",
    "/events",
    "/events?near=55401&miles=25",
    "/events/past",
    "/news",
    "/?lang=es",
    "/act/medicare-for-all?zip=55401&lang=es",
  ];
  const origin = new URL(page.url()).origin;
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
  }
  // The share bars' scripts and the preview images' pages were among them...
  expect(requests.some((url) => url.includes("/static/share."))).toBe(true);
  // ...and every request went to this site, not just to this machine.
  expect(requests.filter((url) => new URL(url).origin !== origin && !url.startsWith("data:"))).toEqual([]);
});
