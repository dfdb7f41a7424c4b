import type { Messages } from "./en.js";

/** Spanish words for /admin (groups); part of the catalogue as `admin.groups`. */
export const adminGroupsEs: Messages["admin"]["groups"] = {
  title: "Groups",
};
