import type { NewsPage as NewsListing } from "../../domain/news/list-news.js";
import { newsTopics, type NewsTopic } from "../../domain/news/news-topics.js";
import { Layout } from "../components/layout.js";
import { Notice } from "../components/form.js";
import { formatDate } from "../format.js";
import type { View } from "../view.js";

/** /news with a topic and a page, as a link (page 1 and "all topics" leave their parameter out). */
export function newsPath(topic: NewsTopic | null, page = 1): string {
  const params = new URLSearchParams();
  if (topic) params.set("topic", topic);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/news?${query}` : "/news";
}

export const FEED_PATH = "/feed.xml";

/** The list of news links: topic chips that filter, the articles newest first, pages, the feed. */
export function NewsPage({ view, listing, unknownTopic }: { view: View; listing: NewsListing; unknownTopic?: boolean }) {
  const t = view.t.news;
  const { topic } = listing;
  const title = topic ? t.topicHeading(t.topics[topic]) : t.title;
  // Chips for topics that have articles, and for the one chosen even if it has none.
  const chips = newsTopics.filter((key) => listing.topicCounts[key] > 0 || key === topic);
  return (
    <Layout view={view} title={title} description={t.description} feed={{ title: t.feed.title, href: view.locale === "en" ? FEED_PATH : `${FEED_PATH}?lang=${view.locale}` }}>
      <h1>{title}</h1>
      <p class="lead">{t.lead}</p>
      {unknownTopic ? <Notice>{t.unknownTopic}</Notice> : null}
      <nav class="topic-filter" aria-label={t.topicsLabel}>
        <ul class="chips">
          <li>
            <a class="chip" href={view.href("/news")} aria-current={topic === null && !unknownTopic ? "page" : undefined}>
              {t.allTopics}
            </a>
          </li>
          {chips.map((key) => (
            <li>
              <a class="chip" href={view.href(newsPath(key))} aria-current={key === topic ? "page" : undefined}>
                {t.topics[key]}
                {" "}
                <span class="chip-count">({listing.topicCounts[key]})</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {listing.total === 0 ? (
        <p>{topic ? t.emptyTopic : t.empty}</p>
      ) : (
        <>
          <p class="news-count">{t.count(listing.total)}</p>
          <ol class="news-list">
            {listing.items.map((item) => (
              <li class="news-item">
                <article aria-labelledby={`news-${item.id}`}>
                  <h2 id={`news-${item.id}`}>
                    <a href={item.url} target="_blank" rel="noopener">
                      {item.title}
                      <span class="new-tab" aria-hidden="true">
                        {" ↗"}
                      </span>
                      <span class="visually-hidden"> {t.opensInNewTab}</span>
                    </a>
                  </h2>
                  <p class="news-meta">
                    {item.publisher}, <time datetime={item.publishedOn}>{formatDate(view.locale, item.publishedOn)}</time>
                  </p>
                  <p class="news-summary">{item.summary}</p>
                  {item.topics.length > 0 ? (
                    <p class="news-topics">
                      <span class="visually-hidden">{t.itemTopics} </span>
                      {item.topics.map((key) => (
                        <>
                          <a class="chip chip-small" href={view.href(newsPath(key))}>
                            {t.topics[key]}
                          </a>{" "}
                        </>
                      ))}
                    </p>
                  ) : null}
                </article>
              </li>
            ))}
          </ol>
        </>
      )}
      {listing.pageCount > 1 ? (
        <nav class="pager" aria-label={t.pagesLabel}>
          {listing.page > 1 ? (
            <a href={view.href(newsPath(topic, listing.page - 1))} rel="prev">
              {t.previousPage}
            </a>
          ) : null}
          <span>{t.pageOf(listing.page, listing.pageCount)}</span>
          {listing.page < listing.pageCount ? (
            <a href={view.href(newsPath(topic, listing.page + 1))} rel="next">
              {t.nextPage}
            </a>
          ) : null}
        </nav>
      ) : null}
      <p class="feed-link">
        <a href={FEED_PATH} type="application/atom+xml">
          {t.feedLink}
        </a>
        <br />
        <span class="fine-print">{t.feedHint}</span>
      </p>
    </Layout>
  );
}
