/** English words for /admin (people); part of the catalogue as `admin.people`. */
export const adminPeopleEn = {
  title: "People",
} as const;
