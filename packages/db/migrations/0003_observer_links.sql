CREATE TABLE `observer_links` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`room_id` text NOT NULL,
	`view` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `observer_links_room_idx` ON `observer_links` (`room_id`);