import type { Messages } from "./en.js";

/** Spanish words for /admin (moderation); part of the catalogue as `admin.moderation`. */
export const adminModerationEs: Messages["admin"]["moderation"] = {
  title: "Moderation",
};
