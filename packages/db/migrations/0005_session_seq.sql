DROP INDEX `sessions_owner_created_idx`;--> statement-breakpoint
-- SQLite cannot add a NOT NULL column without a default; the 0 is never used (SessionStore.create
-- always sets seq) and every existing row is given its rowid just below.
ALTER TABLE `sessions` ADD `seq` integer NOT NULL DEFAULT 0;--> statement-breakpoint
-- The rowid is what history cursors carried until now ("<created_at>.<rowid>"): the same numbers
-- keep those cursors naming the same place.
UPDATE `sessions` SET `seq` = `rowid`;--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_seq_idx` ON `sessions` (`seq`);--> statement-breakpoint
CREATE INDEX `sessions_owner_created_idx` ON `sessions` (`owner_hash`,`created_at`,`seq`);
