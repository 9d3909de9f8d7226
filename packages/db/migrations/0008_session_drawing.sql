ALTER TABLE `sessions` ADD `drawing` text;--> statement-breakpoint
ALTER TABLE `peer_rooms` ADD `drawing` text;