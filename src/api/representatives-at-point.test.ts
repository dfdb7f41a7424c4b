import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../tests/support/test-app.js";

interface Body {
  zip: string | null;
  city: string | null;
  campaign: string;
  state: string | null;
  states: string[];
  districts: { state: string; district: number }[];
  ambiguous: boolean;
  noSenators: boolean;
  narrowedBy: string | null;
  nearDistrictLine?: boolean;
  members: { name: string; chamber: string; state: string; district?: number }[];
  vacancies: unknown[];
  code?: string;
  message?: string;
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function get(query: string) {
  const res = await t.app.request(`/api/v1/representatives?${query}`);
  return { res, body: (await res.json()) as Body };
}
const house = (body: Body) => body.members.filter((m) => m.chamber === "house").map((m) => `${m.name} (${m.state}-${m.district})`);

describe("GET /api/v1/representatives?lat=&lng=", () => {
  it("answers a point with the district our shapes put it in, in the same shape as the ZIP answer", async () => {
    // The Empire State Building, in ZIP 10001, which the ZIP table splits between NY-10 and NY-12.
    const { res, body } = await get("lat=40.7484&lng=-73.9857");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(body).toMatchObject({
      zip: null,
      city: null,
      campaign: "medicare-for-all",
      state: "NY",
      states: ["NY"],
      districts: [{ state: "NY", district: 12 }],
      ambiguous: false,
      noSenators: false,
      narrowedBy: "location",
      nearDistrictLine: false,
    });
    expect(house(body)).toEqual(["Jerrold Nadler (NY-12)"]);
    expect(body.members.filter((m) => m.chamber === "senate")).toHaveLength(2);
    // Every key the ZIP answer has, plus nearDistrictLine.
    const zipAnswer = (await get("zip=55401")).body;
    expect(Object.keys(body).sort()).toEqual([...Object.keys(zipAnswer), "nearDistrictLine"].sort());
  });

  it("lists both districts when the point is within 500 m of a district line", async () => {
    const { body } = await get("lat=40.7446&lng=-73.9985");
    expect(body).toMatchObject({ ambiguous: true, nearDistrictLine: true, districts: [{ state: "NY", district: 12 }, { state: "NY", district: 10 }] });
    expect(house(body)).toEqual(["Jerrold Nadler (NY-12)", "Daniel S. Goldman (NY-10)"]);
  });

  it("lists the senators of both states when the nearby line is a state line (State Line Road, Kansas City)", async () => {
    const { body } = await get("lat=39.0&lng=-94.6065");
    expect(body.states).toEqual(["MO", "KS"]);
    expect(body.members.filter((m) => m.chamber === "senate").map((m) => m.state)).toEqual(["MO", "MO", "KS", "KS"]);
  });

  it("answers DC and the territories with their delegate and no senators", async () => {
    const { body } = await get("lat=38.8899&lng=-77.0091");
    expect(body).toMatchObject({ state: "DC", noSenators: true, districts: [{ state: "DC", district: 0 }] });
    expect(house(body)).toEqual(["Eleanor Holmes Norton (DC-0)"]);
  });

  it.each([
    ["lat=abc&lng=-93.1", { lat: "out_of_range" }],
    ["lat=91&lng=-93.1", { lat: "out_of_range" }],
    ["lat=44.9&lng=-181", { lng: "out_of_range" }],
    ["lat=44.9&lng=1e2", { lng: "out_of_range" }],
    ["lat=Infinity&lng=NaN", { lat: "out_of_range", lng: "out_of_range" }],
    ["lat=44.9", { lng: "required" }],
    ["lat=&lng=-93.1", { lat: "required" }],
  ])("refuses %s with 400 and says which coordinate", async (query, fields) => {
    const res = await t.app.request(`/api/v1/representatives?${query}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; message: string; fields?: Record<string, string> };
    expect(body.code).toBe("invalid");
    expect(body.message).toContain("lat from -90 to 90, lng from -180 to 180");
    expect(body.fields).toEqual(fields);
  });

  it("answers 404 with a clear message for a point outside every district", async () => {
    const { res, body } = await get("lat=35&lng=-40");
    expect(res.status).toBe(404);
    expect(body).toMatchObject({ code: "not_found", message: expect.stringContaining("not in any US congressional district") });
  });

  it("uses the point when a ZIP is given too, and 404s for an unknown campaign", async () => {
    expect((await get("zip=55401&lat=40.7484&lng=-73.9857")).body.districts).toEqual([{ state: "NY", district: 12 }]);
    expect((await get("lat=40.7484&lng=-73.9857&campaign=nope")).res.status).toBe(404);
  });
});
