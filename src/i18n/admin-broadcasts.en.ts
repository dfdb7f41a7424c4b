/** English words for /admin (broadcasts); part of the catalogue as `admin.broadcasts`. */
export const adminBroadcastsEn = {
  title: "Broadcasts",
} as const;
