import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseGroupsCsv } from "../../src/domain/public-data/parsers/groups-csv.js";
import { parseStatesCsv } from "../../src/domain/public-data/parsers/states-csv.js";
import { en } from "../../src/i18n/en.js";
import { expect, test } from "./fixtures.js";

/** The first number in a stat line, e.g. "537 members of Congress on file" → 537. */
const firstNumber = (text: string) => Number(/[\d,]+/.exec(text)?.[0]?.replace(/,/g, "") ?? Number.NaN);

/** What the home page should say, worked out from the same files the server imported. */
function expectedFromDataFiles() {
  const dataDir = resolve(process.env.DATA_DIR || "../shared/data");
  const read = (path: string) => readFileSync(join(dataDir, path), "utf8");
  const fiftyStates = new Set(parseStatesCsv(read("states.csv"), "states.csv").filter((s) => s.type === "state").map((s) => s.usps));
  const local = parseGroupsCsv(read("groups/single-payer-groups.csv"), "groups.csv").filter((g) => g.state !== "US");
  const covered = new Set(local.map((g) => g.state).filter((state) => fiftyStates.has(state)));
  return { groups: local.length, statesCovered: covered.size, statesMissing: fiftyStates.size - covered.size };
}

test("[SUPPORTER][HOME]: the home page shows the movement in real numbers", async ({ page, request }) => {
  const seeded = expectedFromDataFiles();
  // Other journeys may have approved new groups on this server: count what is listed now, and
  // check it holds at least every group from the data files.
  const listed = ((await (await request.get("/api/v1/groups")).json()) as { groups: { state: string }[] }).groups.filter((g) => g.state !== "US");
  const fiftyStates = new Set(parseStatesCsv(readFileSync(join(resolve(process.env.DATA_DIR || "../shared/data"), "states.csv"), "utf8"), "states.csv").filter((s) => s.type === "state").map((s) => s.usps));
  const coveredNow = new Set(listed.map((g) => g.state).filter((state) => fiftyStates.has(state))).size;
  const expected = { groups: listed.length, statesCovered: coveredNow, statesMissing: 50 - coveredNow };
  expect(expected.groups).toBeGreaterThanOrEqual(seeded.groups);
  expect(expected.statesCovered).toBeGreaterThanOrEqual(seeded.statesCovered);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.home.heading);
  await expect(page.getByRole("heading", { name: en.home.statsHeading })).toBeVisible();

  // 100 senators, 431 representatives and 6 delegates in the 119th Congress snapshot.
  await expect(page.locator('[data-stat="members"]')).toHaveText(en.home.membersLoaded(537));
  await expect(page.locator('[data-stat="groups"]')).toHaveText(en.home.groups(expected.groups));
  await expect(page.locator('[data-stat="states-covered"]')).toHaveText(en.home.statesCovered(expected.statesCovered));
  await expect(page.locator('[data-stat="states-missing"]')).toHaveText(en.home.statesMissing(expected.statesMissing));
  expect(expected.statesCovered + expected.statesMissing).toBe(50);

  // The Medicare for All Act cosponsor counts, with the date of the official rolls.
  const cosponsors = await page.locator('[data-stat="cosponsors"]').innerText();
  expect(firstNumber(cosponsors)).toBeGreaterThan(0);
  await expect(page.locator(".stats .fine-print")).toContainText(/\d{4}-\d{2}-\d{2}/);

  // No "data is not loaded" notice once the import has run.
  await expect(page.getByText(en.home.dataMissingHeading)).toHaveCount(0);
});
