ALTER TABLE "group_applications" ADD COLUMN "applicant_answer" text;--> statement-breakpoint
ALTER TABLE "group_applications" ADD COLUMN "answered_at" timestamp with time zone;