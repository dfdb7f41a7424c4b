import type { Context } from "hono";
import { getGroupForEditing } from "../../domain/organize/get-group-for-editing.js";
import { listBroadcasts } from "../../domain/organize/list-broadcasts.js";
import type { AppEnv } from "../../http/types.js";
import { broadcastRoutes } from "../components/broadcast-composer.js";
import { GroupFrame, groupBase } from "../pages/organize-pages.js";
import { viewFor } from "../view.js";
import { GROUP_PATH, groupIdParam } from "./groups-routes.js";

const audienceOf = (c: Context<AppEnv>) => `group:${groupIdParam(c)}`;
/** Checks the actor may manage the group in the URL before any page about it is drawn. */
const groupOf = (c: Context<AppEnv>) => getGroupForEditing({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, groupId: groupIdParam(c) } });

/** /organize/groups/:id/email: write to the group's members (the shared composer, audience fixed to the group). */
export const organizeEmailRoutes = broadcastRoutes(`${GROUP_PATH}/email`, {
  base: (c) => `${groupBase(groupIdParam(c))}/email`,
  async frame(c, title, body, scripts) {
    const group = await groupOf(c);
    return (
      <GroupFrame view={viewFor(c)} group={group} section="email" title={title} scripts={scripts}>
        {title === undefined ? <p>{c.var.t.organize.emailLead}</p> : null}
        {body}
      </GroupFrame>
    );
  },
  audience: audienceOf,
  owns: (c, audience) => audience === audienceOf(c),
  async audienceField(c) {
    const group = await groupOf(c);
    return (
      <p>
        <strong>{c.var.t.organize.composer.audienceLabel}:</strong> {c.var.t.organize.audienceGroup(group.name)}
      </p>
    );
  },
  async audienceLabel(c) {
    return c.var.t.organize.audienceGroup((await groupOf(c)).name);
  },
  async defaults(c) {
    const group = await groupOf(c);
    return { senderName: group.name.slice(0, 100) };
  },
  list: (c) => listBroadcasts({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, audience: audienceOf(c), limit: 20 } }),
});
