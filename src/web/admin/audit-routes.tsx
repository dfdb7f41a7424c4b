import { Hono } from "hono";
import { listAuditEvents } from "../../domain/admin/audit/list-audit-events.js";
import { DomainError } from "../../domain/errors.js";
import type { AppEnv } from "../../http/types.js";
import { AuditLogPage } from "../pages/admin-audit-pages.js";
import { renderPage } from "../render.js";
import { viewFor } from "../view.js";

/** /admin/audit: the audit log, newest first, filtered by action prefix and by who. Mounted by admin/index.tsx behind sign-in and the "administer" permission. */
export const auditAdminRoutes = new Hono<AppEnv>().get("/admin/audit", async (c) => {
  const values: Record<string, string> = {};
  for (const name of ["action", "actor", "before"]) {
    const value = c.req.query(name);
    if (value !== undefined) values[name] = value;
  }
  const input = { actor: c.var.actor, action: values.action, actorEmail: values.actor, before: values.before };
  try {
    const page = await listAuditEvents({ ctx: c.var.deps.ctx, input });
    return renderPage(c, <AuditLogPage view={viewFor(c)} form={{ values, errors: {} }} page={page} />);
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== "invalid") throw error;
    const errors = Object.fromEntries(Object.entries(error.fieldErrors).map(([k, v]) => [k === "actorEmail" ? "actor" : k, v]));
    const page = { events: [], olderThan: null };
    return renderPage(c, <AuditLogPage view={viewFor(c)} form={{ values, errors }} page={page} invalid />, 400);
  }
});
