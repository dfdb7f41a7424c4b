import type { BillSummary, DatasetSummary } from "../../domain/public-data/list-datasets.js";
import { Layout } from "../components/layout.js";
import type { View } from "../view.js";

export function AboutDataPage({ view, datasets, bills }: { view: View; datasets: DatasetSummary[]; bills: BillSummary[] }) {
  const t = view.t.aboutData;
  const number = (n: number) => n.toLocaleString(view.locale === "es" ? "es-US" : "en-US");
  const date = (d: Date) => d.toISOString().slice(0, 10);
  return (
    <Layout view={view} title={t.title} description={t.lead}>
      <h1>{t.heading}</h1>
      <p class="lead">{t.lead}</p>
      <ul class="card-list">
        {datasets.map((dataset) => (
          <li class="card" id={`dataset-${dataset.key}`} data-dataset={dataset.key}>
            <h2>{t.datasetTitles[dataset.key]}</h2>
            <dl class="facts">
              <dt>{t.source}</dt>
              <dd>
                <a href={dataset.sourceUrl}>{dataset.sourceUrl}</a>
              </dd>
              <dt>{t.licence}</dt>
              <dd>{dataset.licenceUrl ? <a href={dataset.licenceUrl}>{dataset.licence}</a> : dataset.licence}</dd>
              {dataset.imported ? (
                <>
                  <dt>{t.version}</dt>
                  <dd>{dataset.imported.version}</dd>
                  <dt>{t.asOf}</dt>
                  <dd>{dataset.imported.asOf ?? t.unknown}</dd>
                  <dt>{t.rows}</dt>
                  <dd data-rows={String(dataset.imported.rowCount)}>{number(dataset.imported.rowCount)}</dd>
                  <dt>{t.importedAt}</dt>
                  <dd>{date(dataset.imported.importedAt)}</dd>
                </>
              ) : (
                <>
                  <dt>{t.rows}</dt>
                  <dd>
                    <strong>{t.notLoaded}.</strong> {t.notLoadedHelp}
                  </dd>
                </>
              )}
              {dataset.attribution ? (
                <>
                  <dt>{t.credit}</dt>
                  <dd class="credit">{dataset.attribution}</dd>
                </>
              ) : null}
            </dl>
          </li>
        ))}
      </ul>
      <section aria-labelledby="bills-heading">
        <h2 id="bills-heading">{t.billsHeading}</h2>
        <p>{t.billsLead}</p>
        <ul class="card-list">
          {bills.map((bill) => (
            <li class="card" data-bill={bill.number}>
              <h3>
                <a href={view.href(bill.path)}>{t.billHeading(bill.number, bill.congress, bill.title)}</a>
              </h3>
              <dl class="facts">
                <dt>{t.cosponsorsLoaded}</dt>
                <dd>{number(bill.cosponsorsLoaded)}</dd>
                <dt>{t.officialCount}</dt>
                <dd>
                  {bill.officialCosponsorCount === null ? t.unknown : number(bill.officialCosponsorCount)}{" "}
                  ({bill.rollComplete ? t.complete : t.incomplete})
                </dd>
                <dt>{t.asOf}</dt>
                <dd>{bill.asOf ?? t.unknown}</dd>
                <dt>{t.source}</dt>
                <dd>
                  <a href={bill.sourceUrl}>{bill.sourceUrl}</a>
                </dd>
              </dl>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="font-credit-heading">
        <h2 id="font-credit-heading">{view.t.previews.fontCreditHeading}</h2>
        <p class="credit">
          {view.t.previews.fontCredit} <a href="https://openfontlicense.org/">openfontlicense.org</a>
        </p>
      </section>
    </Layout>
  );
}
