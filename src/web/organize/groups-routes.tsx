import { Hono, type Context } from "hono";
import { confirmGroupActive } from "../../domain/organize/confirm-group-active.js";
import { exportGroupMembersCsv } from "../../domain/organize/export-group-members-csv.js";
import { getGroupForEditing } from "../../domain/organize/get-group-for-editing.js";
import { inviteCoOrganizer } from "../../domain/organize/invite-co-organizer.js";
import { listGroupMembers } from "../../domain/organize/list-group-members.js";
import { listMyGroups } from "../../domain/organize/list-my-groups.js";
import { socialNetworks, updateGroupPage } from "../../domain/organize/update-group-page.js";
import type { AppEnv } from "../../http/types.js";
import { emptyForm, type FormState } from "../components/form.js";
import { readForm, submitForm } from "../forms.js";
import { GroupEditPage, groupBase, groupPageValues, MembersPage, OrganizeHomePage } from "../pages/organize-pages.js";
import { renderPage, sendCsv } from "../render.js";
import { viewFor } from "../view.js";

export const GROUP_PATH = "/organize/groups/:groupId{[0-9]{1,9}}";
export const groupIdParam = (c: Context<AppEnv>) => Number(c.req.param("groupId"));

async function groupPage(c: Context<AppEnv>, forms: { page?: FormState; invite?: FormState } = {}, status: 200 | 400 = 200) {
  const group = await getGroupForEditing({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, groupId: groupIdParam(c) } });
  const t = c.var.t.organize;
  const done = c.req.query("done");
  const notice = done === "saved" ? t.saved : done === "confirmed" ? t.confirmedActive : done === "invited" ? t.invited(c.req.query("email") ?? "") : undefined;
  return renderPage(
    c,
    <GroupEditPage view={viewFor(c)} group={group} pageForm={forms.page ?? emptyForm(groupPageValues(group))} inviteForm={forms.invite ?? emptyForm()} notice={status === 200 ? notice : undefined} />,
    status,
  );
}

const back = (c: Context<AppEnv>, query: string) => c.redirect(viewFor(c).href(`${groupBase(groupIdParam(c))}?${query}`), 303);

/** /organize, a group's page editor, its organizers, its members and their CSV. Each action checks the group in the URL. */
export const organizeGroupsRoutes = new Hono<AppEnv>()
  .get("/organize", async (c) => {
    const groups = await listMyGroups({ ctx: c.var.deps.ctx, input: { actor: c.var.actor } });
    return renderPage(c, <OrganizeHomePage view={viewFor(c)} actor={c.var.actor!} groups={groups} />);
  })
  .get(GROUP_PATH, (c) => groupPage(c))
  .post(GROUP_PATH, async (c) => {
    const { fields } = await readForm(c);
    const outcome = await submitForm(fields, () =>
      updateGroupPage({
        ctx: c.var.deps.ctx,
        input: {
          actor: c.var.actor,
          groupId: groupIdParam(c),
          description: fields.description ?? "",
          meetingDetails: fields.meetingDetails ?? "",
          city: fields.city ?? "",
          websiteUrl: fields.websiteUrl ?? "",
          socialLinks: Object.fromEntries(socialNetworks.map((n) => [n, fields[`social_${n}`] ?? ""])),
          status: fields.status ?? "",
        },
      }),
    );
    if (!outcome.ok) return groupPage(c, { page: outcome.form }, 400);
    return back(c, "done=saved");
  })
  .post(`${GROUP_PATH}/confirm-active`, async (c) => {
    await confirmGroupActive({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, groupId: groupIdParam(c) } });
    return back(c, "done=confirmed");
  })
  .post(`${GROUP_PATH}/organizers`, async (c) => {
    const { fields } = await readForm(c);
    const email = (fields.email ?? "").trim();
    const outcome = await submitForm(fields, () =>
      inviteCoOrganizer({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, groupId: groupIdParam(c), name: fields.name ?? "", email, locale: c.var.locale } }),
    );
    if (!outcome.ok) return groupPage(c, { invite: outcome.form }, 400);
    return back(c, `done=invited&email=${encodeURIComponent(email)}`);
  })
  .get(`${GROUP_PATH}/members`, async (c) => {
    const list = await listGroupMembers({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, groupId: groupIdParam(c) } });
    return renderPage(c, <MembersPage view={viewFor(c)} list={list} />);
  })
  .get(`${GROUP_PATH}/members.csv`, async (c) => {
    const { csv, filename } = await exportGroupMembersCsv({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, groupId: groupIdParam(c) } });
    return sendCsv(c, csv, filename);
  });
