import type { MovementStats } from "../../domain/overview/get-movement-stats.js";
import { Layout } from "../components/layout.js";
import type { View } from "../view.js";

export function HomePage({ view, stats }: { view: View; stats: MovementStats }) {
  const t = view.t.home;
  const house = stats.currentBills.find((bill) => bill.chamber === "house");
  const senate = stats.currentBills.find((bill) => bill.chamber === "senate");
  const asOf = [house?.asOf, senate?.asOf].filter((d): d is string => Boolean(d)).sort().at(-1);
  return (
    <Layout view={view} title={t.title}>
      <section class="hero">
        <h1>{t.heading}</h1>
        <p class="lead">{t.lead}</p>
      </section>
      {stats.hasPublicData ? (
        <section aria-labelledby="stats-heading" class="stats">
          <h2 id="stats-heading">{t.statsHeading}</h2>
          <ul class="stat-list">
            <li data-stat="groups">{t.groups(stats.groupCount)}</li>
            <li data-stat="states-covered">{t.statesCovered(stats.statesWithGroup)}</li>
            <li data-stat="states-missing">{t.statesMissing(stats.statesWithoutGroup)}</li>
            <li data-stat="members">{t.membersLoaded(stats.memberCount)}</li>
            {house && senate ? <li data-stat="cosponsors">{t.cosponsors(house.cosponsorCount, senate.cosponsorCount)}</li> : null}
          </ul>
          {asOf ? <p class="fine-print">{t.cosponsorsAsOf(asOf)}</p> : null}
        </section>
      ) : (
        <section class="notice" role="status" aria-labelledby="data-missing-heading">
          <h2 id="data-missing-heading">{t.dataMissingHeading}</h2>
          <p>{t.dataMissing}</p>
        </section>
      )}
      <p>{t.comingSoon}</p>
    </Layout>
  );
}
