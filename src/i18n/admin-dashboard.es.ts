import type { Messages } from "./en.js";

/** Spanish words for /admin (dashboard); part of the catalogue as `admin.dashboard`. */
export const adminDashboardEs: Messages["admin"]["dashboard"] = {
  title: "Dashboard",
};
