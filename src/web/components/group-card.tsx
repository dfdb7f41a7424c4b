import type { PublicGroup } from "../../domain/groups/group-directory.js";
import type { View } from "../view.js";

/** One group in a list: name (linked), where, what kind, and optionally how far. */
export function GroupCard({ view, group, distance, headingLevel = 3 }: { view: View; group: PublicGroup; distance?: string; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const t = view.t.groups;
  const summary = group.description?.split(/\n/)[0]?.replace(/[*_#>[\]]/g, "").slice(0, 160);
  return (
    <li class="card group-card">
      <Heading>
        <a href={view.href(group.path)}>{group.name}</a>
      </Heading>
      <p class="group-meta">
        {[group.city, t.kinds[group.kind]].filter(Boolean).join(" · ")}
        {distance ? (
          <>
            {" · "}
            <strong>{distance}</strong>
          </>
        ) : null}
      </p>
      {summary ? <p>{summary}</p> : null}
    </li>
  );
}
