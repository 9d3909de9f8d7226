CREATE TABLE `client_commands` (
	`session_id` text NOT NULL,
	`client_id` text NOT NULL,
	`type` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`session_id`, `client_id`),
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `events` (
	`session_id` text NOT NULL,
	`seq` integer NOT NULL,
	`type` text NOT NULL,
	`payload` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`session_id`, `seq`),
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `reports` (
	`session_id` text PRIMARY KEY NOT NULL,
	`json` text NOT NULL,
	`overall` real NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`case_id` text NOT NULL,
	`case_title` text NOT NULL,
	`duration_minutes` integer NOT NULL,
	`interviewer` text NOT NULL,
	`seed` integer NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`end_reason` text,
	`engine_state` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`ended_at` integer,
	`degraded` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sessions_created_at_idx` ON `sessions` (`created_at`);--> statement-breakpoint
CREATE TABLE `step_timings` (
	`session_id` text NOT NULL,
	`step` text NOT NULL,
	`budget_ms` integer NOT NULL,
	`started_at` integer,
	`ended_at` integer,
	`used_ms` integer DEFAULT 0 NOT NULL,
	`status` text NOT NULL,
	PRIMARY KEY(`session_id`, `step`),
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `turns` (
	`session_id` text NOT NULL,
	`idx` integer NOT NULL,
	`role` text NOT NULL,
	`step` text NOT NULL,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`at` integer NOT NULL,
	`client_id` text,
	`probed_point_ids` text,
	PRIMARY KEY(`session_id`, `idx`),
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `turns_session_client_id_idx` ON `turns` (`session_id`,`client_id`) WHERE client_id is not null;