CREATE TABLE "room_fences" (
	"room_id" text PRIMARY KEY NOT NULL,
	"token" bigint NOT NULL
);
