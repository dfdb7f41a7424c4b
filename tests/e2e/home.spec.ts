import { en } from "../../src/i18n/en.js";
import { expect, publicDataLoaded, test } from "./fixtures.js";

/** The first number in a stat line, e.g. "537 members of Congress on file" → 537. */
const firstNumber = (text: string) => Number(/[\d,]+/.exec(text)?.[0]?.replace(/,/g, "") ?? Number.NaN);

test("[SUPPORTER][HOME]: the home page shows the movement in real numbers", async ({ page }) => {
  test.skip(!(await publicDataLoaded(page)), "public data pipeline has not landed: nothing was imported");
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.home.heading);
  await expect(page.getByRole("heading", { name: en.home.statsHeading })).toBeVisible();

  const members = firstNumber(await page.locator('[data-stat="members"]').innerText());
  expect(members).toBe(537);

  const groups = firstNumber(await page.locator('[data-stat="groups"]').innerText());
  expect(groups).toBeGreaterThan(0);
  expect(groups).toBeLessThanOrEqual(79);

  const covered = firstNumber(await page.locator('[data-stat="states-covered"]').innerText());
  expect(covered).toBeGreaterThan(0);
  expect(covered).toBeLessThanOrEqual(50);
  const missingText = await page.locator('[data-stat="states-missing"]').innerText();
  const missing = missingText === en.home.statesMissing(0) ? 0 : firstNumber(missingText);
  expect(covered + missing).toBe(50);

  // No "data is not loaded" notice once the import has run.
  await expect(page.getByText(en.home.dataMissingHeading)).toHaveCount(0);
});
