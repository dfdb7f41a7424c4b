import { DataTable } from "../components/data-table.js";
import type { Child } from "hono/jsx";
import type { Actor } from "../../domain/accounts/actor.js";
import type { GroupForEditing } from "../../domain/organize/get-group-for-editing.js";
import type { GroupMembers, OptIn } from "../../domain/organize/list-group-members.js";
import type { MyGroup } from "../../domain/organize/list-my-groups.js";
import { socialNetworks } from "../../domain/organize/update-group-page.js";
import { CsrfField, ErrorSummary, Notice, RadioGroup, TextArea, TextField, type FormState } from "../components/form.js";
import { OrganizeLayout } from "../components/organize-layout.js";
import { formatDate } from "../format.js";
import type { View } from "../view.js";

export const groupBase = (groupId: number) => `/organize/groups/${groupId}`;

/** /organize: the groups someone runs. */
export function OrganizeHomePage({ view, actor, groups }: { view: View; actor: Actor; groups: MyGroup[] }) {
  const t = view.t.organize;
  return (
    <OrganizeLayout view={view} title={t.title}>
      <h1>{t.title}</h1>
      <p class="lead">{t.lead}</p>
      {actor.isAdmin ? (
        <Notice>
          {t.adminNote} <a href={view.href("/admin")}>{t.goAdmin}</a>
        </Notice>
      ) : null}
      {groups.length === 0 ? (
        <p>
          {t.none} <a href={view.href("/start-a-group")}>{t.startGroup}</a>
        </p>
      ) : (
        <ul class="card-list">
          {groups.map((g) => (
            <li class="card">
              <h2>
                <a href={view.href(groupBase(g.id))}>{g.name}</a>
              </h2>
              <p class="fine-print">
                {[g.city, g.state].filter(Boolean).join(", ")} · {t.statuses[g.status]} · {t.activeMembers(g.activeMembers)} ·{" "}
                {g.lastConfirmedAt ? t.lastConfirmed(formatDate(view.locale, g.lastConfirmedAt)) : t.neverConfirmed}
              </p>
              <ul class="inline-list">
                <li>
                  <a href={view.href(groupBase(g.id))}>{t.nav.page}</a>
                </li>
                <li>
                  <a href={view.href(`${groupBase(g.id)}/members`)}>{t.nav.members}</a>
                </li>
                <li>
                  <a href={view.href(`${groupBase(g.id)}/events`)}>{t.nav.events}</a>
                </li>
                <li>
                  <a href={view.href(`${groupBase(g.id)}/email`)}>{t.nav.email}</a>
                </li>
              </ul>
            </li>
          ))}
        </ul>
      )}
    </OrganizeLayout>
  );
}

type GroupSection = "page" | "members" | "events" | "email";

