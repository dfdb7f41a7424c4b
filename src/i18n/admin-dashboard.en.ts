/** English words for /admin (dashboard); part of the catalogue as `admin.dashboard`. */
export const adminDashboardEn = {
  title: "Dashboard",
} as const;
