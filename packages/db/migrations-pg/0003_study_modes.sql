CREATE TABLE "drill_attempts" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_hash" text NOT NULL,
	"card_id" text NOT NULL,
	"answer" text NOT NULL,
	"score" double precision NOT NULL,
	"result" jsonb NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_cards" (
	"owner_hash" text NOT NULL,
	"item_id" text NOT NULL,
	"card" jsonb NOT NULL,
	"due" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "review_cards_owner_hash_item_id_pk" PRIMARY KEY("owner_hash","item_id")
);
--> statement-breakpoint
CREATE INDEX "drill_attempts_owner_card_idx" ON "drill_attempts" USING btree ("owner_hash","card_id","created_at");--> statement-breakpoint
CREATE INDEX "review_cards_owner_due_idx" ON "review_cards" USING btree ("owner_hash","due");