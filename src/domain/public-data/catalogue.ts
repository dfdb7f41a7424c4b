/**
 * The public datasets the app imports, where each one is published, and its licence.
 * `files` are names relative to DATA_DIR (the layout of shared/data, see docs/data.md);
 * `downloadUrl` is where `npm run data:update` fetches each file when DATA_DIR is not set.
 */
export interface DatasetFile {
  /** Path under DATA_DIR. */
  path: string;
  /** Canonical public URL; absent when the file is derived by this project and shipped in seed/. */
  downloadUrl?: string;
  /** Fallback inside the repository (seed/) used when DATA_DIR is not set. */
  seedPath?: string;
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
  | "bills";

const LEGISLATORS_BASE = "https://unitedstates.github.io/congress-legislators";

export const datasetCatalogue: readonly DatasetEntry[] = [
  {
    key: "states",
    title: "US states, DC and territories",
    sourceUrl: "https://www.census.gov/library/reference/code-lists/ansi.html",
    licence: "Public domain (US Government work)",
    files: [{ path: "states.csv", seedPath: "seed/states.csv" }],
  },
  {
    key: "legislators",
    title: "Members of Congress, their offices and official social media",
    sourceUrl: "https://github.com/unitedstates/congress-legislators",
    licence: "CC0 1.0",
    licenceUrl: "https://creativecommons.org/publicdomain/zero/1.0/",
    files: [
      { path: "congress-legislators/legislators-current.yaml", downloadUrl: `${LEGISLATORS_BASE}/legislators-current.yaml` },
      { path: "congress-legislators/legislators-social-media.yaml", downloadUrl: `${LEGISLATORS_BASE}/legislators-social-media.yaml` },
      {
        path: "congress-legislators/legislators-district-offices.yaml",
        downloadUrl: `${LEGISLATORS_BASE}/legislators-district-offices.yaml`,
      },
    ],
  },
  {
    key: "zip-districts",
    title: "ZIP code areas (ZCTAs) to congressional districts, 119th Congress",
    sourceUrl: "https://github.com/OpenSourceActivismTech/us-zipcodes-congress",
    licence: "Public domain (US Government work)",
    files: [
      {
        path: "zip-districts/zccd.csv",
        downloadUrl: "https://raw.githubusercontent.com/OpenSourceActivismTech/us-zipcodes-congress/master/zccd.csv",
      },
      { path: "zip-districts/zccd-island-areas.csv", seedPath: "seed/zccd-island-areas.csv" },
    ],
  },
  {
    key: "zip-centroids",
    title: "ZIP code area centre points (Census 2022 Gazetteer)",
    sourceUrl: "https://www.census.gov/geographies/reference-files/time-series/geo/gazetteer-files.html",
    licence: "Public domain (US Government work)",
    files: [
      {
        path: "zip-geo/zcta-centroids.csv",
        downloadUrl: "https://www2.census.gov/geo/docs/maps-data/data/gazetteer/2022_Gazetteer/2022_Gaz_zcta_national.zip",
      },
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
        downloadUrl: "https://raw.githubusercontent.com/ReadyAPIs-com/curated-us-zips/main/data/us-zips.csv",
      },
    ],
  },
  {
    key: "groups",
    title: "Starter list of local single-payer groups",
    sourceUrl: "https://github.com/everybody-in/everybody-in/blob/main/seed/groups.json",
    licence: "Facts compiled from public pages (each group links its source)",
    files: [{ path: "groups/single-payer-groups.csv", seedPath: "seed/groups.json" }],
  },
  {
    key: "bills",
    title: "Medicare for All Act sponsors and cosponsors",
    sourceUrl: "https://www.govinfo.gov/bulkdata/BILLSTATUS",
    licence: "Public domain (US Government work)",
    files: [{ path: "cosponsors/medicare-for-all-cosponsors.csv", seedPath: "seed/bills.json" }],
  },
];
