import { datasetCatalogue } from "../../src/domain/public-data/catalogue.js";
import { en } from "../../src/i18n/en.js";
import { expect, test } from "./fixtures.js";

test("[SUPPORTER][DATA]: /about/data lists every dataset with its source, licence, date and rows", async ({ page }) => {
  await page.goto("/about/data");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.aboutData.heading);

  for (const entry of datasetCatalogue) {
    const card = page.locator(`[data-dataset="${entry.key}"]`);
    await expect(card.getByRole("heading", { level: 2 })).toHaveText(entry.title);
    await expect(card.getByRole("link", { name: /^https?:\/\// }).first()).toHaveAttribute("href", /^https?:\/\//);
    await expect(card.getByText(entry.licence, { exact: true })).toBeVisible();
    await expect(card.locator("dt", { hasText: en.aboutData.asOf })).toBeVisible();
    await expect(card.getByText(en.aboutData.notLoaded)).toHaveCount(0);
    const rows = Number((await card.locator("[data-rows]").innerText()).replace(/,/g, ""));
    expect(rows, `${entry.key} row count`).toBeGreaterThan(0);
  }

  // CC BY 4.0 requires the credit line wherever the city names are used.
  const cities = page.locator('[data-dataset="zip-cities"]');
  await expect(cities.locator(".credit")).toContainText("Ready APIs");
  await expect(cities.locator(".credit")).toContainText("CC BY 4.0");
  await expect(cities.getByRole("link", { name: "CC BY 4.0" })).toHaveAttribute("href", "https://creativecommons.org/licenses/by/4.0/");

  // The row counts match what the JSON API reports.
  const api = (await (await page.request.get("/api/v1/datasets")).json()) as { datasets: { key: string; rowCount: number }[] };
  expect(api.datasets.find((d) => d.key === "legislators")?.rowCount).toBe(537);
  const zipAreas = api.datasets.find((d) => d.key === "zip-districts")?.rowCount ?? 0;
  expect(zipAreas).toBeGreaterThan(33_000);
});
