/**
 * Small, hand-written public data in the shared-data layout, for tests. Real enough to
 * exercise every importer (a multi-state ZCTA, an island area, a senator and a delegate, a
 * quoted city name, a bill whose sponsor changed), small enough to read in one screen.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { deflateRawSync, crc32 } from "node:zlib";

export const fixtureFiles: Record<string, string> = {
  // Filled in below from fixtureDistrictBoxes.
  "district-shapes/us-congress-districts-119.topo.json": "",
  "states.csv": `name,usps,fips,house_seats,nonvoting_delegate,senators,type
California,CA,06,52,0,2,state
Nevada,NV,32,4,0,2,state
Vermont,VT,50,1,0,2,state
District of Columbia,DC,11,0,1,0,district
Guam,GU,66,0,1,0,territory
`,
  "congress-legislators/legislators-current.yaml": `- id:
    bioguide: S000033
  name:
    first: Bernard
    last: Sanders
    official_full: Bernard Sanders
  terms:
  - type: rep
    start: '1991-01-03'
    end: '1993-01-03'
    state: VT
    district: 0
    party: Independent
  - type: sen
    start: '2025-01-03'
    end: '2031-01-03'
    state: VT
    class: 1
    party: Independent
    state_rank: senior
    url: https://www.sanders.senate.gov
    phone: 202-224-5141
    contact_form: https://www.sanders.senate.gov/contact/
    address: 332 Dirksen Senate Office Building Washington DC 20510
- id:
    bioguide: B001318
  name:
    first: Becca
    last: Balint
  terms:
  - type: rep
    start: '2025-01-03'
    end: '2027-01-03'
    state: VT
    district: 0
    party: Democrat
    phone: 202-225-4115
- id:
    bioguide: N000147
  name:
    first: Eleanor
    last: Norton
    official_full: Eleanor Holmes Norton
  terms:
  - type: rep
    start: '2025-01-03'
    end: '2027-01-03'
    state: DC
    district: 0
    party: Democrat
- id:
    bioguide: A000370
  name:
    first: Alma
    last: Adams
  terms:
  - type: rep
    start: '2026-06-10'
    end: '2027-01-03'
    state: CA
    district: 37
    party: Democrat
`,
  "congress-legislators/legislators-social-media.yaml": `# comment lines like upstream
- id:
    bioguide: S000033
  social:
    twitter: SenSanders
    youtube_id: UCD_DaKNac0Ta-2PeHuoQ1uA
- id:
    bioguide: B001318
  social:
    facebook: 123456789012345678
    bluesky: repbeccab.bsky.social
`,
  "congress-legislators/legislators-district-offices.yaml": `- id:
    bioguide: S000033
  offices:
  - id: S000033-burlington
    address: 1 Church St.
    suite: 3rd Floor
    city: Burlington
    state: VT
    zip: '05401'
    latitude: 44.4779
    longitude: -73.2129
    phone: 802-862-0697
- id:
    bioguide: B001318
  offices:
  - id: B001318-burlington
    address: 149 Bank St.
    city: Burlington
    state: VT
    zip: 5401
    latitude: 441.4779
    longitude: -73.2129
    phone: 802-652-2450
- id:
    bioguide: X000001
  offices:
  - id: X000001-gone
    city: Nowhere
`,
  "zip-districts/zccd.csv": `state_fips,state_abbr,zcta,cd
50,VT,05001,0
50,VT,05401,0
11,DC,20001,0
06,CA,90001,37
06,CA,90001,43
06,CA,89439,3
32,NV,89439,2
`,
  "zip-districts/zccd-island-areas.csv": `state_fips,state_abbr,zcta,cd
66,GU,96910,0
`,
  "zip-geo/zcta-centroids.csv": `zcta,lat,lng,states,state_source
05001,43.6706,-72.3800,VT,census_cd119_relationship
05401,44.4779,-73.2129,VT,census_cd119_relationship
20001,38.9101,-77.0179,DC,census_cd119_relationship
89439,39.5222,-120.0180,CA|NV,census_cd119_relationship
90001,33.9740,-118.2496,CA,census_cd119_relationship
96910,13.4745,144.7489,GU,usps_zip_prefix
`,
  "zip-geo/zip-city-state.csv": `zip_code,city,state,county,county_fips,latitude,longitude,timezone
05001,White River Junction,VT,Windsor,50027,43.67,-72.38,America/New_York
05401,Burlington,VT,Chittenden,50007,44.48,-73.21,America/New_York
20001,"Washington, ""the District""",DC,District of Columbia,11001,38.91,-77.02,America/New_York
`,
  "groups/single-payer-groups.csv": `name,state,city,website,email_or_contact_page,kind,source_url,as_of,notes
Healthcare-NOW,US,,https://www.healthcare-now.org,https://www.healthcare-now.org/about/,national organization,https://www.healthcare-now.org/about/,undated,National coalition.
Vermont Workers' Center,VT,Burlington,https://www.workerscenter.org,,local group,https://www.workerscenter.org,2011-05,"Stale page, ""check"" before launch."
`,
  "cosponsors/medicare-for-all-cosponsors.csv": `bill,bioguide_id,name,party,state,district,sponsor_or_cosponsor,date,withdrawn,source_url,notes
H.R.676 (115th),C000714,John Conyers Jr.,D,MI,13,sponsor,2017-01-24,,https://legiscan.com/US/bill/HB676/2017,Original sponsor.
H.R.676 (115th),E000288,Keith Ellison,D,MN,5,sponsor,2018-03-07,,https://legiscan.com/US/bill/HB676/2017,Took over.
H.R.676 (115th),S001156,Linda T. Sánchez,D,CA,38,cosponsor,2017-04-17,,http://subir.com/tag/healthcare,99th cosponsor.
H.R.676 (115th),B001296,Brendan F. Boyle,D,PA,13,cosponsor,,,http://subir.com/tag/healthcare,"No date, ""100th""."
`,
};

/** Axis-aligned squares as fixture district shapes: [west, south, east, north]. */
export const fixtureDistrictBoxes: { statefp: string; cd: string; box: [number, number, number, number] }[] = [
  { statefp: "50", cd: "00", box: [-73.4, 42.7, -71.5, 45.0] },
  { statefp: "11", cd: "98", box: [-77.12, 38.8, -76.9, 39.0] },
  { statefp: "06", cd: "37", box: [-118.4, 33.9, -118.2, 34.1] },
  { statefp: "32", cd: "02", box: [-120.0, 39.0, -117.0, 41.0] },
  { statefp: "66", cd: "98", box: [144.6, 13.2, 145.0, 13.7] },
];

