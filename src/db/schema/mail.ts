import { index, integer, jsonb, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { people } from "./people.js";

/**
 * Every e-mail the app sends, one row each. The idempotency key makes enqueueing the same
 * message twice a no-op; the status makes sending it twice a no-op. Without SMTP_URL this table
 * is the outbox a developer reads at /dev/mail.
 */
export const mailMessages = pgTable(
  "mail_messages",
  {
    id: serial("id").primaryKey(),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    personId: integer("person_id").references(() => people.id, { onDelete: "set null" }),
    toAddress: text("to_address").notNull(),
    toName: text("to_name"),
    /** Template name ("confirm", "welcome", …) or "broadcast". */
    template: text("template").notNull(),
    /** For broadcasts the body is rendered at send time from the broadcast, so it is not copied 100,000 times. */
    broadcastId: integer("broadcast_id").references(() => broadcasts.id, { onDelete: "cascade" }),
    subject: text("subject"),
    textBody: text("text_body"),
    htmlBody: text("html_body"),
    headers: jsonb("headers").$type<Record<string, string>>(),
    /** Small files sent with the message (an event's .ics), as text. */
    attachments: jsonb("attachments").$type<{ filename: string; contentType: string; content: string }[]>(),
    status: text("status", { enum: ["queued", "sent", "failed", "skipped"] }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    transportMessageId: text("transport_message_id"),
  },
  (t) => [
    index("mail_messages_broadcast_status_idx").on(t.broadcastId, t.status),
    index("mail_messages_created_idx").on(t.createdAt),
  ],
);

/** A message to many people: subject, Markdown body, audience, and the recipients snapshot in mail_messages. */
export const broadcasts = pgTable("broadcasts", {
  id: serial("id").primaryKey(),
  subject: text("subject").notNull(),
  bodyMarkdown: text("body_markdown").notNull(),
  /** "all" (everyone confirmed on the national list), "state:MN", or "group:<id>". */
  audience: text("audience").notNull(),
  senderName: text("sender_name").notNull(),
  replyTo: text("reply_to"),
  status: text("status", { enum: ["draft", "sending", "sent", "cancelled"] }).notNull(),
  recipientCount: integer("recipient_count"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  startedAt: timestamp("started_at", { withTimezone: true }),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
});
