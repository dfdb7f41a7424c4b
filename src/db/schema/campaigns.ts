import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/** One template in two variants: for members already on the bill, and for those who are not. */
export interface TemplatePair {
  /** Thank them and ask them to recruit colleagues. */
  cosponsor: string;
  /** Ask them to sign on. Also used when we cannot confirm where they stand. */
  notCosponsor: string;
}

/** The words of a campaign in one language. Placeholders: see src/domain/campaigns/fill-template.ts. */
export interface CampaignWords {
  title: string;
  summary: string;
  callScript: TemplatePair;
  /** First line is the subject. */
  letter: TemplatePair;
  post: TemplatePair;
}

/**
 * A push on one bill per chamber. `words.en` is required; other languages fall back to it.
 * Seeded with the Medicare for All Act of 2025 by migration 0001; admin screens come later.
 */
export const campaigns = pgTable("campaigns", {
  slug: text("slug").primaryKey(),
  /** Bill ids as in the bills table ("119-hr3069"). Not foreign keys: bills are replaced whole on a public-data import. */
  houseBillId: text("house_bill_id"),
  senateBillId: text("senate_bill_id"),
  words: jsonb("words").$type<{ en: CampaignWords } & Partial<Record<string, CampaignWords>>>().notNull(),
  /** The campaign /act leads to. At most one (a partial unique index). */
  isActive: boolean("is_active").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex("campaigns_one_active_idx").on(t.isActive).where(sql`${t.isActive}`)]);

export const actionOutcomes = ["talked_to_staff", "left_voicemail", "busy_no_answer", "mailbox_full", "sent_letter", "posted"] as const;
export type ActionOutcome = (typeof actionOutcomes)[number];
export const callOutcomes: readonly ActionOutcome[] = ["talked_to_staff", "left_voicemail", "busy_no_answer", "mailbox_full"];

/**
 * What someone reported after contacting a member. No account, no IP address: only the ZIP
 * they looked up, so organizers can see where pressure comes from.
 */
export const campaignActions = pgTable(
  "campaign_actions",
  {
    id: serial("id").primaryKey(),
    campaignSlug: text("campaign_slug")
      .notNull()
      .references(() => campaigns.slug, { onDelete: "cascade" }),
    bioguideId: text("bioguide_id").notNull(),
    outcome: text("outcome", { enum: actionOutcomes }).notNull(),
    zip: text("zip"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("campaign_actions_campaign_time_idx").on(t.campaignSlug, t.createdAt)],
);
