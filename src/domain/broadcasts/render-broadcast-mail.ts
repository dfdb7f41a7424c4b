import { and, eq, inArray, sql } from "drizzle-orm";
import { broadcasts, mailMessages, people, subscriptions } from "../../db/schema/index.js";
import { isLocale, messagesFor, type Messages } from "../../i18n/index.js";
import { renderBroadcastMail } from "../../mail/templates.js";
import type { Ctx, MailSettings } from "../context.js";
import { listUnsubscribeHeaders } from "../mail/enqueue-mail.js";
import { mailLinks } from "../updates/links.js";
import { listLabels } from "../updates/lists.js";
import { audienceCondition, listsFor, parseAudience } from "./audience.js";

export type BroadcastRow = typeof broadcasts.$inferSelect;

export interface BroadcastMail {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  /** The broadcast as it was read for this message (sender name, reply-to). */
  broadcast: BroadcastRow;
}

/**
 * Look-ups that many recipients of one broadcast share. Kept for one worker batch only, so a
 * cancelled broadcast stops within a batch, not at the end of a process's life.
 */
export interface RenderCache {
  /** Which broadcast a message of this batch belongs to (null: none): fixed at enqueue, so safe to read ahead. */
  broadcastIdOf(ctx: Ctx, messageId: number): Promise<number | null | undefined>;
  broadcast(ctx: Ctx, id: number): Promise<BroadcastRow | undefined>;
  listLabel(ctx: Ctx, t: Messages, list: string, state: string | null): Promise<string>;
}

/** `messageIds`: the batch, whose broadcast ids are then read in one query. */
export function createRenderCache(messageIds: number[] = []): RenderCache {
  const rows = new Map<number, Promise<BroadcastRow | undefined>>();
  const labels = new Map<string, Promise<string>>();
  let broadcastIds: Promise<Map<number, number | null>> | undefined;
  return {
    async broadcastIdOf(ctx, messageId) {
      if (!messageIds.includes(messageId)) return undefined;
      broadcastIds ??= ctx.db
        .select({ id: mailMessages.id, broadcastId: mailMessages.broadcastId })
        .from(mailMessages)
        .where(inArray(mailMessages.id, messageIds))
        .then((found) => new Map(found.map((row) => [row.id, row.broadcastId])));
      return (await broadcastIds).get(messageId);
    },
    broadcast(ctx, id) {
      let row = rows.get(id);
      if (!row) {
        row = loadBroadcast(ctx, id);
        rows.set(id, row);
      }
      return row;
    },
    listLabel(ctx, t, list, state) {
      const key = `${t.meta.htmlLang}|${list}|${state ?? ""}`;
      let label = labels.get(key);
      if (!label) {
        label = loadListLabel(ctx, t, list, state);
        labels.set(key, label);
      }
      return label;
    },
  };
}

const uncached: RenderCache = { broadcastIdOf: async () => undefined, broadcast: (ctx, id) => loadBroadcast(ctx, id), listLabel: loadListLabel };

async function loadBroadcast(ctx: Ctx, id: number) {
  const [row] = await ctx.db.select().from(broadcasts).where(eq(broadcasts.id, id));
  return row;
}

async function loadListLabel(ctx: Ctx, t: Messages, list: string, state: string | null) {
  return (await listLabels(ctx, t, [list], state)).get(list)!;
}

/** Where a recipient stands now: the list that brings them the broadcast, and what their copy needs. */
export interface Recipient {
  list: string;
  state: string | null;
  locale: string;
  linkVersion: number;
}

export const recipientColumns = { list: subscriptions.list, state: people.state, locale: people.locale, linkVersion: people.linkVersion };
/** Someone on both the national and their state list gets the state one: the narrower, the easier to leave. */
export const narrowestListFirst = sql`case ${subscriptions.list} when 'national' then 1 else 0 end`;

/**
 * One person's copy of a broadcast, rendered now: in their language, with the narrowest list
 * that brought it and their own unsubscribe link. Undefined when they no longer want it (they
 * unsubscribed, or moved out of the audience) or the broadcast was cancelled. Pass `recipient`
 * when it was just read with the message (null: they no longer qualify).
 */
export async function renderBroadcastFor(
  ctx: Ctx & { mail: MailSettings },
  input: { broadcastId: number; personId: number; cache?: RenderCache; recipient?: Recipient | null },
): Promise<BroadcastMail | undefined> {
  const cache = input.cache ?? uncached;
  const broadcast = await cache.broadcast(ctx, input.broadcastId);
  const audience = broadcast && parseAudience(broadcast.audience);
  if (!broadcast || !audience || broadcast.status === "cancelled") return undefined;
  let recipient = input.recipient;
  if (recipient === undefined) {
    const rows = await ctx.db
      .select(recipientColumns)
      .from(people)
      .innerJoin(subscriptions, eq(subscriptions.personId, people.id))
      .where(and(eq(people.id, input.personId), audienceCondition(audience)))
      .orderBy(narrowestListFirst)
      .limit(1);
    recipient = rows[0] ?? null;
  }
  if (!recipient) return undefined;
  // Unsubscribe from the narrowest list that brought them this message.
  const list = listsFor(audience).includes(recipient.list) ? recipient.list : "national";
  const t = messagesFor(isLocale(recipient.locale) ? recipient.locale : "en");
  const links = mailLinks(ctx.mail);
  const unsubscribeUrl = links.unsubscribe(input.personId, recipient.linkVersion, list);
  const rendered = renderBroadcastMail(
    t,
    { subject: broadcast.subject, bodyMarkdown: broadcast.bodyMarkdown },
    {
      listLabel: await cache.listLabel(ctx, t, list, recipient.state),
      unsubscribeUrl,
      preferencesUrl: links.preferences(input.personId, recipient.linkVersion),
    },
  );
  return { ...rendered, headers: listUnsubscribeHeaders(unsubscribeUrl, ctx.mail.unsubscribeMailbox), broadcast };
}

/** `"Sender Name" <address of MAIL_FROM>`: organizers sign a broadcast, the sending domain stays ours. */
export function broadcastFrom(senderName: string, configuredFrom: string): string {
  const address = /<([^>]+)>\s*$/.exec(configuredFrom)?.[1] ?? configuredFrom.trim();
  const name = senderName.replace(/[\r\n]+/g, " ").trim();
  return name ? `"${name.replace(/(["\\])/g, "\\$1")}" <${address}>` : configuredFrom;
}
