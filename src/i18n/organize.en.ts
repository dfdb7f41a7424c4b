/** English words for the organize area; part of the `en` catalogue as `organize`. */
export const organizeEn = {
  title: "Your groups",
} as const;