/** Every page about one group: its name, and links between its page, members and e-mail. */
export function GroupFrame({ view, group, section, title, scripts, children }: { view: View; group: { id: number; name: string }; section: GroupSection; title?: string | undefined; scripts?: string[] | undefined; children?: Child }) {
  const t = view.t.organize;
  const links: { key: GroupSection; path: string }[] = [
    { key: "page", path: groupBase(group.id) },
    { key: "members", path: `${groupBase(group.id)}/members` },
    { key: "events", path: `${groupBase(group.id)}/events` },
    { key: "email", path: `${groupBase(group.id)}/email` },
  ];
  const heading = title ?? t.nav[section];
  return (
    <OrganizeLayout view={view} title={`${heading} · ${group.name}`} scripts={scripts}>
      <p class="fine-print">
        <a href={view.href("/organize")}>{t.title}</a>
      </p>
      <h1>
        {group.name}: {heading}
      </h1>
      <nav aria-label={t.groupNavLabel}>
        <ul class="inline-list">
          {links.map((link) => (
            <li>
              <a href={view.href(link.path)} aria-current={link.key === section && view.currentPath === link.path ? "page" : undefined}>
                {t.nav[link.key]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </OrganizeLayout>
  );
}

/** Form values for a group's page, from what is saved. */
export function groupPageValues(group: GroupForEditing): Record<string, string> {
  const values: Record<string, string> = {
    description: group.description ?? "",
    meetingDetails: group.meetingDetails ?? "",
    city: group.city ?? "",
    websiteUrl: group.websiteUrl ?? "",
    status: group.status === "pending" ? "" : group.status,
  };
  for (const network of socialNetworks) values[`social_${network}`] = group.socialLinks[network] ?? "";
  return values;
}

export function GroupEditPage({ view, group, pageForm, inviteForm, notice }: { view: View; group: GroupForEditing; pageForm: FormState; inviteForm: FormState; notice?: string | undefined }) {
  const t = view.t.organize;
  const base = groupBase(group.id);
  const labels: Record<string, string> = {
    description: t.descriptionLabel,
    meetingDetails: t.meetingDetailsLabel,
    city: t.cityLabel,
    websiteUrl: t.websiteLabel,
    status: t.statusLegend,
    ...Object.fromEntries(socialNetworks.map((n) => [`social_${n}`, t.social[n]])),
  };
  return (
    <GroupFrame view={view} group={group} section="page">
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {group.status === "pending" ? <Notice>{t.pendingNote}</Notice> : null}
      {group.status === "active" ? (
        <p>
          <a href={view.href(group.path)}>{t.viewPublicPage}</a>
        </p>
      ) : null}

      <section class="card" aria-labelledby="still-active-heading">
        <h2 id="still-active-heading">{t.stillActiveHeading}</h2>
        <p>
          {group.lastConfirmedAt ? t.lastConfirmed(formatDate(view.locale, group.lastConfirmedAt)) : t.neverConfirmed}. {t.stillActiveBody}
        </p>
        <form method="post" action={view.href(`${base}/confirm-active`)}>
          <CsrfField view={view} />
          <button type="submit" class="button-secondary">
            {t.stillActiveButton}
          </button>
        </form>
      </section>

      <h2>{t.editHeading}</h2>
      <ErrorSummary view={view} form={pageForm} labels={labels} />
      <form method="post" action={view.href(base)} novalidate class="stack" id="group-page-form">
        <CsrfField view={view} />
        <TextArea view={view} form={pageForm} name="description" label={t.descriptionLabel} hint={t.descriptionHint} rows={8} maxlength={10_000} />
        <TextArea view={view} form={pageForm} name="meetingDetails" label={t.meetingDetailsLabel} hint={t.meetingDetailsHint} rows={3} maxlength={2_000} />
        <TextField view={view} form={pageForm} name="city" label={t.cityLabel} autocomplete="address-level2" maxlength={80} />
        <TextField view={view} form={pageForm} name="websiteUrl" label={t.websiteLabel} hint={t.websiteHint} inputmode="text" maxlength={500} />
        <fieldset class="stack">
          <legend>{t.socialLegend}</legend>
          <p class="hint">{t.socialHint}</p>
          {socialNetworks.map((network) => (
            <TextField view={view} form={pageForm} name={`social_${network}`} label={t.social[network]} maxlength={500} />
          ))}
        </fieldset>
        {group.status === "pending" ? null : (
          <RadioGroup
            view={view}
            form={pageForm}
            name="status"
            legend={t.statusLegend}
            options={[
              { value: "active", label: t.statusActive },
              { value: "inactive", label: t.statusInactive },
            ]}
          />
        )}
        <button type="submit" class="button">
          {t.save}
        </button>
      </form>

      <section aria-labelledby="organizers-heading">
        <h2 id="organizers-heading">{t.organizersHeading}</h2>
        <ul>
          {group.organizers.map((o) => (
            <li>
              {o.name}
              {o.isFounder ? ` (${t.founder})` : ""}
            </li>
          ))}
        </ul>
        <h3 id="invite-heading">{t.inviteHeading}</h3>
        <p>{t.inviteLead}</p>
        <ErrorSummary view={view} form={inviteForm} labels={{ name: t.inviteName, email: t.inviteEmail }} />
        <form method="post" action={view.href(`${base}/organizers`)} novalidate class="stack" id="invite-form" aria-labelledby="invite-heading">
          <CsrfField view={view} />
          <TextField view={view} form={inviteForm} name="name" label={t.inviteName} autocomplete="off" maxlength={100} />
          <TextField view={view} form={inviteForm} name="email" label={t.inviteEmail} type="email" inputmode="email" autocomplete="off" maxlength={254} />
          <button type="submit" class="button-secondary">
            {t.inviteButton}
          </button>
        </form>
      </section>
    </GroupFrame>
  );
}

export function MembersPage({ view, list }: { view: View; list: GroupMembers }) {
  const t = view.t.organize;
  const optIns = (o: Record<"group" | "state" | "national", OptIn>) => {
    const yes = (["group", "state", "national"] as const).filter((k) => o[k] === "active").map((k) => t.optInLists[k]);
    return yes.length ? yes.join(", ") : t.optInNone;
  };
  return (
    <GroupFrame view={view} group={list.group} section="members">
      <p>{t.membersLead(list.members.length)}</p>
      {list.includesEmail ? null : <p class="hint">{t.membersPrivacy}</p>}
      {list.members.length === 0 ? (
        <p>{t.noMembers}</p>
      ) : (
        <>
          <p>
            <a class="button-secondary" href={view.href(`${groupBase(list.group.id)}/members.csv`)} download>
              {t.downloadCsv}
            </a>
          </p>
          <p class="fine-print">{t.csvNote}</p>
          <DataTable label={t.membersHeading} caption="hidden" columns={[t.columns.name, list.includesEmail ? t.columns.email : null, t.columns.zip, t.columns.phone, t.columns.joined, t.columns.status, t.columns.optIns]}>
            {list.members.map((m) => (
              <tr>
                <th scope="row">{m.name}</th>
                {list.includesEmail ? <td>{m.email}</td> : null}
                <td>{m.zip ?? ""}</td>
                <td>{m.phone ?? ""}</td>
                <td>{formatDate(view.locale, m.joinedAt)}</td>
                <td>{t.memberStatuses[m.status]}</td>
                <td>{optIns(m.optIns)}</td>
              </tr>
            ))}
          
          </DataTable>
        </>
      )}
    </GroupFrame>
  );
}
