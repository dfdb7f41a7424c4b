import type { Messages } from "./en.js";

/** Spanish words for /admin (campaigns); part of the catalogue as `admin.campaigns`. */
export const adminCampaignsEs: Messages["admin"]["campaigns"] = {
  title: "Campaigns",
};
