/**
 * What a news link is about. Keys are stored on each item and used in URLs (/news?topic=states);
 * their words live in src/i18n/news.*.ts. The order here is the order chips and checkboxes show.
 */
export const newsTopics = ["congress", "cosponsors", "states", "midterms", "costs", "stories", "organizing"] as const;
export type NewsTopic = (typeof newsTopics)[number];

export function isNewsTopic(value: string): value is NewsTopic {
  return (newsTopics as readonly string[]).includes(value);
}
