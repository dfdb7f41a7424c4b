/** English words for the cosponsors pages; part of the `en` catalogue as `cosponsors`. */
export const cosponsorsEn = {
  title: "Cosponsors",
} as const;
