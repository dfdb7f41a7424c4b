import type { Messages } from "./en.js";

/** Spanish words for /admin (cosponsors); part of the catalogue as `admin.cosponsors`. */
export const adminCosponsorsEs: Messages["admin"]["cosponsors"] = {
  title: "Cosponsors",
};
