import { raw } from "hono/html";
import type { BillCosponsors, NotSignedOnMember, RollPerson } from "../../domain/congress/get-bill-cosponsors.js";
import { Layout } from "../components/layout.js";
import { billCard } from "../previews/cards.js";
import { formatDate } from "../format.js";
import { renderCoverageMap, renderMapLegend } from "../maps/index.js";
import type { View } from "../view.js";

/** The campaign page where visitors look up and call their members (built alongside this one). */
const CALL_PAGE = "/act/medicare-for-all";

const anchor = (list: "on" | "off", state: string) => `${list === "on" ? "cosponsors" : "not-signed"}-${state.toLowerCase()}`;

/**
 * The map of the bill's support: each state shaded by the share of its delegation in the bill's
 * chamber that sponsors or cosponsors it (levels from shareLevel: none, under half, half or
 * more, all), each state a link to its list further down the page.
 */
export function cosponsorMapSvg(view: View, data: BillCosponsors): string | undefined {
  if (!data.delegations) return undefined;
  const t = view.t.cosponsors;
  const onBill = new Set(data.cosponsorsByState.map((g) => g.code));
  const offBill = new Set((data.notSignedOn ?? []).map((g) => g.code));
  // A state's link goes to its cosponsors, else to who has not signed on, else (the sponsor's
  // state, nobody else from it) to the sponsor.
  const target = (code: string) => (onBill.has(code) ? `#${anchor("on", code)}` : offBill.has(code) ? `#${anchor("off", code)}` : "#sponsor-heading");
  const map = renderCoverageMap({
    title: t.mapTitle(data.bill.number, data.bill.chamber),
    desc: t.mapDesc(data.bill.chamber),
    idPrefix: "map-cosponsors",
    states: data.delegations.map((d) => ({
      usps: d.code,
      href: target(d.code),
      label: t.mapStateLabel(d.name, d.supporters, d.delegation, data.bill.chamber),
      level: d.level,
    })),
  });
  const [l0, l1, l2, l3] = t.legend;
  return `${String(map)}${String(renderMapLegend([l0 ?? "", l1 ?? "", l2 ?? "", l3 ?? ""]))}`;
}

/** "Democrat · District 7 · since April 29, 2025", with a withdrawal or a departure when there is one. */
function PersonMeta({ view, person }: { view: View; person: RollPerson }) {
  const t = view.t.cosponsors;
  const parts = [t.partyName(person.party), t.district(person.district), person.since ? t.since(formatDate(view.locale, person.since)) : t.sinceUnknown];
  if (person.withdrawnOn) parts.push(t.withdrew(formatDate(view.locale, person.withdrawnOn)));
  return <span class="roll-meta">{parts.filter(Boolean).join(" · ")}</span>;
}

function PersonItem({ view, person, showLeftOffice }: { view: View; person: RollPerson; showLeftOffice: boolean }) {
  const t = view.t.cosponsors;
  return (
    <li class={person.withdrawnOn ? "roll-person roll-withdrawn" : "roll-person"}>
      <span class="roll-name">{person.name}</span>
      {person.withdrawnOn ? <span class="roll-badge roll-badge-withdrawn">{t.withdrawnBadge}</span> : null}
      {showLeftOffice && !person.inOffice ? <span class="roll-badge">{t.leftOffice}</span> : null}{" "}
      <PersonMeta view={view} person={person} />
    </li>
  );
}

function MissingItem({ view, member }: { view: View; member: NotSignedOnMember }) {
  const t = view.t.cosponsors;
  const parts = [t.partyName(member.party), t.district(member.district)];
  if (member.withdrawnOn) parts.push(t.withdrew(formatDate(view.locale, member.withdrawnOn)));
  return (
    <li class="roll-person">
      <span class="roll-name">{member.name}</span> <span class="roll-meta">{parts.filter(Boolean).join(" · ")}</span>
    </li>
  );
}

function countSentence(view: View, data: BillCosponsors): string {
  const t = view.t.cosponsors;
  const { bill } = data;
  const asOf = bill.asOf ? formatDate(view.locale, bill.asOf) : null;
  if (bill.complete) {
    const n = bill.officialCount ?? data.knownCount;
    return asOf ? t.countComplete(n, asOf) : t.countCompleteNoDate(n);
  }
  if (!asOf) return t.countNoDate(data.knownCount);
  return bill.officialCount !== null ? t.countIncomplete(data.knownCount, bill.officialCount, asOf) : t.countIncompleteNoOfficial(data.knownCount, asOf);
}

