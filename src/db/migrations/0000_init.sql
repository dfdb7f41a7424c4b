CREATE TABLE "states" (
	"usps" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"fips" text NOT NULL,
	"house_seats" integer NOT NULL,
	"nonvoting_delegate" integer NOT NULL,
	"senators" integer NOT NULL,
	"type" text NOT NULL,
	CONSTRAINT "states_fips_unique" UNIQUE("fips")
);
--> statement-breakpoint
CREATE TABLE "member_offices" (
	"id" text PRIMARY KEY NOT NULL,
	"bioguide_id" text NOT NULL,
	"address" text,
	"suite" text,
	"building" text,
	"city" text,
	"state" text,
	"zip" text,
	"phone" text,
	"fax" text,
	"latitude" double precision,
	"longitude" double precision
);
--> statement-breakpoint
CREATE TABLE "members" (
	"bioguide_id" text PRIMARY KEY NOT NULL,
	"chamber" text NOT NULL,
	"state" text NOT NULL,
	"district" integer,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"full_name" text NOT NULL,
	"party" text NOT NULL,
	"state_rank" text,
	"senate_class" integer,
	"term_start" text NOT NULL,
	"term_end" text NOT NULL,
	"phone" text,
	"website_url" text,
	"contact_form_url" text,
	"office_address" text,
	"twitter" text,
	"facebook" text,
	"instagram" text,
	"youtube" text,
	"mastodon" text,
	"bluesky" text
);
--> statement-breakpoint
CREATE TABLE "zip_centroids" (
	"zcta" text PRIMARY KEY NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"states" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "zip_cities" (
	"zip" text PRIMARY KEY NOT NULL,
	"city" text NOT NULL,
	"state" text NOT NULL,
	"county" text
);
--> statement-breakpoint
CREATE TABLE "zip_districts" (
	"zcta" text NOT NULL,
	"state" text NOT NULL,
	"district" integer NOT NULL,
	CONSTRAINT "zip_districts_zcta_state_district_pk" PRIMARY KEY("zcta","state","district")
);
--> statement-breakpoint
CREATE TABLE "datasets" (
	"key" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"source_url" text NOT NULL,
	"licence" text NOT NULL,
	"licence_url" text,
	"attribution" text,
	"version" text NOT NULL,
	"as_of" text,
	"row_count" integer NOT NULL,
	"checksum" text NOT NULL,
	"imported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bill_cosponsors" (
	"bill_id" text NOT NULL,
	"bioguide_id" text NOT NULL,
	"role" text NOT NULL,
	"name" text NOT NULL,
	"party" text NOT NULL,
	"state" text NOT NULL,
	"district" integer,
	"sponsored_on" text,
	"is_original" boolean,
	"withdrawn_on" text,
	"source_url" text NOT NULL,
	CONSTRAINT "bill_cosponsors_bill_id_bioguide_id_pk" PRIMARY KEY("bill_id","bioguide_id")
);
--> statement-breakpoint
CREATE TABLE "bills" (
	"id" text PRIMARY KEY NOT NULL,
	"congress" integer NOT NULL,
	"chamber" text NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"introduced_on" text NOT NULL,
	"sponsor_bioguide_id" text NOT NULL,
	"official_cosponsor_count" integer,
	"cosponsors_as_of" text,
	"roll_complete" boolean NOT NULL,
	"is_current" boolean NOT NULL,
	"source_url" text NOT NULL,
	"congress_gov_url" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "group_applications" (
	"id" serial PRIMARY KEY NOT NULL,
	"group_id" integer NOT NULL,
	"applicant_id" integer NOT NULL,
	"why" text NOT NULL,
	"who_they_know" text,
	"experience" text,
	"status" text NOT NULL,
	"decision_note" text,
	"created_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "group_memberships" (
	"group_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "group_memberships_group_id_person_id_pk" PRIMARY KEY("group_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "group_organizers" (
	"group_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"is_founder" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "group_organizers_group_id_person_id_pk" PRIMARY KEY("group_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "groups" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"state" text NOT NULL,
	"city" text,
	"latitude" double precision,
	"longitude" double precision,
	"website_url" text,
	"contact" text,
	"social_links" jsonb,
	"description" text,
	"meeting_details" text,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"last_confirmed_at" timestamp with time zone,
	"source_url" text,
	"source_as_of" text,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"count" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"purpose" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"email_key" text NOT NULL,
	"name" text NOT NULL,
	"zip" text,
	"state" text,
	"phone" text,
	"locale" text DEFAULT 'en' NOT NULL,
	"email_confirmed_at" timestamp with time zone,
	"source_page" text,
	"source_campaign" text,
	"referral_code" text,
	"link_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_email_key_unique" UNIQUE("email_key")
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"person_id" integer NOT NULL,
	"list" text NOT NULL,
	"status" text NOT NULL,
	"source_page" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"unsubscribed_at" timestamp with time zone,
	CONSTRAINT "subscriptions_person_id_list_pk" PRIMARY KEY("person_id","list")
);
--> statement-breakpoint
CREATE TABLE "broadcasts" (
	"id" serial PRIMARY KEY NOT NULL,
	"subject" text NOT NULL,
	"body_markdown" text NOT NULL,
	"audience" text NOT NULL,
	"sender_name" text NOT NULL,
	"reply_to" text,
	"status" text NOT NULL,
	"recipient_count" integer,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "mail_messages" (
	"id" serial PRIMARY KEY NOT NULL,
	"idempotency_key" text NOT NULL,
	"person_id" integer,
	"to_address" text NOT NULL,
	"to_name" text,
	"template" text NOT NULL,
	"broadcast_id" integer,
	"subject" text,
	"text_body" text,
	"html_body" text,
	"headers" jsonb,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"transport_message_id" text,
	CONSTRAINT "mail_messages_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
ALTER TABLE "member_offices" ADD CONSTRAINT "member_offices_bioguide_id_members_bioguide_id_fk" FOREIGN KEY ("bioguide_id") REFERENCES "public"."members"("bioguide_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bill_cosponsors" ADD CONSTRAINT "bill_cosponsors_bill_id_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."bills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_applications" ADD CONSTRAINT "group_applications_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_applications" ADD CONSTRAINT "group_applications_applicant_id_people_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_memberships" ADD CONSTRAINT "group_memberships_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_memberships" ADD CONSTRAINT "group_memberships_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_organizers" ADD CONSTRAINT "group_organizers_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_organizers" ADD CONSTRAINT "group_organizers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_tokens" ADD CONSTRAINT "email_tokens_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_messages" ADD CONSTRAINT "mail_messages_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_messages" ADD CONSTRAINT "mail_messages_broadcast_id_broadcasts_id_fk" FOREIGN KEY ("broadcast_id") REFERENCES "public"."broadcasts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_offices_bioguide_idx" ON "member_offices" USING btree ("bioguide_id");--> statement-breakpoint
CREATE INDEX "members_state_district_idx" ON "members" USING btree ("state","district");--> statement-breakpoint
CREATE INDEX "zip_districts_state_district_idx" ON "zip_districts" USING btree ("state","district");--> statement-breakpoint
CREATE INDEX "bill_cosponsors_bioguide_idx" ON "bill_cosponsors" USING btree ("bioguide_id");--> statement-breakpoint
CREATE INDEX "group_applications_status_idx" ON "group_applications" USING btree ("status");--> statement-breakpoint
CREATE INDEX "group_memberships_person_idx" ON "group_memberships" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "group_organizers_person_idx" ON "group_organizers" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "groups_state_slug_idx" ON "groups" USING btree ("state","slug");--> statement-breakpoint
CREATE INDEX "groups_state_status_idx" ON "groups" USING btree ("state","status");--> statement-breakpoint
CREATE INDEX "email_tokens_person_idx" ON "email_tokens" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "subscriptions_list_status_idx" ON "subscriptions" USING btree ("list","status");--> statement-breakpoint
CREATE INDEX "mail_messages_broadcast_status_idx" ON "mail_messages" USING btree ("broadcast_id","status");--> statement-breakpoint
CREATE INDEX "mail_messages_created_idx" ON "mail_messages" USING btree ("created_at");