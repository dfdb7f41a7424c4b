/** English words for /admin (groups); part of the catalogue as `admin.groups`. */
export const adminGroupsEn = {
  title: "Groups",
} as const;
