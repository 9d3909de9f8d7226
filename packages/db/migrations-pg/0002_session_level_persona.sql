ALTER TABLE "sessions" ADD COLUMN "level" text DEFAULT 'senior' NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "persona" text DEFAULT 'neutral' NOT NULL;