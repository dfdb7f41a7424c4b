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
	"sponsored_on" text NOT NULL,
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
CREATE TABLE "groups" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"state" text NOT NULL,
	"city" text,
	"website_url" text,
	"contact" text,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"source_url" text,
	"source_as_of" text,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "groups_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"count" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "member_offices" ADD CONSTRAINT "member_offices_bioguide_id_members_bioguide_id_fk" FOREIGN KEY ("bioguide_id") REFERENCES "public"."members"("bioguide_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bill_cosponsors" ADD CONSTRAINT "bill_cosponsors_bill_id_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."bills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_offices_bioguide_idx" ON "member_offices" USING btree ("bioguide_id");--> statement-breakpoint
CREATE INDEX "members_state_district_idx" ON "members" USING btree ("state","district");--> statement-breakpoint
CREATE INDEX "zip_districts_state_district_idx" ON "zip_districts" USING btree ("state","district");--> statement-breakpoint
CREATE INDEX "bill_cosponsors_bioguide_idx" ON "bill_cosponsors" USING btree ("bioguide_id");--> statement-breakpoint
CREATE INDEX "groups_state_idx" ON "groups" USING btree ("state");