export function CosponsorsPage({ view, data, mapSvg }: { view: View; data: BillCosponsors; mapSvg?: string | undefined }) {
  const t = view.t.cosponsors;
  const { bill } = data;
  const chamber = bill.chamber;
  const jumpStates = new Map<string, { name: string; id: string }>();
  for (const g of data.cosponsorsByState) jumpStates.set(g.code, { name: g.name, id: anchor("on", g.code) });
  return (
    <Layout view={view} title={t.pageTitle(bill.number)} description={t.pageDescription(bill.number, bill.title)} preview={{ card: billCard(view, data) }}>
      <h1>{t.heading(bill.number, bill.title)}</h1>
      <p class="lead">{countSentence(view, data)}</p>
      {data.withdrawnCount > 0 ? <p>{t.withdrawnCount(data.withdrawnCount)}</p> : null}
      <p>{t.introduced(chamber, formatDate(view.locale, bill.introducedOn), bill.congress)}</p>
      {!bill.isCurrent ? <p class="list-notice">{t.pastCongress(bill.congress)}</p> : null}
      <ul class="link-list">
        <li>
          <a href={bill.congressGovUrl}>{t.congressGov(bill.number)}</a>
        </li>
        <li>
          <a href={view.href("/about/data")}>{t.aboutData}</a>
        </li>
      </ul>

      <section aria-labelledby="sponsor-heading">
        <h2 id="sponsor-heading">{t.sponsorHeading}</h2>
        <ul class="roll-list">
          <li class="roll-person">
            <span class="roll-name">{data.sponsor.name}</span>
            {bill.isCurrent && !data.sponsor.inOffice ? <span class="roll-badge">{t.leftOffice}</span> : null}{" "}
            <span class="roll-meta">
              {[t.partyName(data.sponsor.party), data.sponsor.stateName, t.district(data.sponsor.district), data.sponsor.since ? t.since(formatDate(view.locale, data.sponsor.since)) : ""]
                .filter(Boolean)
                .join(" · ")}
            </span>
          </li>
          {data.formerSponsors.map((p) => (
            <li class="roll-person">
              <span class="roll-name">{t.formerSponsor(p.name)}</span>{" "}
              <span class="roll-meta">{[t.partyName(p.party), p.stateName, t.district(p.district)].filter(Boolean).join(" · ")}</span>
            </li>
          ))}
        </ul>
      </section>

      {data.delegations ? (
        <section aria-labelledby="map-heading" class="cosponsor-map">
          <h2 id="map-heading">{t.mapHeading}</h2>
          {mapSvg ? <div class="coverage-map">{raw(mapSvg)}</div> : null}
          <p class="fine-print">{t.mapNote}</p>
          <details class="coverage-table">
            <summary>{t.mapTableCaption}</summary>
            <table>
              <caption class="visually-hidden">{t.mapTableCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.mapTableState}</th>
                  <th scope="col">{t.mapTableSupporters}</th>
                  <th scope="col">{t.mapTableDelegation}</th>
                </tr>
              </thead>
              <tbody>
                {data.delegations.map((d) => (
                  <tr>
                    <th scope="row">{d.name}</th>
                    <td>{d.supporters}</td>
                    <td>{d.delegation}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </section>
      ) : null}

      {data.partyCounts.length > 0 ? (
        <section aria-labelledby="party-heading">
          <h2 id="party-heading">{t.partyHeading}</h2>
          <ul class="party-counts">
            {data.partyCounts.map((p) => (
              <li class={`party-count party-count-${p.party.toLowerCase()}`}>{t.partyCount(p.party, p.count)}</li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="cosponsors-heading">
        <h2 id="cosponsors-heading">{t.cosponsorsHeading}</h2>
        {data.cosponsorsByState.length === 0 ? <p class="empty-state">{t.noCosponsors}</p> : null}
        {jumpStates.size > 1 ? (
          <nav aria-label={t.jumpToState} class="state-index">
            <ul class="inline-list">
              {[...jumpStates].map(([code, s]) => (
                <li>
                  <a href={`#${s.id}`} title={s.name}>
                    {code}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        {data.cosponsorsByState.map((group) => (
          <section id={anchor("on", group.code)} class="cosponsor-state" aria-labelledby={`${anchor("on", group.code)}-heading`}>
            <h3 id={`${anchor("on", group.code)}-heading`}>
              {group.name} <span class="count">({t.stateCount(group.people.length)})</span>
            </h3>
            <ul class="roll-list">
              {group.people.map((person) => (
                <PersonItem view={view} person={person} showLeftOffice={bill.isCurrent} />
              ))}
            </ul>
          </section>
        ))}
      </section>

      <section aria-labelledby="not-signed-heading" class="not-signed">
        <h2 id="not-signed-heading">{t.notSignedOnHeading}</h2>
        {data.notSignedOn ? (
          <>
            <p>{t.notSignedOnLead(data.notSignedOnCount, chamber, bill.number)}</p>
            <p>
              <a class="button" href={view.href(CALL_PAGE)}>
                {t.callThem}
              </a>
            </p>
            {data.notSignedOn.map((group) => (
              <section id={anchor("off", group.code)} class="cosponsor-state" aria-labelledby={`${anchor("off", group.code)}-heading`}>
                <h3 id={`${anchor("off", group.code)}-heading`}>
                  {group.name} <span class="count">({t.notSignedOnState(group.people.length, chamber)})</span>
                </h3>
                <ul class="roll-list">
                  {group.people.map((member) => (
                    <MissingItem view={view} member={member} />
                  ))}
                </ul>
              </section>
            ))}
          </>
        ) : (
          <p class="empty-state">{bill.complete ? t.notSignedOnPast : t.notSignedOnUnknown}</p>
        )}
      </section>

      {data.otherBills.length > 0 ? (
        <section aria-labelledby="other-bills-heading">
          <h2 id="other-bills-heading">{t.otherBillsHeading}</h2>
          <ul class="link-list">
            {data.otherBills.map((other) => (
              <li>
                <a href={view.href(other.path)}>{t.otherBill(other.number, other.congress, other.title)}</a>
                {other.isCurrent ? " " : null}
                {other.isCurrent ? <span class="roll-badge">{t.currentBadge}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}
