/** English words for /admin (moderation); part of the catalogue as `admin.moderation`. */
export const adminModerationEn = {
  title: "Moderation",
} as const;
