CREATE TABLE `peer_commands` (
	`room_id` text NOT NULL,
	`client_id` text NOT NULL,
	`type` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`room_id`, `client_id`),
	FOREIGN KEY (`room_id`) REFERENCES `peer_rooms`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `peer_events` (
	`room_id` text NOT NULL,
	`seq` integer NOT NULL,
	`type` text NOT NULL,
	`payload` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`room_id`, `seq`),
	FOREIGN KEY (`room_id`) REFERENCES `peer_rooms`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `peer_rooms` (
	`id` text PRIMARY KEY NOT NULL,
	`interviewer_token_hash` text NOT NULL,
	`candidate_token_hash` text NOT NULL,
	`case_id` text NOT NULL,
	`case_title` text NOT NULL,
	`surprise` integer NOT NULL,
	`duration_minutes` integer NOT NULL,
	`status` text DEFAULT 'lobby' NOT NULL,
	`engine_state` text,
	`pad` text DEFAULT '' NOT NULL,
	`assessment` text NOT NULL,
	`created_at` integer NOT NULL,
	`started_at` integer,
	`ended_at` integer,
	`end_reason` text,
	`previous_room_id` text,
	`next_room_id` text,
	`auto_report` text
);
--> statement-breakpoint
CREATE INDEX `peer_rooms_status_idx` ON `peer_rooms` (`status`);