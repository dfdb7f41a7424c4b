import { DataTable } from "../components/data-table.js";
import type { Dashboard, MemberActions } from "../../domain/admin/dashboard/get-dashboard.js";
import { renderBarChart, renderColumnChart, renderLineChart } from "../charts/index.js";
import { AdminLayout } from "../components/admin-layout.js";
import { formatDate, formatNumber } from "../format.js";
import type { View } from "../view.js";

const tags = { en: "en-US", es: "es-US" } as const;

/** "Jun 10" / "10 jun": a week's Monday, short enough for a chart axis. */
export function shortDay(view: View, isoDay: string): string {
  return new Date(`${isoDay}T12:00:00Z`).toLocaleDateString(tags[view.locale], { month: "short", day: "numeric", timeZone: "UTC" });
}

/** "Amy Klobuchar (D-MN)", "Ilhan Omar (D-MN-5)"; the bioguide id alone for someone no longer serving. */
export function memberLabel(member: MemberActions): string {
  if (!member.state) return member.name;
  const party = member.party ? `${member.party.slice(0, 1)}-` : "";
  const seat = member.chamber === "house" && member.district ? `${member.state}-${member.district}` : member.state;
  return `${member.name} (${party}${seat})`;
}

export function AdminDashboardPage({ view, dashboard }: { view: View; dashboard: Dashboard }) {
  const t = view.t.admin.dashboard;
  const n = (value: number) => formatNumber(view.locale, value);
  const { headline, weeks, members, stale } = dashboard;
  const labels = weeks.map((w) => shortDay(view, w.weekOf));
  const latest = weeks.at(-1);
  const common = { labels, labelHeading: t.weekOf, tableSummary: t.showTable, emptyText: t.noData, format: n };
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

  const coverageChart = renderLineChart({
    ...common,
    idPrefix: "chart-coverage",
    title: t.coverageTitle,
    desc: t.coverageDesc(weeks.length, latest?.statesCovered ?? 0, headline.statesTotal),
    series: [{ name: t.coverageSeries, values: weeks.map((w) => w.statesCovered) }],
  });
  const growthChart = renderColumnChart({
    ...common,
    idPrefix: "chart-growth",
    title: t.growthTitle,
    desc: t.growthDesc(weeks.length, sum(weeks.map((w) => w.signUps)), sum(weeks.map((w) => w.joins))),
    series: [
      { name: t.signUpsSeries, values: weeks.map((w) => w.signUps) },
      { name: t.joinsSeries, values: weeks.map((w) => w.joins) },
    ],
  });
  const top = members[0];
  const membersChart = top
    ? renderBarChart({
        idPrefix: "chart-members",
        title: t.membersTitle,
        desc: t.membersDesc(members.length, memberLabel(top), top.allTime),
        labels: members.map(memberLabel),
        series: [
          { name: t.allTime, values: members.map((m) => m.allTime) },
          { name: t.lastSevenDays, values: members.map((m) => m.lastSevenDays) },
        ],
        labelHeading: t.memberColumn,
        tableSummary: t.showTable,
        emptyText: t.noData,
        format: n,
        tableOpen: true,
      })
    : null;

  return (
    <AdminLayout view={view} title={t.title} section="dashboard">
      <h1>{t.heading}</h1>
      <ul class="stat-list admin-headline" aria-label={t.headlineLabel}>
        <li data-stat="groups">
          <strong>{n(headline.activeGroups)}</strong> {t.activeGroups}
        </li>
        <li data-stat="states">
          <strong>{t.statesCoveredValue(headline.statesCovered, headline.statesTotal)}</strong> {t.statesCovered}
        </li>
        <li data-stat="people">
          <strong>{n(headline.peopleConfirmed)}</strong> {t.peopleConfirmed}
        </li>
        <li data-stat="actions">
          <strong>{n(headline.actionsLastSevenDays)}</strong> {t.actionsLastSevenDays}
        </li>
        <li data-stat="applications">
          <strong>{n(headline.pendingApplications)}</strong> {t.pendingApplications}
          {headline.pendingApplications > 0 ? (
            <>
              {" "}
              <a href={view.href("/admin/applications")}>{t.reviewApplications(headline.pendingApplications)}</a>
            </>
          ) : null}
        </li>
      </ul>

      <h2>{t.coverageHeading}</h2>
      {coverageChart}

      <h2>{t.growthHeading}</h2>
      {growthChart}

      <h2>{t.membersHeading}</h2>
      {dashboard.campaign ? <p>{t.membersLead(dashboard.campaign.title)}</p> : <p>{t.noCampaign}</p>}
      {membersChart ?? (dashboard.campaign ? <p>{t.noData}</p> : null)}

      <h2>{t.staleHeading}</h2>
      {stale.total === 0 ? (
        <p>{t.staleNone}</p>
      ) : (
        <>
          <p>
            {t.staleLead(stale.total, stale.staleAfterDays)}
            {stale.groups.length < stale.total ? ` ${t.staleShown(stale.groups.length, stale.total)}` : ""}
          </p>
          <DataTable label={t.staleHeading} id="stale-groups" caption="visible" columns={[t.groupColumn, t.stateColumn, t.lastConfirmedColumn]}>
            {stale.groups.map((g) => (
              <tr>
                <th scope="row">
                  <a href={view.href(g.path)}>{g.name}</a>
                </th>
                <td>{g.state}</td>
                <td>{g.lastConfirmedAt ? formatDate(view.locale, g.lastConfirmedAt) : t.never}</td>
              </tr>
            ))}
          
          </DataTable>
        </>
      )}

      <h2>{t.finePrintHeading}</h2>
      <p class="fine-print">{t.finePrintWeeks}</p>
      <p class="fine-print">{t.finePrintCoverage}</p>
      <p class="fine-print">{t.finePrintPeople}</p>
      <p class="fine-print">{t.finePrintActions}</p>
    </AdminLayout>
  );
}
