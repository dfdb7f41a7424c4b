import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../tests/support/test-database.js";
import { zipCentroids, zipDistricts } from "../../db/schema/index.js";
import { loadDistrictIndex, type DistrictIndex } from "./district-index.js";

/**
 * The cross-check of PROVENANCE.md §7, on the imported data: every ZIP area's Census internal
 * point falls in one of the districts the ZIP table lists, except these documented cases.
 */
// Near a state or district line, where the tract-based ZIP table and the simplified shapes disagree (e.g. 03579 NH lands in ME-2).
const UNLISTED = ["03579", "05088", "57255", "57430", "57638", "57641", "57642", "57645", "57648", "57660", "57717", "60075", "81120", "81137", "81324", "84034", "89421"];
// Coastal and island ZIP areas whose point is in water or on an islet the simplification dropped (02109 Boston waterfront, 00913 PR…).
const OUTSIDE = [
  "00913", "01970", "02109", "02668", "02840", "03905", "04003", "04017", "04108", "04109", "04538", "04611", "04614", "04625", "04681", "04851",
  "04855", "06855", "10805", "11957", "20674", "23427", "27927", "27943", "27964", "27968", "28594", "32692", "33001", "33037", "33109", "33715",
  "33922", "33956", "34216", "34698", "36528", "48720", "55605", "78382", "78402", "78597", "90743", "92155", "98243", "98245", "99850",
];

let loaded: TestDatabase;
let index: DistrictIndex;
beforeAll(async () => {
  loaded = await createTestDatabase("loaded");
  index = (await loadDistrictIndex(loaded.ctx))!;
});
afterAll(() => loaded.close());

describe("the district shapes against the ZIP table", () => {
  it("are imported and indexed", () => {
    expect(index.size).toEqual({ districts: 441, points: 98_901 });
  });

  it("put every ZIP area's centre point in a district the ZIP table lists, except the documented coastal and border cases", async () => {
    const [points, pairs] = await Promise.all([loaded.ctx.db.select().from(zipCentroids), loaded.ctx.db.select().from(zipDistricts)]);
    const listed = new Map<string, Set<string>>();
    for (const { zcta, state, district } of pairs) listed.set(zcta, (listed.get(zcta) ?? new Set()).add(`${state}-${district}`));

    const started = performance.now();
    const outside: string[] = [];
    const unlisted: string[] = [];
    let agree = 0;
    for (const point of points) {
      const placed = index.place(point.latitude, point.longitude);
      if (!placed.district) outside.push(point.zcta);
      else if (listed.get(point.zcta)?.has(`${placed.district.state}-${placed.district.district}`)) agree++;
      else unlisted.push(point.zcta);
    }
    const elapsed = performance.now() - started;

    expect(points).toHaveLength(33_791);
    expect(agree).toBe(33_791 - UNLISTED.length - OUTSIDE.length);
    expect(unlisted.sort()).toEqual(UNLISTED);
    expect(outside.sort()).toEqual(OUTSIDE);
    expect(elapsed).toBeLessThan(3000);
  });

  it("offers a listed district for most of the coastal points, from the coast within 500 m", async () => {
    const [points, pairs] = await Promise.all([loaded.ctx.db.select().from(zipCentroids), loaded.ctx.db.select().from(zipDistricts)]);
    const offered = points
      .filter((point) => OUTSIDE.includes(point.zcta))
      .filter((point) => {
        const nearby = index.place(point.latitude, point.longitude).nearby;
        return nearby.some((d) => pairs.some((pair) => pair.zcta === point.zcta && pair.state === d.state && pair.district === d.district));
      });
    // The other 17 fall back to the ZIP lookup (the person's ZIP or address).
    expect(offered).toHaveLength(30);
  });
});
