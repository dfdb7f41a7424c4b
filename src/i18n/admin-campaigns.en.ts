/** English words for /admin (campaigns); part of the catalogue as `admin.campaigns`. */
export const adminCampaignsEn = {
  title: "Campaigns",
} as const;
