import { ShareBar } from "../components/share-bar.js";
import type { MovementStats } from "../../domain/overview/get-movement-stats.js";
import type { Coverage } from "../../domain/groups/get-coverage.js";
import { CoverageSection } from "../components/coverage.js";
import type { FeaturedEvent } from "../../domain/events/get-featured-event.js";
import { FeaturedEventCard } from "../components/featured-event-card.js";
import { emptyForm } from "../components/form.js";
import { Layout } from "../components/layout.js";
import { homeCard } from "../previews/cards.js";
import { ZipSearch } from "./groups-pages.js";
import type { View } from "../view.js";

export function HomePage({ view, stats, coverage, mapSvg, featuredEvent }: { view: View; stats: MovementStats; coverage: Coverage; mapSvg?: string; featuredEvent?: FeaturedEvent | undefined }) {
  const t = view.t.home;
  const house = stats.currentBills.find((bill) => bill.chamber === "house");
  const senate = stats.currentBills.find((bill) => bill.chamber === "senate");
  const asOf = [house?.asOf, senate?.asOf].filter((d): d is string => Boolean(d)).sort().at(-1);
  return (
    <Layout view={view} scripts={["share.js"]} title={t.title} description={t.lead} preview={{ card: homeCard(view, coverage) }}>
      <section class="hero">
        <h1>{t.heading}</h1>
        <p class="lead">{t.lead}</p>
      </section>
      {featuredEvent ? <FeaturedEventCard view={view} event={featuredEvent} /> : null}
      {stats.hasPublicData ? (
        <section aria-labelledby="find-heading" class="find">
          <h2 id="find-heading">{t.findHeading}</h2>
          <ZipSearch view={view} form={emptyForm()} />
        </section>
      ) : null}
      <section aria-labelledby="cta-heading">
        <h2 id="cta-heading" class="visually-hidden">
          {t.ctaHeading}
        </h2>
        <ul class="cta-list">
          <li>
            <a class="button" href={view.href("/groups")}>
              {t.ctaJoin}
            </a>
          </li>
          <li>
            <a class="button" href={view.href("/act")}>
              {t.ctaCall}
            </a>
          </li>
          <li>
            <a class="button-secondary" href={view.href("/start-a-group")}>
              {t.ctaStart}
            </a>
          </li>
          <li>
            <a class="button-secondary" href={view.href("/updates")}>
              {t.ctaUpdates}
            </a>
          </li>
        </ul>
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
      {stats.hasPublicData ? <CoverageSection view={view} coverage={coverage} mapSvg={mapSvg} /> : null}
      <ShareBar view={view} url={view.absoluteUrl("/")} text={view.t.share.texts.home} />
    </Layout>
  );
}
