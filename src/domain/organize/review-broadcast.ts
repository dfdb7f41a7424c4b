import type { Actor } from "../accounts/actor.js";
import { getBroadcastProgress, type BroadcastProgress } from "../broadcasts/get-broadcast-progress.js";
import { previewBroadcast, type BroadcastPreview } from "../broadcasts/preview-broadcast.js";
import type { Ctx, MailSettings } from "../context.js";
import { loadBroadcastFor } from "./broadcast-access.js";

export interface BroadcastReview {
  broadcast: { id: number; subject: string; bodyMarkdown: string; audience: string; senderName: string; replyTo: string | null; status: BroadcastProgress["status"] };
  /** Who it would reach and one copy of it: only while it is a draft. */
  preview?: BroadcastPreview;
  progress: BroadcastProgress;
}

/** Everything the sender sees about one broadcast: the draft and its preview, or its progress once started. */
export async function reviewBroadcast({ ctx, input }: { ctx: Ctx & { mail: MailSettings }; input: { actor: Actor | undefined; broadcastId: number } }): Promise<BroadcastReview> {
  const row = await loadBroadcastFor(ctx, input.actor, input.broadcastId);
  const progress = await getBroadcastProgress({ ctx, input: { broadcastId: row.id } });
  const preview = progress.status === "draft" ? await previewBroadcast({ ctx, input: { broadcastId: row.id } }) : undefined;
  return {
    broadcast: {
      id: row.id,
      subject: row.subject,
      bodyMarkdown: row.bodyMarkdown,
      audience: row.audience,
      senderName: row.senderName,
      replyTo: row.replyTo,
      status: progress.status,
    },
    ...(preview ? { preview } : {}),
    progress,
  };
}
