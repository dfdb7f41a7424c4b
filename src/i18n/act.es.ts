import type { Messages } from "./en.js";

/** Spanish words for the act pages; part of the `es` catalogue as `act`. */
export const actEs: Messages["act"] = {
  title: "Act",
};
