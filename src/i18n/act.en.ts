/** English words for the act pages; part of the `en` catalogue as `act`. */
export const actEn = {
  title: "Act",
} as const;
