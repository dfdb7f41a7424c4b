/** English words for /admin (audit); part of the catalogue as `admin.audit`. */
export const adminAuditEn = {
  title: "Audit",
} as const;