/** A closed ring around a box, counter-clockwise (as GeoJSON wants outer rings). */
const boxRing = ([w, s, e, n]: [number, number, number, number]) => [[w, s], [e, s], [e, n], [w, n], [w, s]];

/** The fixture districts as the shared TopoJSON copy has them: one arc per square, no quantization. */
export function fixtureDistrictTopoJson(): string {
  return JSON.stringify({
    type: "Topology",
    objects: {
      cb_2024_us_cd119_500k: {
        type: "GeometryCollection",
        geometries: fixtureDistrictBoxes.map(({ statefp, cd }, i) => ({
          type: "Polygon",
          arcs: [[i]],
          properties: { GEOID: `${statefp}${cd}`, STATEFP: statefp, CD: cd, NAME: `District ${cd}` },
        })),
      },
    },
    arcs: fixtureDistrictBoxes.map(({ box }) => boxRing(box)),
  });
}

/**
 * A Census-style shapefile .zip (.shp polygons, clockwise outer rings; .dbf with STATEFP, CD119FP,
 * GEOID), for testing the download path without the 10 MB original.
 */
export function makeDistrictShapefileZip(features: { statefp: string; cd: string; rings: number[][][] }[]): Buffer {
  const records = features.map(({ rings }) => {
    const points = rings.flat();
    const content = Buffer.alloc(44 + rings.length * 4 + points.length * 16);
    content.writeInt32LE(5, 0);
    const xs = points.map((p) => p[0]!);
    const ys = points.map((p) => p[1]!);
    [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((v, i) => content.writeDoubleLE(v, 4 + i * 8));
    content.writeInt32LE(rings.length, 36);
    content.writeInt32LE(points.length, 40);
    let start = 0;
    rings.forEach((ring, i) => {
      content.writeInt32LE(start, 44 + i * 4);
      start += ring.length;
    });
    const at = 44 + rings.length * 4;
    points.forEach(([x, y], i) => {
      content.writeDoubleLE(x!, at + i * 16);
      content.writeDoubleLE(y!, at + i * 16 + 8);
    });
    return content;
  });
  const header = Buffer.alloc(100);
  header.writeInt32BE(9994, 0);
  header.writeInt32BE((100 + records.reduce((n, r) => n + 8 + r.length, 0)) / 2, 24);
  header.writeInt32LE(1000, 28);
  header.writeInt32LE(5, 32);
  const shp = Buffer.concat([
    header,
    ...records.flatMap((content, i) => {
      const recordHeader = Buffer.alloc(8);
      recordHeader.writeInt32BE(i + 1, 0);
      recordHeader.writeInt32BE(content.length / 2, 4);
      return [recordHeader, content];
    }),
  ]);
  const fields = [
    { name: "STATEFP", length: 2 },
    { name: "CD119FP", length: 2 },
    { name: "GEOID", length: 4 },
  ];
  const headerLength = 32 + fields.length * 32 + 1;
  const recordLength = 1 + fields.reduce((n, f) => n + f.length, 0);
  const dbf = Buffer.alloc(headerLength + features.length * recordLength + 1, 0x20);
  dbf.fill(0, 0, headerLength);
  dbf[0] = 3;
  dbf.writeUInt32LE(features.length, 4);
  dbf.writeUInt16LE(headerLength, 8);
  dbf.writeUInt16LE(recordLength, 10);
  fields.forEach((field, i) => {
    dbf.write(field.name, 32 + i * 32, "latin1");
    dbf[32 + i * 32 + 11] = 0x43; // C: text
    dbf[32 + i * 32 + 16] = field.length;
  });
  dbf[headerLength - 1] = 0x0d;
  features.forEach((feature, n) => {
    dbf.write(`${feature.statefp}${feature.cd}${feature.statefp}${feature.cd}`, headerLength + n * recordLength + 1, "latin1");
  });
  dbf[dbf.length - 1] = 0x1a;
  return makeZip([
    { name: "cb_2024_us_cd119_500k.shp", data: shp },
    { name: "cb_2024_us_cd119_500k.dbf", data: dbf },
    { name: "cb_2024_us_cd119_500k.prj", data: Buffer.from('GEOGCS["GCS_North_American_1983"]') },
  ]);
}

/** The fixture districts as the Census download: clockwise outer rings. */
export function fixtureDistrictShapefileZip(): Buffer {
  return makeDistrictShapefileZip(fixtureDistrictBoxes.map(({ statefp, cd, box }) => ({ statefp, cd, rings: [boxRing(box).reverse()] })));
}

/** The Census Gazetteer layout: tab-separated, last header padded with spaces as Census does. */
export const fixtureGazetteerTsv = [
  "GEOID\tALAND\tAWATER\tALAND_SQMI\tAWATER_SQMI\tINTPTLAT\tINTPTLONG                    ",
  "05001\t1\t0\t0.1\t0\t43.670600\t-72.380000       ",
  "20001\t1\t0\t0.1\t0\t38.910100\t-77.017900       ",
  "89439\t1\t0\t0.1\t0\t39.522200\t-120.018000      ",
  "96910\t1\t0\t0.1\t0\t13.474500\t144.748900       ",
  "99999\t1\t0\t0.1\t0\t40.000000\t-100.000000      ",
  "",
].join("\r\n");

/** curated-us-zips upstream: more columns than the shared copy, in another order. */
export const fixtureUpstreamZipCitiesCsv = `zip_code,population,city,state_name,state,county,county_fips,latitude,longitude,timezone,density
05001,9000,White River Junction,Vermont,VT,Windsor,50027,43.67,-72.38,America/New_York,80
05401,42000,Burlington,Vermont,VT,Chittenden,50007,44.48,-73.21,America/New_York,1500
`;

fixtureFiles["district-shapes/us-congress-districts-119.topo.json"] = fixtureDistrictTopoJson();

/** A temporary DATA_DIR with the fixture files; `changes` replaces files (null deletes one). */
export function createFixtureDataDir(changes: Record<string, string | null> = {}): { dir: string; write(path: string, text: string | null): void; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "everybody-in-data-"));
  const write = (path: string, text: string | null) => {
    const target = join(dir, path);
    if (text === null) return rmSync(target, { force: true });
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  };
  for (const [path, text] of Object.entries({ ...fixtureFiles, ...changes })) write(path, text);
  return { dir, write, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A minimal .zip writer (stored or deflated entries), to test the reader against. */
export function makeZip(entries: { name: string; data: Buffer; deflate?: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const body = entry.deflate === false ? entry.data : deflateRawSync(entry.data);
    const method = entry.deflate === false ? 0 : 8;
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
