/** English words for the admin area; part of the `en` catalogue as `admin`. */
export const adminEn = {
  title: "Admin",
} as const;
