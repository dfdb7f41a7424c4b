import { raw } from "hono/html";
import type { Coverage } from "../../domain/groups/get-coverage.js";
import type { View } from "../view.js";

/** "N of 50 states have a group": a meter, the map (when given), the missing states and the same facts as a table. */
export function CoverageSection({ view, coverage, mapSvg, headingLevel = 2 }: { view: View; coverage: Coverage; mapSvg?: string; headingLevel?: 2 | 3 }) {
  const t = view.t.coverage;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section class="coverage" aria-labelledby="coverage-heading">
      <Heading id="coverage-heading">{t.heading}</Heading>
      <p class="coverage-meter">
        <label for="coverage-meter">{t.meter(coverage.covered, coverage.total)}</label>
        <meter id="coverage-meter" min={0} max={coverage.total} value={coverage.covered} aria-label={t.meterLabel}>
          {t.meter(coverage.covered, coverage.total)}
        </meter>
      </p>
      {mapSvg ? <div class="coverage-map">{raw(mapSvg)}</div> : null}
      {coverage.missing.length > 0 ? (
        <>
          <h3>{t.missingHeading}</h3>
          <ul class="inline-list">
            {coverage.missing.map((state) => (
              <li>
                <a href={view.href(`/groups/${state.code.toLowerCase()}`)}>{state.name}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <details class="coverage-table">
        <summary>{t.tableCaption}</summary>
        <table>
          <caption class="visually-hidden">{t.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.tableState}</th>
              <th scope="col">{t.tableGroups}</th>
              <th scope="col">{t.tableMembers}</th>
            </tr>
          </thead>
          <tbody>
            {coverage.states.map((state) => (
              <tr>
                <th scope="row">
                  <a href={view.href(`/groups/${state.code.toLowerCase()}`)}>{state.name}</a>
                </th>
                <td>{state.groups}</td>
                <td>{state.members}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
