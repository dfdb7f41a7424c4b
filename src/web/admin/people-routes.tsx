import { Hono, type Context } from "hono";
import { exportPeopleCsv } from "../../domain/admin/people/export-people-csv.js";
import { getPerson } from "../../domain/admin/people/get-person.js";
import { searchPeople } from "../../domain/admin/people/search-people.js";
import { loadCongressDirectory } from "../../domain/congress/congress-directory.js";
import type { AppEnv } from "../../http/types.js";
import { submitForm } from "../forms.js";
import { PeopleSearchPage, PersonPage } from "../pages/admin-people-pages.js";
import { renderPage, sendCsv } from "../render.js";
import { viewFor } from "../view.js";

/** The search's fields from the query string, as typed. */
function searchFields(c: Context<AppEnv>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const name of ["q", "zip", "state", "page"]) {
    const value = c.req.query(name);
    if (value !== undefined) fields[name] = value;
  }
  return fields;
}

/** States and territories for the search form's list, by name. */
async function stateOptions(c: Context<AppEnv>) {
  const directory = await loadCongressDirectory(c.var.deps.ctx);
  return [...directory.states.values()].map((s) => ({ code: s.code, name: s.name })).sort((a, b) => a.name.localeCompare(b.name, c.var.locale));
}

/** /admin/people: search, a person's record, CSV export. Mounted by admin/index.tsx behind sign-in and the "administer" permission. */
export const peopleAdminRoutes = new Hono<AppEnv>()
  .get("/admin/people", async (c) => {
    const fields = searchFields(c);
    const outcome = await submitForm(fields, () => searchPeople({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, ...fields } }));
    const states = await stateOptions(c);
    const view = viewFor(c);
    if (!outcome.ok) return renderPage(c, <PeopleSearchPage view={view} form={outcome.form} result={undefined} states={states} />, 400);
    return renderPage(c, <PeopleSearchPage view={view} form={{ values: fields, errors: {} }} result={outcome.result} states={states} />);
  })
  .get("/admin/people.csv", async (c) => {
    const { q, zip, state } = searchFields(c);
    const result = await exportPeopleCsv({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, q, zip, state } });
    return sendCsv(c, result.csv, result.filename);
  })
  .get("/admin/people/:id", async (c) => {
    const person = await getPerson({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, id: c.req.param("id") } });
    return renderPage(c, <PersonPage view={viewFor(c)} person={person} />);
  });
