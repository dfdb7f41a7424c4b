import { Hono, type Context } from "hono";
import { addNewsItem } from "../../domain/news/add-news-item.js";
import { deleteNewsItem } from "../../domain/news/delete-news-item.js";
import { getNewsItem } from "../../domain/news/get-news-item.js";
import { listNews } from "../../domain/news/list-news.js";
import type { NewsItemFields } from "../../domain/news/news-item-fields.js";
import { updateNewsItem } from "../../domain/news/update-news-item.js";
import { DomainError } from "../../domain/errors.js";
import type { AppEnv } from "../../http/types.js";
import { emptyForm, type FormState } from "../components/form.js";
import { readForm, submitForm } from "../forms.js";
import { AdminNewsDeletePage, AdminNewsFormPage, AdminNewsListPage, newsFormValues } from "../pages/admin-news-pages.js";
import { renderPage } from "../render.js";
import { viewFor } from "../view.js";

const ID = ":id{[0-9]{1,9}}";

/** The submitted form: its fields as typed (topics joined, to re-show the boxes ticked) and as the action takes them. */
async function newsForm(c: Context<AppEnv>): Promise<{ values: Record<string, string>; fields: NewsItemFields }> {
  const form = await readForm(c);
  const topics = form.all("topics");
  const value = (name: string) => form.fields[name] ?? "";
  const fields = { title: value("title"), publisher: value("publisher"), publishedOn: value("publishedOn"), summary: value("summary"), url: value("url"), topics };
  return { values: { ...fields, topics: topics.join(",") }, fields };
}

function formPage(c: Context<AppEnv>, form: FormState, options: { id?: number; heading: string; notice?: string | undefined; status?: 200 | 400 }) {
  return renderPage(c, <AdminNewsFormPage view={viewFor(c)} id={options.id} heading={options.heading} form={form} notice={options.notice} />, options.status ?? 200);
}

/** /admin/news: list, add, edit and delete the links on /news. Mounted by admin/index.tsx behind sign-in and "administer". */
export const newsAdminRoutes = new Hono<AppEnv>()
  .get("/admin/news", async (c) => {
    const ctx = c.var.deps.ctx;
    const t = c.var.t.news.admin;
    const listing = await listNews({ ctx, input: { page: c.req.query("page") } }).catch((error: unknown) => {
      if (error instanceof DomainError && (error.code === "invalid" || error.code === "not_found")) return listNews({ ctx, input: {} });
      throw error;
    });
    const query = c.req.query();
    const named = (param: string) => listing.items.find((item) => String(item.id) === query[param])?.title;
    const added = named("added");
    const saved = named("saved");
    const notice = added ? t.added(added) : saved ? t.saved(saved) : query.deleted !== undefined ? t.deleted : undefined;
    return renderPage(c, <AdminNewsListPage view={viewFor(c)} listing={listing} notice={notice} />);
  })
  .get("/admin/news/new", (c) => formPage(c, emptyForm(), { heading: c.var.t.news.admin.newTitle }))
  .post("/admin/news/new", async (c) => {
    const { values, fields } = await newsForm(c);
    const outcome = await submitForm(values, () => addNewsItem({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, fields } }));
    if (!outcome.ok) return formPage(c, outcome.form, { heading: c.var.t.news.admin.newTitle, status: 400 });
    return c.redirect(viewFor(c).href(`/admin/news?added=${outcome.result.id}`), 303);
  })
  .get(`/admin/news/${ID}`, async (c) => {
    const item = await getNewsItem({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, id: Number(c.req.param("id")) } });
    return formPage(c, emptyForm(newsFormValues(item)), { id: item.id, heading: c.var.t.news.admin.editTitle(item.title) });
  })
  .post(`/admin/news/${ID}`, async (c) => {
    const ctx = c.var.deps.ctx;
    const id = Number(c.req.param("id"));
    const { values, fields } = await newsForm(c);
    const outcome = await submitForm(values, () => updateNewsItem({ ctx, input: { actor: c.var.actor, id, fields } }));
    if (!outcome.ok) {
      const item = await getNewsItem({ ctx, input: { actor: c.var.actor, id } });
      return formPage(c, outcome.form, { id, heading: c.var.t.news.admin.editTitle(item.title), status: 400 });
    }
    return c.redirect(viewFor(c).href(`/admin/news?saved=${id}`), 303);
  })
  .get(`/admin/news/${ID}/delete`, async (c) => {
    const item = await getNewsItem({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, id: Number(c.req.param("id")) } });
    return renderPage(c, <AdminNewsDeletePage view={viewFor(c)} item={item} />);
  })
  .post(`/admin/news/${ID}/delete`, async (c) => {
    await deleteNewsItem({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, id: Number(c.req.param("id")) } });
    return c.redirect(viewFor(c).href("/admin/news?deleted=1"), 303);
  });
