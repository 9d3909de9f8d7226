ALTER TABLE `sessions` ADD `level` text DEFAULT 'senior' NOT NULL;--> statement-breakpoint
ALTER TABLE `sessions` ADD `persona` text DEFAULT 'neutral' NOT NULL;