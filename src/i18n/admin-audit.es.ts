import type { Messages } from "./en.js";

/** Spanish words for /admin (audit); part of the catalogue as `admin.audit`. */
export const adminAuditEs: Messages["admin"]["audit"] = {
  title: "Audit",
};
