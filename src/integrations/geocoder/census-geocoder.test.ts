import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { censusGeocoder, parseCensusResponse } from "./census-geocoder.js";
import { districtFromCensusCode, GeocoderUnavailableError } from "./geocoder.js";

/** One address match shaped like the Census geographies/onelineaddress answer (trimmed). */
function match(matchedAddress: string, district: { STATE: string; CD119: string; BASENAME: string; NAME: string }) {
  return {
    tigerLine: { side: "L", tigerLineId: "76225813" },
    coordinates: { x: -77.0365, y: 38.8977 },
    addressComponents: { zip: "20500", streetName: "PENNSYLVANIA", preType: "", city: "WASHINGTON", state: "DC", suffixType: "AVE" },
    matchedAddress,
    geographies: {
      States: [{ STATE: district.STATE, BASENAME: "State", NAME: "State", GEOID: district.STATE, STUSAB: "XX" }],
      "119th Congressional Districts": [
        {
          GEOID: `${district.STATE}${district.CD119}`,
          CDSESSN: "119",
          CENTLAT: "+38.9041485",
          AREAWATER: 18633403,
          BASENAME: district.BASENAME,
          STATE: district.STATE,
          OID: "27590331264567",
          LSADC: "C2",
          FUNCSTAT: "N",
          INTPTLAT: "+38.9041031",
          NAME: district.NAME,
          OBJECTID: 312,
          CENTLON: "-077.0171672",
          CD119: district.CD119,
          AREALAND: 158316124,
          INTPTLON: "-077.0172290",
          MTFCC: "G5200",
        },
      ],
      "Census Tracts": [{ GEOID: "11001980000", STATE: district.STATE, TRACT: "980000", BASENAME: "9800" }],
    },
  };
}

function censusAnswer(matches: unknown[]) {
  return {
    result: {
      input: {
        address: { address: "1600 Pennsylvania Ave NW, Washington, DC 20500" },
        vintage: { isDefault: true, id: "4", vintageName: "Current_Current", vintageDescription: "Current Vintage - Current Benchmark" },
        benchmark: { isDefault: false, benchmarkDescription: "Public Address Ranges - Current Benchmark", id: "4", benchmarkName: "Public_AR_Current" },
      },
      addressMatches: matches,
    },
  };
}

const minneapolis = match("300 NICOLLET MALL, MINNEAPOLIS, MN, 55401", {
  STATE: "27",
  CD119: "05",
  BASENAME: "5",
  NAME: "Congressional District 5",
});
const whiteHouse = match("1600 PENNSYLVANIA AVE NW, WASHINGTON, DC, 20500", {
  STATE: "11",
  CD119: "98",
  BASENAME: "Delegate District (at Large)",
  NAME: "Delegate District (at Large)",
});
const burlington = match("149 CHURCH ST, BURLINGTON, VT, 05401", {
  STATE: "50",
  CD119: "00",
  BASENAME: "Congressional District (at Large)",
  NAME: "Congressional District (at Large)",
});

