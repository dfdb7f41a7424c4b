CREATE TABLE "attributions" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"person_id" integer,
	"referral_code" text,
	"utm_source" text,
	"utm_campaign" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"person_id" integer,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "referral_codes_person_id_unique" UNIQUE("person_id")
);
--> statement-breakpoint
ALTER TABLE "attributions" ADD CONSTRAINT "attributions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attributions" ADD CONSTRAINT "attributions_referral_code_referral_codes_code_fk" FOREIGN KEY ("referral_code") REFERENCES "public"."referral_codes"("code") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_codes" ADD CONSTRAINT "referral_codes_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attributions_referral_code_idx" ON "attributions" USING btree ("referral_code");--> statement-breakpoint
CREATE INDEX "attributions_created_at_idx" ON "attributions" USING btree ("created_at");