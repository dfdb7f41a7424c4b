import { Hono, type Context } from "hono";
import { applyGroupsImport } from "../../domain/admin/groups/apply-groups-import.js";
import { createGroup } from "../../domain/admin/groups/create-group.js";
import { exportGroupsCsv } from "../../domain/admin/groups/export-groups-csv.js";
import { getGroupForAdmin } from "../../domain/admin/groups/get-group-for-admin.js";
import { groupFields, type GroupField } from "../../domain/admin/groups/group-fields.js";
import { inviteOrganizer } from "../../domain/admin/groups/invite-organizer.js";
import { listGroupsForAdmin } from "../../domain/admin/groups/list-groups-for-admin.js";
import { mergeGroups } from "../../domain/admin/groups/merge-groups.js";
import { previewGroupsImport } from "../../domain/admin/groups/preview-groups-import.js";
import { deactivateGroup, reactivateGroup } from "../../domain/admin/groups/set-group-status.js";
import { updateGroup } from "../../domain/admin/groups/update-group.js";
import { DomainError, invalid } from "../../domain/errors.js";
import { loadGroupDirectory } from "../../domain/groups/group-directory.js";
import type { AppEnv } from "../../http/types.js";
import { emptyForm, type FormState } from "../components/form.js";
import { readForm, submitForm } from "../forms.js";
import {
  GroupEditPage,
  GroupNewPage,
  GroupsImportPage,
  GroupsImportPreviewPage,
  GroupsListPage,
  type GroupEditForms,
} from "../pages/admin-groups-pages.js";
import { renderPage, sendCsv } from "../render.js";
import { viewFor } from "../view.js";

const ID = ":id{[0-9]{1,9}}";
const idOf = (c: Context<AppEnv>) => Number(c.req.param("id"));
const states = async (c: Context<AppEnv>) => (await loadGroupDirectory(c.var.deps.ctx)).states;
const groupFieldsOf = (fields: Record<string, string>) => Object.fromEntries(groupFields.map((f) => [f, fields[f] ?? ""])) as Record<GroupField, string>;
const to = (c: Context<AppEnv>, path: string) => c.redirect(viewFor(c).href(path), 303);

function groupNotice(c: Context<AppEnv>, groupName = ""): string | undefined {
  const g = c.var.t.admin.groups;
  const n = (name: string) => Number(c.req.query(name)) || 0;
  switch (c.req.query("done")) {
    case "created":
      return g.created(groupName);
    case "saved":
      return g.saved(n("changed"));
    case "deactivated":
      return g.deactivated;
    case "reactivated":
      return g.reactivated;
    case "merged":
      return g.merged(n("members"), n("organizers"));
    case "invited":
      return g.invited(c.req.query("email") ?? "");
    case "reinvited":
      return g.reinvited(c.req.query("email") ?? "");
    case "imported":
      return g.imported(n("created"), n("updated"));
    default:
      return undefined;
  }
}

async function editPage(c: Context<AppEnv>, forms: Partial<GroupEditForms> = {}, status: 200 | 400 = 200) {
  const group = await getGroupForAdmin({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, groupId: idOf(c) } });
  return renderPage(
    c,
    <GroupEditPage
      view={viewFor(c)}
      group={group}
      forms={{ edit: forms.edit ?? emptyForm(group.fields), invite: forms.invite ?? emptyForm(), merge: forms.merge ?? emptyForm() }}
      states={await states(c)}
      notice={status === 200 ? groupNotice(c, group.name) : undefined}
    />,
    status,
  );
}

/** The CSV of an import: the uploaded file when one was chosen, else the pasted text. */
async function importText(c: Context<AppEnv>): Promise<string> {
  const body = await c.req.parseBody();
  const file = body.file;
  if (file instanceof File && file.size > 0) return file.text();
  return typeof body.csv === "string" ? body.csv : "";
}