describe("parseCensusResponse", () => {
  it("reads the point, state and district of the first match", () => {
    expect(parseCensusResponse(censusAnswer([minneapolis]))).toEqual({
      stateFips: "27",
      district: 5,
      point: { lat: 38.8977, lng: -77.0365 },
      matchedAddress: "300 NICOLLET MALL, MINNEAPOLIS, MN, 55401",
    });
  });

  it("answers with the point alone when the match has no district layer (the app places it with its own shapes)", () => {
    const noLayer = structuredClone(minneapolis) as { geographies: Record<string, unknown>; coordinates: unknown };
    delete noLayer.geographies["119th Congressional Districts"];
    noLayer.coordinates = { x: -93.2716, y: 44.9765 };
    expect(parseCensusResponse(censusAnswer([noLayer]))).toEqual({
      point: { lat: 44.9765, lng: -93.2716 },
      matchedAddress: "300 NICOLLET MALL, MINNEAPOLIS, MN, 55401",
    });
  });

  it("turns at-large (00) and delegate (98) districts into 0", () => {
    expect(parseCensusResponse(censusAnswer([burlington]))).toMatchObject({ stateFips: "50", district: 0 });
    expect(parseCensusResponse(censusAnswer([whiteHouse]))).toMatchObject({ stateFips: "11", district: 0 });
  });

  it("reads whichever Congress the district layer is named after", () => {
    const next = structuredClone(minneapolis) as { geographies: Record<string, Record<string, unknown>[]> };
    const layer = next.geographies["119th Congressional Districts"]![0]!;
    delete next.geographies["119th Congressional Districts"];
    delete layer.CD119;
    next.geographies["120th Congressional Districts"] = [{ ...layer, CD120: "07", BASENAME: "7" }];
    expect(parseCensusResponse(censusAnswer([next]))).toMatchObject({ stateFips: "27", district: 7 });
  });

  it("falls back to BASENAME when there is no CDnnn field", () => {
    const plain = structuredClone(minneapolis) as { geographies: Record<string, Record<string, unknown>[]> };
    delete plain.geographies["119th Congressional Districts"]![0]!.CD119;
    expect(parseCensusResponse(censusAnswer([plain]))).toMatchObject({ district: 5 });
  });

  it("skips a match with neither a point nor a district (or only water, ZZ), and takes the next", () => {
    const noLayer = structuredClone(minneapolis) as { geographies: Record<string, unknown>; coordinates?: unknown };
    delete noLayer.geographies["119th Congressional Districts"];
    delete noLayer.coordinates;
    const water = match("LAKE, MN", { STATE: "27", CD119: "ZZ", BASENAME: "ZZ", NAME: "Congressional Districts not defined" }) as { coordinates?: unknown };
    delete water.coordinates;
    expect(parseCensusResponse(censusAnswer([noLayer, water, burlington]))).toMatchObject({ stateFips: "50", district: 0 });
    expect(parseCensusResponse(censusAnswer([noLayer, water]))).toBeNull();
  });

  it("answers null when the address did not match", () => {
    expect(parseCensusResponse(censusAnswer([]))).toBeNull();
  });

  it.each([
    ["an HTML error page", "<html>Service Unavailable</html>"],
    ["null", null],
    ["an errors object", { errors: ["Address cannot be empty and cannot exceed 100 characters"], status: "400" }],
    ["matches that are not a list", { result: { addressMatches: "none" } }],
  ])("throws GeocoderUnavailableError for %s", (_label, body) => {
    expect(() => parseCensusResponse(body)).toThrow(GeocoderUnavailableError);
  });
});

describe("districtFromCensusCode", () => {
  it.each([
    ["00", 0],
    ["98", 0],
    ["01", 1],
    ["52", 52],
    ["ZZ", undefined],
    ["99", undefined],
    ["", undefined],
  ])("%j → %j", (code, district) => {
    expect(districtFromCensusCode(code)).toBe(district);
  });
});

describe("censusGeocoder over HTTP", () => {
  let server: Server;
  let baseUrl: string;
  let handler: (req: IncomingMessage, res: ServerResponse) => void;
  const requests: URL[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(new URL(req.url ?? "/", "http://localhost"));
      handler(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    requests.length = 0;
  });

  const json = (status: number, body: unknown) => (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };

  it("asks for the current geographies of a one-line address and reads the district", async () => {
    handler = json(200, censusAnswer([minneapolis]));
    const geocoder = censusGeocoder({ baseUrl: `${baseUrl}/`, timeoutMs: 2000 });
    await expect(geocoder.districtForAddress("300 Nicollet Mall, 55401")).resolves.toEqual({
      stateFips: "27",
      district: 5,
      point: { lat: 38.8977, lng: -77.0365 },
      matchedAddress: "300 NICOLLET MALL, MINNEAPOLIS, MN, 55401",
    });
    expect(requests).toHaveLength(1);
    const url = requests[0]!;
    expect(url.pathname).toBe("/geocoder/geographies/onelineaddress");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      address: "300 Nicollet Mall, 55401",
      benchmark: "Public_AR_Current",
      vintage: "Current_Current",
      format: "json",
    });
  });

  it("answers null for an address the Census cannot match", async () => {
    handler = json(200, censusAnswer([]));
    await expect(censusGeocoder({ baseUrl }).districtForAddress("nowhere")).resolves.toBeNull();
  });

  it.each([500, 502, 503, 429])("is unavailable when the service answers %i", async (status) => {
    handler = json(status, { error: "busy" });
    await expect(censusGeocoder({ baseUrl }).districtForAddress("300 Nicollet Mall")).rejects.toThrow(GeocoderUnavailableError);
  });

  it("is unavailable when the service answers something that is not JSON", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html><body>Maintenance</body></html>");
    };
    await expect(censusGeocoder({ baseUrl }).districtForAddress("300 Nicollet Mall")).rejects.toThrow(GeocoderUnavailableError);
  });

  it("gives up after its timeout when the service does not answer", async () => {
    handler = () => {}; // never responds
    const started = Date.now();
    const error = await censusGeocoder({ baseUrl, timeoutMs: 150 }).districtForAddress("300 Nicollet Mall").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeocoderUnavailableError);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("is unavailable when nothing listens", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(censusGeocoder({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 2000 }).districtForAddress("x")).rejects.toThrow(
      GeocoderUnavailableError,
    );
  });
});
