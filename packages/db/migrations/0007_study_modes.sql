CREATE TABLE `drill_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_hash` text NOT NULL,
	`card_id` text NOT NULL,
	`answer` text NOT NULL,
	`score` real NOT NULL,
	`result` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `drill_attempts_owner_card_idx` ON `drill_attempts` (`owner_hash`,`card_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `review_cards` (
	`owner_hash` text NOT NULL,
	`item_id` text NOT NULL,
	`card` text NOT NULL,
	`due` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`owner_hash`, `item_id`)
);
--> statement-breakpoint
CREATE INDEX `review_cards_owner_due_idx` ON `review_cards` (`owner_hash`,`due`);