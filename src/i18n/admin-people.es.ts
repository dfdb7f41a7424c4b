import type { Messages } from "./en.js";

/** Spanish words for /admin (people); part of the catalogue as `admin.people`. */
export const adminPeopleEs: Messages["admin"]["people"] = {
  title: "People",
};
