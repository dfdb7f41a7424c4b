import type { Context } from "hono";
import { listBroadcastAudiences, describeAudience, type BroadcastAudiences } from "../../domain/organize/list-broadcast-audiences.js";
import { listBroadcasts } from "../../domain/organize/list-broadcasts.js";
import type { AppEnv } from "../../http/types.js";
import { AdminLayout } from "../components/admin-layout.js";
import { broadcastRoutes } from "../components/broadcast-composer.js";
import type { FormState } from "../components/form.js";
import type { View } from "../view.js";
import { viewFor } from "../view.js";

/** States and groups, read once per request however many times a page asks. */
const audiences = new WeakMap<Context<AppEnv>, Promise<BroadcastAudiences>>();
function audiencesFor(c: Context<AppEnv>) {
  let found = audiences.get(c);
  if (!found) {
    found = listBroadcastAudiences({ ctx: c.var.deps.ctx, input: { actor: c.var.actor } });
    audiences.set(c, found);
  }
  return found;
}

/** "all", "state:VT" or "group:12" from the chooser; anything else is refused by the draft's checks. */
export function chosenAudience(fields: Record<string, string>): string {
  switch (fields.audienceKind) {
    case "all":
      return "all";
    case "state":
      return `state:${fields.state ?? ""}`;
    case "group":
      return `group:${fields.groupId ?? ""}`;
    default:
      return "";
  }
}

function AudienceChooser({ view, form, known }: { view: View; form: FormState; known: BroadcastAudiences }) {
  const t = view.t.admin.broadcasts;
  const code = form.errors.audience;
  const kind = form.values.audienceKind;
  const radio = (value: string, label: string) => (
    <div class="choice">
      <input type="radio" id={`field-audienceKind-${value}`} name="audienceKind" value={value} checked={kind === value} />
      <label for={`field-audienceKind-${value}`}>{label}</label>
    </div>
  );
  return (
    <fieldset class={`field${code ? " field-error" : ""}`} id="field-audience" aria-describedby={code ? "error-audience" : undefined}>
      <legend>{t.audienceLegend}</legend>
      {code ? (
        <p class="error-message" id="error-audience">
          {view.t.forms.fieldErrors[code]}
        </p>
      ) : null}
      {radio("all", t.audienceAll)}
      {radio("state", t.audienceState)}
      <div class="field audience-detail">
        <label for="field-state">{t.stateLabel}</label>
        <select id="field-state" name="state">
          <option value="">{t.choose}</option>
          {known.states.map((s) => (
            <option value={s.code} selected={form.values.state === s.code}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      {radio("group", t.audienceGroup)}
      <div class="field audience-detail">
        <label for="field-groupId">{t.groupLabel}</label>
        <select id="field-groupId" name="groupId">
          <option value="">{t.choose}</option>
          {known.groups.map((g) => (
            <option value={String(g.id)} selected={form.values.groupId === String(g.id)}>
              {g.state} · {g.name}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}

/** /admin/broadcasts: national staff write to everyone, a state or a group (the shared composer). */
export const broadcastsAdminRoutes = broadcastRoutes("/admin/broadcasts", {
  base: () => "/admin/broadcasts",
  async frame(c, title, body, scripts) {
    const view = viewFor(c);
    const t = view.t.admin.broadcasts;
    return (
      <AdminLayout view={view} title={title ?? t.title} section="broadcasts" scripts={scripts}>
        <h1>{title ?? t.title}</h1>
        {title === undefined ? (
          <>
            <p class="lead">{t.lead}</p>
            <h2>{t.composeHeading}</h2>
          </>
        ) : null}
        {body}
      </AdminLayout>
    );
  },
  audience: (_c, fields) => chosenAudience(fields),
  owns: () => true,
  async audienceField(c, form) {
    return <AudienceChooser view={viewFor(c)} form={form} known={await audiencesFor(c)} />;
  },
  async audienceLabel(c, audience) {
    const t = c.var.t.admin.broadcasts;
    const described = describeAudience(audience, await audiencesFor(c));
    if (!described) return audience;
    return described.kind === "all" ? t.audienceAllLabel : described.kind === "state" ? t.audienceStateLabel(described.name) : t.audienceGroupLabel(described.name);
  },
  defaults: async () => ({ senderName: "Everybody In" }),
  list: (c) => listBroadcasts({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, limit: 50 } }),
});
