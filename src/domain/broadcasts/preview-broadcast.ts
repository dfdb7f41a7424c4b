import { asc, eq } from "drizzle-orm";
import { broadcasts, people, subscriptions } from "../../db/schema/index.js";
import type { Ctx, MailSettings } from "../context.js";
import { conflict, notFound } from "../errors.js";
import { audienceCondition, parseAudience } from "./audience.js";
import { countBroadcastAudience } from "./count-broadcast-audience.js";
import { broadcastFrom, renderBroadcastFor } from "./render-broadcast-mail.js";

export interface BroadcastPreview {
  recipients: number;
  /** The message as the first person in the audience would get it; undefined when nobody would. */
  sample?: { to: string; from: string; replyTo: string | undefined; subject: string; text: string; html: string };
}

/** What a broadcast would do if started now: how many it reaches, and one recipient's copy. Sends nothing. */
export async function previewBroadcast({ ctx, input }: { ctx: Ctx & { mail: MailSettings }; input: { broadcastId: number } }): Promise<BroadcastPreview> {
  const [broadcast] = await ctx.db.select().from(broadcasts).where(eq(broadcasts.id, input.broadcastId));
  if (!broadcast) throw notFound(`There is no broadcast ${input.broadcastId}.`);
  const audience = parseAudience(broadcast.audience);
  if (!audience) throw conflict(`Broadcast ${broadcast.id} has an audience we cannot read: ${broadcast.audience}.`);
  const recipients = await countBroadcastAudience({ ctx, input: { audience: broadcast.audience } });
  const [first] = await ctx.db
    .select({ id: people.id, email: people.email })
    .from(people)
    .innerJoin(subscriptions, eq(subscriptions.personId, people.id))
    .where(audienceCondition(audience))
    .orderBy(asc(people.id))
    .limit(1);
  if (!first) return { recipients };
  const mail = await renderBroadcastFor(ctx, { broadcastId: broadcast.id, personId: first.id });
  if (!mail) return { recipients };
  return {
    recipients,
    sample: {
      to: first.email,
      from: broadcastFrom(broadcast.senderName, ctx.mail.from),
      replyTo: broadcast.replyTo ?? ctx.mail.replyTo,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    },
  };
}
