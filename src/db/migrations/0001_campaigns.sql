CREATE TABLE "campaign_actions" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_slug" text NOT NULL,
	"bioguide_id" text NOT NULL,
	"outcome" text NOT NULL,
	"zip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"slug" text PRIMARY KEY NOT NULL,
	"house_bill_id" text,
	"senate_bill_id" text,
	"words" jsonb NOT NULL,
	"is_active" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaign_actions" ADD CONSTRAINT "campaign_actions_campaign_slug_campaigns_slug_fk" FOREIGN KEY ("campaign_slug") REFERENCES "public"."campaigns"("slug") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_actions_campaign_time_idx" ON "campaign_actions" USING btree ("campaign_slug","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "campaigns_one_active_idx" ON "campaigns" USING btree ("is_active") WHERE "campaigns"."is_active";