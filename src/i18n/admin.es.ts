import type { Messages } from "./en.js";

/** Spanish words for the admin area; part of the `es` catalogue as `admin`. */
export const adminEs: Messages["admin"] = {
  title: "Admin",
};