/** /admin/groups: every group, its page, merges, organizers, and CSV in and out. Behind the admin gate (admin/index.tsx). */
export const groupsAdminRoutes = new Hono<AppEnv>()
  .get("/admin/groups", async (c) => {
    const filters = { q: c.req.query("q") ?? "", state: (c.req.query("state") ?? "").toUpperCase(), status: c.req.query("status") ?? "" };
    const result = await listGroupsForAdmin({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, ...filters } });
    return renderPage(
      c,
      <GroupsListPage view={viewFor(c)} groups={result.groups} truncated={result.truncated} filters={filters} states={await states(c)} notice={groupNotice(c)} />,
    );
  })
  .get("/admin/groups.csv", async (c) => {
    const { csv, filename } = await exportGroupsCsv({ ctx: c.var.deps.ctx, input: { actor: c.var.actor } });
    return sendCsv(c, csv, filename);
  })
  .get("/admin/groups/new", async (c) => renderPage(c, <GroupNewPage view={viewFor(c)} form={emptyForm({ kind: "local group" })} states={await states(c)} />))
  .post("/admin/groups/new", async (c) => {
    const { fields } = await readForm(c);
    const outcome = await submitForm(fields, () => createGroup({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, fields: groupFieldsOf(fields) } }));
    if (!outcome.ok) return renderPage(c, <GroupNewPage view={viewFor(c)} form={outcome.form} states={await states(c)} />, 400);
    return to(c, `/admin/groups/${outcome.result.groupId}?done=created`);
  })
  .get("/admin/groups/import", (c) => renderPage(c, <GroupsImportPage view={viewFor(c)} form={emptyForm()} />))
  .post("/admin/groups/import", async (c) => {
    const csv = await importText(c);
    if (!csv.trim()) {
      const form: FormState = { values: {}, errors: { file: "required" } };
      return renderPage(c, <GroupsImportPage view={viewFor(c)} form={form} />, 400);
    }
    const preview = await previewGroupsImport({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, csv } });
    const ok = preview.fileErrors.length === 0 && preview.counts.invalid === 0;
    return renderPage(c, <GroupsImportPreviewPage view={viewFor(c)} preview={preview} csv={csv} />, ok ? 200 : 400);
  })
  .post("/admin/groups/import/apply", async (c) => {
    const { fields } = await readForm(c);
    const csv = fields.csv ?? "";
    try {
      const result = await applyGroupsImport({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, csv } });
      return to(c, `/admin/groups?done=imported&created=${result.created}&updated=${result.updated}`);
    } catch (error) {
      if (!(error instanceof DomainError && error.code === "invalid")) throw error;
      // The groups changed since the preview, or the file was tampered with: show what is wrong now.
      const preview = await previewGroupsImport({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, csv } });
      return renderPage(c, <GroupsImportPreviewPage view={viewFor(c)} preview={preview} csv={csv} status="blocked" />, 400);
    }
  })
  .get(`/admin/groups/${ID}`, (c) => editPage(c))
  .post(`/admin/groups/${ID}`, async (c) => {
    const { fields } = await readForm(c);
    const outcome = await submitForm(fields, () => updateGroup({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, groupId: idOf(c), fields: groupFieldsOf(fields) } }));
    if (!outcome.ok) return editPage(c, { edit: outcome.form }, 400);
    return to(c, `/admin/groups/${idOf(c)}?done=saved&changed=${outcome.result.changed.length}`);
  })
  .post(`/admin/groups/${ID}/deactivate`, async (c) => {
    await deactivateGroup({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, groupId: idOf(c) } });
    return to(c, `/admin/groups/${idOf(c)}?done=deactivated`);
  })
  .post(`/admin/groups/${ID}/reactivate`, async (c) => {
    await reactivateGroup({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, groupId: idOf(c) } });
    return to(c, `/admin/groups/${idOf(c)}?done=reactivated`);
  })
  .post(`/admin/groups/${ID}/merge`, async (c) => {
    const { fields } = await readForm(c);
    const { ctx } = c.var.deps;
    const actor = c.var.actor;
    const outcome = await submitForm(fields, async () => {
      const text = (fields.duplicateId ?? "").trim().replace(/^#/, "");
      if (!text) throw invalid("Which group is the duplicate?", { duplicateId: "required" });
      const duplicateId = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
      // An unknown duplicate is a mistyped field here, not a missing page (the kept group is the URL's).
      const exists = duplicateId !== idOf(c) && (await getGroupForAdmin({ ctx, input: { actor, groupId: duplicateId } }).then(() => true, (error) => {
        if (error instanceof DomainError && error.code === "not_found") return false;
        throw error;
      }));
      if (!exists) throw invalid("Give another group's number.", { duplicateId: "invalid_choice" });
      return mergeGroups({ ctx, input: { actor, keepId: idOf(c), duplicateId } });
    });
    if (!outcome.ok) return editPage(c, { merge: outcome.form }, 400);
    return to(c, `/admin/groups/${idOf(c)}?done=merged&members=${outcome.result.membersMoved}&organizers=${outcome.result.organizersMoved}`);
  })
  .post(`/admin/groups/${ID}/invite`, async (c) => {
    const { fields } = await readForm(c);
    const outcome = await submitForm(fields, () =>
      inviteOrganizer({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, groupId: idOf(c), email: fields.inviteEmail ?? "", name: fields.inviteName ?? "" } }),
    );
    if (!outcome.ok) {
      // The page has the group's own name field too, so the invitation's fields have their own names.
      const { name, email } = outcome.form.errors;
      return editPage(c, { invite: { values: outcome.form.values, errors: { inviteName: name, inviteEmail: email } } }, 400);
    }
    const email = encodeURIComponent((fields.inviteEmail ?? "").trim());
    return to(c, `/admin/groups/${idOf(c)}?done=${outcome.result.alreadyOrganizer ? "reinvited" : "invited"}&email=${email}`);
  });
