import { DataTable } from "../components/data-table.js";
import type { NewsPage as NewsListing } from "../../domain/news/list-news.js";
import { newsLimits } from "../../domain/news/news-item-fields.js";
import type { NewsItem } from "../../domain/news/news-items.js";
import { newsTopics } from "../../domain/news/news-topics.js";
import { AdminLayout } from "../components/admin-layout.js";
import { CsrfField, ErrorSummary, Notice, TextArea, TextField, type FormState } from "../components/form.js";
import { formatDate } from "../format.js";
import type { View } from "../view.js";

/** The form's values for a stored link; topics travel as one comma-separated value. */
export function newsFormValues(item: NewsItem): Record<string, string> {
  return { title: item.title, publisher: item.publisher, publishedOn: item.publishedOn, summary: item.summary, url: item.url, topics: item.topics.join(",") };
}

/** /admin/news: every link, newest first, with edit and delete; a page at a time. */
export function AdminNewsListPage({ view, listing, notice }: { view: View; listing: NewsListing; notice?: string | undefined }) {
  const t = view.t.news.admin;
  const topicWords = view.t.news.topics;
  const pagePath = (page: number) => (page > 1 ? `/admin/news?page=${page}` : "/admin/news");
  return (
    <AdminLayout view={view} title={t.title} section="news">
      <h1>{t.title}</h1>
      <p class="lead">{t.lead}</p>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <p>
        <a class="button" href={view.href("/admin/news/new")}>
          {t.add}
        </a>
      </p>
      {listing.total === 0 ? (
        <p>{view.t.news.empty}</p>
      ) : (
        <DataTable label={t.tableCaption} id="news-items" caption="visible" columns={[t.columns.title, t.columns.actions, t.columns.date, t.columns.publisher, t.columns.topics]}>
          {listing.items.map((item) => (
            <tr>
              <th scope="row">
                <a href={item.url} target="_blank" rel="noopener">
                  {item.title}
                  <span class="visually-hidden"> {view.t.news.opensInNewTab}</span>
                </a>
              </th>
              <td class="news-actions">
                <a href={view.href(`/admin/news/${item.id}`)} aria-label={t.editLabel(item.title)}>
                  {t.edit}
                </a>{" "}
                <a href={view.href(`/admin/news/${item.id}/delete`)} aria-label={t.deleteLabel(item.title)}>
                  {t.delete}
                </a>
              </td>
              <td>
                <time datetime={item.publishedOn}>{formatDate(view.locale, item.publishedOn)}</time>
              </td>
              <td>{item.publisher}</td>
              <td>{item.topics.map((key) => topicWords[key]).join(", ")}</td>
            </tr>
          ))}
        
        </DataTable>
      )}
      {listing.pageCount > 1 ? (
        <nav class="pager" aria-label={view.t.news.pagesLabel}>
          {listing.page > 1 ? (
            <a href={view.href(pagePath(listing.page - 1))} rel="prev">
              {view.t.news.previousPage}
            </a>
          ) : null}
          <span>{view.t.news.pageOf(listing.page, listing.pageCount)}</span>
          {listing.page < listing.pageCount ? (
            <a href={view.href(pagePath(listing.page + 1))} rel="next">
              {view.t.news.nextPage}
            </a>
          ) : null}
        </nav>
      ) : null}
    </AdminLayout>
  );
}

/** Add (no id) or edit a link. Re-shown with the values typed and an error per field when refused. */
export function AdminNewsFormPage({ view, id, heading, form, notice }: { view: View; id?: number | undefined; heading: string; form: FormState; notice?: string | undefined }) {
  const t = view.t.news.admin;
  const action = id === undefined ? "/admin/news/new" : `/admin/news/${id}`;
  const chosen = new Set((form.values.topics ?? "").split(","));
  const topicsError = form.errors.topics;
  const labels = { title: t.titleLabel, publisher: t.publisherLabel, publishedOn: t.publishedOnLabel, summary: t.summaryLabel, url: t.urlLabel, topics: t.topicsLegend };
  return (
    <AdminLayout view={view} title={heading} section="news">
      <p>
        <a href={view.href("/admin/news")}>{t.cancel}</a>
      </p>
      <h1>{heading}</h1>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <ErrorSummary view={view} form={form} labels={labels} />
      <form method="post" action={view.href(action)} class="news-form" novalidate>
        <CsrfField view={view} />
        <TextField view={view} form={form} name="url" label={t.urlLabel} hint={t.urlHint} maxlength={500} autocomplete="off" />
        <TextField view={view} form={form} name="title" label={t.titleLabel} hint={t.titleHint} maxlength={newsLimits.title} autocomplete="off" />
        <TextField view={view} form={form} name="publisher" label={t.publisherLabel} hint={t.publisherHint} maxlength={newsLimits.publisher} autocomplete="off" />
        <TextField view={view} form={form} name="publishedOn" label={t.publishedOnLabel} hint={t.publishedOnHint} maxlength={10} autocomplete="off" inputmode="numeric" class="input-short" />
        <TextArea view={view} form={form} name="summary" label={t.summaryLabel} hint={t.summaryHint(newsLimits.summary)} rows={4} maxlength={newsLimits.summary} />
        <fieldset class={`field${topicsError ? " field-error" : ""}`} id="field-topics" aria-describedby={["hint-topics", topicsError ? "error-topics" : ""].filter(Boolean).join(" ")}>
          <legend>{t.topicsLegend}</legend>
          <p class="hint" id="hint-topics">
            {t.topicsHint}
          </p>
          {topicsError ? (
            <p class="error-message" id="error-topics">
              {view.t.forms.fieldErrors[topicsError]}
            </p>
          ) : null}
          {newsTopics.map((key) => (
            <div class="choice">
              <input type="checkbox" id={`field-topics-${key}`} name="topics" value={key} checked={chosen.has(key)} />
              <label for={`field-topics-${key}`}>{view.t.news.topics[key]}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit" class="button">
          {id === undefined ? t.addButton : t.save}
        </button>
      </form>
    </AdminLayout>
  );
}

/** "Delete this link?" with one button; nothing is deleted by a GET. */
export function AdminNewsDeletePage({ view, item }: { view: View; item: NewsItem }) {
  const t = view.t.news.admin;
  const heading = t.deleteTitle(item.title);
  return (
    <AdminLayout view={view} title={heading} section="news">
      <h1>{heading}</h1>
      <p>
        {item.publisher}, <time datetime={item.publishedOn}>{formatDate(view.locale, item.publishedOn)}</time>
      </p>
      <p>{t.deleteWarning}</p>
      <form method="post" action={view.href(`/admin/news/${item.id}/delete`)} class="inline-form">
        <CsrfField view={view} />
        <button type="submit" class="button button-danger">
          {t.confirmDelete}
        </button>{" "}
        <a href={view.href("/admin/news")}>{t.cancel}</a>
      </form>
    </AdminLayout>
  );
}
