import type { Messages } from "./en.js";

/** Spanish words for the cosponsors pages; part of the `es` catalogue as `cosponsors`. */
export const cosponsorsEs: Messages["cosponsors"] = {
  title: "Cosponsors",
};
