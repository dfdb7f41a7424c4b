import type { Messages } from "./en.js";

/** Spanish words for the organize area; part of the `es` catalogue as `organize`. */
export const organizeEs: Messages["organize"] = {
  title: "Your groups",
};
