/** English words for /admin (cosponsors); part of the catalogue as `admin.cosponsors`. */
export const adminCosponsorsEn = {
  title: "Cosponsors",
} as const;
