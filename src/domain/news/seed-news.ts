import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { cacheTags } from "../../db/read-cache.js";
import { auditEvents, newsItems } from "../../db/schema/index.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { withTransaction, type Ctx } from "../context.js";
import { defaultSeedDir } from "../public-data/source-files.js";
import { checkNewsItemFields, type NewsItemValues } from "./news-item-fields.js";

export const NEWS_SEED_ACTION = "news.seed";

const SeedFileSchema = z.object({
  about: z.string(),
  checkedOn: z.string(),
  items: z.array(
    z.object({
      title: z.string(),
      publisher: z.string(),
      publishedOn: z.string(),
      url: z.string(),
      summary: z.string(),
      topics: z.array(z.string()),
      /** Where the title, publisher, date and URL were checked. */
      sourceNote: z.string().min(1),
    }),
  ),
});

/**
 * The starter links in seed/news.json, each checked exactly as the staff form checks a link.
 * A bad file throws, naming the item and fields.
 */
export function readNewsSeed(text: string, label: string, now: Date): NewsItemValues[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${label}: not valid JSON`);
  }
  const parsed = SeedFileSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${label}: not a news seed file: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data.items.map((item, index) => {
    const { values, errors } = checkNewsItemFields(item, now);
    const refused = Object.entries(errors);
    if (refused.length > 0) throw new Error(`${label}: item ${index + 1} (${item.url}): ${refused.map(([field, code]) => `${field} ${code}`).join(", ")}`);
    return values;
  });
}

export const newsSeedFile = `${defaultSeedDir}news.json`;

/**
 * Put the starter links into the news list, each at most once ever.
 *
 * Each run records the URLs it offered in an audit line ("news.seed"). A URL offered before is
 * never offered again, so a restart adds nothing, a link staff edited keeps their words, and one
 * they deleted stays deleted. A URL new to the seed file (a later release) is added once. A
 * URL staff already listed themselves is left as they wrote it.
 */
export async function seedNews({ ctx, input }: { ctx: Ctx; input: { items: NewsItemValues[] } }): Promise<{ added: number; offered: number }> {
  const result = await withTransaction(ctx, async (tx) => {
    const runs = await tx.db.select({ detail: auditEvents.detail }).from(auditEvents).where(eq(auditEvents.action, NEWS_SEED_ACTION));
    const offeredBefore = new Set(runs.flatMap((run) => (Array.isArray(run.detail?.urls) ? (run.detail.urls as unknown[]) : [])).filter((u): u is string => typeof u === "string"));
    const fresh = input.items.filter((item) => !offeredBefore.has(item.url));
    if (fresh.length === 0) return { added: 0, offered: 0 };
    const now = tx.now();
    const inserted = await tx.db
      .insert(newsItems)
      .values(fresh.map((item) => ({ ...item, createdByPersonId: null, createdAt: now, updatedAt: now })))
      .onConflictDoNothing({ target: newsItems.url })
      .returning({ id: newsItems.id });
    await recordAuditEvent({ ctx: tx, input: { actorId: null, action: NEWS_SEED_ACTION, detail: { urls: fresh.map((item) => item.url), added: inserted.length } } });
    return { added: inserted.length, offered: fresh.length };
  });
  if (result.added > 0) await ctx.cache.invalidate(cacheTags.news);
  return result;
}

/** Read seed/news.json and seed from it (start-up and the test templates). */
export async function seedNewsFromFile(ctx: Ctx, file = newsSeedFile) {
  return seedNews({ ctx, input: { items: readNewsSeed(readFileSync(file, "utf8"), "seed/news.json", ctx.now()) } });
}
