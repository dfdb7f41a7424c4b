import type { z } from "zod";

/** The first zod issue as `path.to.field: message`, short enough for a one-line error. */
export function zodDetail(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid value";
  const path = issue.path.map((part) => (typeof part === "number" ? `[${part}]` : `.${String(part)}`)).join("").replace(/^\./, "");
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem(s))` : "";
  return `${path || "top level"}: ${issue.message}${more}`;
}
