import { randomUUID } from "node:crypto";
import type { Database } from "./client.js";

const CHANNEL = "everybody_in_cache";

/**
 * In-memory cache for read-mostly data (directory, members of Congress, dataset list).
 *
 * Keys are ":"-separated tags, e.g. "public-data:datasets". `invalidate(tag)` drops every
 * entry whose key contains that tag, here and, through PostgreSQL NOTIFY, in every other app
 * process on the same database. An invalidation removes matching entries even while their load
 * is still in flight, so a value read before a change is returned to whoever was waiting for it
 * but never served again; loads of other keys are not disturbed.
 */
export class ReadCache {
  private readonly entries = new Map<string, { value: Promise<unknown>; loadedAt: number }>();
  /** Tells our own notices (already applied locally) from other processes'. */
  private readonly instanceId = randomUUID();
  private unlisten: (() => Promise<void>) | undefined;

  private constructor(private readonly database: Database | undefined) {}

  static async connect(database: Database): Promise<ReadCache> {
    const cache = new ReadCache(database);
    cache.unlisten = await database.listen(CHANNEL, (payload) => {
      const [sender, tag = ""] = payload.split("|", 2);
      if (sender !== cache.instanceId) cache.drop(tag);
    });
    return cache;
  }

  /** A cache that only lives in this process (for tools and tests that need no fan-out). */
  static local(): ReadCache {
    return new ReadCache(undefined);
  }

  /** The cached value of `key`, loading it when missing or, with `maxAgeMs`, when older than that. */
  get<T>(key: string, load: () => Promise<T>, options: { maxAgeMs?: number } = {}): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && (options.maxAgeMs === undefined || Date.now() - hit.loadedAt <= options.maxAgeMs)) return hit.value as Promise<T>;
    const pending = load();
    const entry = { value: pending, loadedAt: Date.now() };
    this.entries.set(key, entry);
    pending.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return pending;
  }

  /** Forget entries tagged `tag` here and in every other process listening on the same database. */
  async invalidate(...tags: string[]): Promise<void> {
    for (const tag of tags) this.drop(tag);
    if (this.database) for (const tag of tags) await this.database.notify(CHANNEL, `${this.instanceId}|${tag}`);
  }

  private drop(tag: string) {
    for (const key of this.entries.keys()) if (key.split(":").includes(tag)) this.entries.delete(key);
  }

  async close() {
    await this.unlisten?.();
  }
}

/** Tags used across the app; one place so a writer and a reader cannot disagree on spelling. */
export const cacheTags = {
  publicData: "public-data",
  groups: "groups",
  campaigns: "campaigns",
  /** Counters of reported calls, letters and posts. */
  campaignActions: "campaign-actions",
  /** Curated news links (/news) and the Atom feed (/feed.xml). */
  news: "news",
  /** Events: the home page's featured event, lists and event pages. */
  events: "events",
} as const;
