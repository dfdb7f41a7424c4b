import type { Messages } from "./en.js";

/** Spanish words for /admin (broadcasts); part of the catalogue as `admin.broadcasts`. */
export const adminBroadcastsEs: Messages["admin"]["broadcasts"] = {
  title: "Broadcasts",
};
