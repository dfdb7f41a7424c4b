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
