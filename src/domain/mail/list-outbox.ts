import { desc, eq } from "drizzle-orm";
import { mailMessages } from "../../db/schema/index.js";
import type { Ctx } from "../context.js";

export interface OutboxEntry {
  id: number;
  to: string;
  subject: string | null;
  template: string;
  status: string;
  createdAt: Date;
}

/** The newest messages in the outbox, for the development mail viewer (never in production). */
export async function listOutbox({ ctx, input }: { ctx: Ctx; input: { limit: number } }): Promise<OutboxEntry[]> {
  const rows = await ctx.db
    .select({
      id: mailMessages.id,
      to: mailMessages.toAddress,
      subject: mailMessages.subject,
      template: mailMessages.template,
      status: mailMessages.status,
      createdAt: mailMessages.createdAt,
    })
    .from(mailMessages)
    .orderBy(desc(mailMessages.id))
    .limit(input.limit);
  return rows;
}

export async function getOutboxMessage({ ctx, input }: { ctx: Ctx; input: { id: number } }) {
  const [row] = await ctx.db.select().from(mailMessages).where(eq(mailMessages.id, input.id));
  return row;
}
