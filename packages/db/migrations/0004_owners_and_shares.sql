CREATE TABLE `report_shares` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_shares_token_hash_unique` ON `report_shares` (`token_hash`);--> statement-breakpoint
CREATE INDEX `report_shares_session_idx` ON `report_shares` (`session_id`);--> statement-breakpoint
ALTER TABLE `sessions` ADD `owner_hash` text;--> statement-breakpoint
CREATE INDEX `sessions_owner_created_idx` ON `sessions` (`owner_hash`,`created_at`);--> statement-breakpoint
ALTER TABLE `peer_rooms` ADD `owner_hash` text;