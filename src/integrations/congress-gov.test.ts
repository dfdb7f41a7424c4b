import { describe, expect, it } from "vitest";
import { CongressGovError, createCongressGovClient } from "./congress-gov.js";
import { FakeCongressGov } from "./fake-congress-gov.js";

const KEY = "secret-key-123";
const member = (bioguideId: string) => ({ bioguideId, firstName: "A", lastName: "B", party: "D", state: "WA", district: 1, sponsorshipDate: "2025-04-29", isOriginalCosponsor: true });
const request = { congress: "119", billType: "hr", billNumber: "3069", format: "json" };

/** A stand-in for fetch that serves JSON by URL and records every URL asked for. */
function fakeFetch(pages: Record<string, unknown>) {
  const asked: string[] = [];
  const impl = (async (input: URL | string) => {
    const url = new URL(String(input));
    asked.push(url.toString());
    const key = `${url.pathname}?offset=${url.searchParams.get("offset") ?? "0"}`;
    const body = pages[key];
    if (body === undefined) return new Response("not found", { status: 404 });
    if (typeof body === "number") return new Response("{}", { status: body });
    return new Response(typeof body === "string" ? body : JSON.stringify(body), { status: 200 });
  }) as typeof fetch;
  return { impl, asked };
}

const failure = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CongressGovError) return error.message;
    throw error;
  }
  throw new Error("no error");
};

describe("createCongressGovClient", () => {
  it("fetches every page with the key and merges them into one response", async () => {
    const path = "/v3/bill/119/hr/3069/cosponsors";
    const { impl, asked } = fakeFetch({
      [`${path}?offset=0`]: {
        cosponsors: [member("O000173"), member("P000607")],
        pagination: { count: 3, countIncludingWithdrawnCosponsors: 3, next: `https://api.congress.gov${path}?offset=2&limit=2&format=json` },
        request,
      },
      [`${path}?offset=2`]: { cosponsors: [member("D000617")], pagination: { count: 3, countIncludingWithdrawnCosponsors: 3 }, request },
    });
    const client = createCongressGovClient({ apiKey: KEY, fetch: impl });
    const response = (await client.fetchCosponsors("119-hr3069")) as { cosponsors: { bioguideId: string }[]; pagination: object };
    expect(response.cosponsors.map((c) => c.bioguideId)).toEqual(["O000173", "P000607", "D000617"]);
    expect(response.pagination).toEqual({ count: 3, countIncludingWithdrawnCosponsors: 3 });
    expect(asked).toEqual([
      `https://api.congress.gov${path}?format=json&limit=250&api_key=${KEY}`,
      `https://api.congress.gov${path}?offset=2&limit=2&format=json&api_key=${KEY}`,
    ]);
  });

  it("says what went wrong without ever showing the key", async () => {
    const path = "/v3/bill/119/hr/3069/cosponsors";
    const run = (pages: Record<string, unknown>) => failure(createCongressGovClient({ apiKey: KEY, fetch: fakeFetch(pages).impl }).fetchCosponsors("119-hr3069"));
    const refused = await run({ [`${path}?offset=0`]: 403 });
    expect(refused).toBe(
      `congress.gov: https://api.congress.gov${path}?format=json&limit=250: HTTP 403: the API key was refused; check CONGRESS_API_KEY (get one at https://api.congress.gov/sign-up/)`,
    );
    expect(await run({})).toContain("HTTP 404: congress.gov does not know this bill");
    expect(await run({ [`${path}?offset=0`]: 429 })).toContain("rate limited");
    expect(await run({ [`${path}?offset=0`]: "<html>" })).toContain("the answer is not JSON");
    const elsewhere = await run({
      [`${path}?offset=0`]: { cosponsors: [], pagination: { count: 0, next: "https://evil.example/steal?offset=250" }, request },
    });
    expect(elsewhere).toContain("pagination.next points elsewhere: https://evil.example/steal?offset=250");

    const offline = (async (input: URL) => {
      throw new TypeError(`fetch failed for ${String(input)}`);
    }) as unknown as typeof fetch;
    const message = await failure(createCongressGovClient({ apiKey: KEY, fetch: offline }).fetchCosponsors("119-hr3069"));
    expect(message).toContain("could not connect");
    for (const text of [refused, elsewhere, message]) expect(text).not.toContain(KEY);
  });

  it("returns a body that is not a cosponsors page as it is, for the parser to judge", async () => {
    const error = { error: { code: "API_KEY_INVALID", message: "An invalid api_key was supplied." } };
    const { impl } = fakeFetch({ "/v3/bill/119/hr/3069/cosponsors?offset=0": error });
    expect(await createCongressGovClient({ apiKey: KEY, fetch: impl }).fetchCosponsors("119-hr3069")).toEqual(error);
  });
});

describe("FakeCongressGov", () => {
  it("serves what it was given and fails for unknown bills like the real client", async () => {
    const fake = new FakeCongressGov({ "119-hr3069": { cosponsors: [] } });
    expect(await fake.fetchCosponsors("119-hr3069")).toEqual({ cosponsors: [] });
    expect(await failure(fake.fetchCosponsors("119-s1506"))).toBe(
      "congress.gov: https://api.congress.gov/v3/bill/119/s/1506/cosponsors?format=json&limit=250: HTTP 404: congress.gov does not know this bill",
    );
    expect(fake.requests).toEqual(["119-hr3069", "119-s1506"]);
  });
});
