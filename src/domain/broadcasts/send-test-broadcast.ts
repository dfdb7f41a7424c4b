import { eq } from "drizzle-orm";
import { people } from "../../db/schema/index.js";
import { isLocale, messagesFor } from "../../i18n/index.js";
import { renderBroadcastMail } from "../../mail/templates.js";
import type { Actor } from "../accounts/actor.js";
import type { MailCtx } from "../context.js";
import { conflict } from "../errors.js";
import { enqueueMail } from "../mail/enqueue-mail.js";
import { loadBroadcastFor } from "../organize/broadcast-access.js";
import { mailLinks } from "../updates/links.js";
import { listLabels } from "../updates/lists.js";
import { listsFor, parseAudience } from "./audience.js";

export const TEST_SUBJECT_PREFIX = "[TEST] ";

/**
 * Send one copy of a broadcast to the person writing it, whether or not they are in its
 * audience: rendered like a recipient's copy (their language, the audience's list in the
 * footer, their own unsubscribe link), subject marked "[TEST]". It is an ordinary outbox
 * message, not part of the broadcast, so it never counts in the broadcast's progress.
 */
export async function sendTestBroadcast({ ctx, input }: { ctx: MailCtx; input: { actor: Actor | undefined; broadcastId: number } }): Promise<{ to: string }> {
  const broadcast = await loadBroadcastFor(ctx, input.actor, input.broadcastId);
  const actor = input.actor!;
  const audience = parseAudience(broadcast.audience);
  if (!audience) throw conflict(`Broadcast ${broadcast.id} has an audience we cannot read: ${broadcast.audience}.`);
  const [person] = await ctx.db
    .select({ email: people.email, name: people.name, state: people.state, locale: people.locale, linkVersion: people.linkVersion })
    .from(people)
    .where(eq(people.id, actor.personId));
  if (!person) throw conflict("Your account has no person record.");
  // The narrowest list of the audience: the one a recipient would be offered to leave.
  const list = listsFor(audience).at(-1)!;
  const t = messagesFor(isLocale(person.locale) ? person.locale : "en");
  const links = mailLinks(ctx.mail);
  const labels = await listLabels(ctx, t, [list], audience.kind === "state" ? audience.state : person.state);
  const mail = renderBroadcastMail(
    t,
    { subject: `${TEST_SUBJECT_PREFIX}${broadcast.subject}`, bodyMarkdown: broadcast.bodyMarkdown },
    {
      listLabel: labels.get(list)!,
      unsubscribeUrl: links.unsubscribe(actor.personId, person.linkVersion, list),
      preferencesUrl: links.preferences(actor.personId, person.linkVersion),
    },
  );
  await enqueueMail({
    ctx,
    input: {
      // Every press sends one: the key carries the time.
      idempotencyKey: `broadcast-test:${broadcast.id}:${actor.personId}:${ctx.now().getTime()}`,
      personId: actor.personId,
      to: { address: person.email, name: person.name },
      template: "broadcast-test",
      ...mail,
      ...(broadcast.replyTo ? { replyTo: broadcast.replyTo } : {}),
    },
  });
  return { to: person.email };
}
