ALTER TABLE "peer_rooms" ADD COLUMN "drawing" jsonb;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "drawing" jsonb;