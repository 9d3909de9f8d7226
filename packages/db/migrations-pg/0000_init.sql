CREATE TABLE "client_commands" (
	"session_id" text NOT NULL,
	"client_id" text NOT NULL,
	"type" text NOT NULL,
	"at" bigint NOT NULL,
	CONSTRAINT "client_commands_session_id_client_id_pk" PRIMARY KEY("session_id","client_id")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"session_id" text NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"at" bigint NOT NULL,
	CONSTRAINT "events_session_id_seq_pk" PRIMARY KEY("session_id","seq")
);
--> statement-breakpoint
CREATE TABLE "observer_links" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"room_id" text NOT NULL,
	"view" text NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "peer_commands" (
	"room_id" text NOT NULL,
	"client_id" text NOT NULL,
	"type" text NOT NULL,
	"at" bigint NOT NULL,
	CONSTRAINT "peer_commands_room_id_client_id_pk" PRIMARY KEY("room_id","client_id")
);
--> statement-breakpoint
CREATE TABLE "peer_events" (
	"room_id" text NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"at" bigint NOT NULL,
	CONSTRAINT "peer_events_room_id_seq_pk" PRIMARY KEY("room_id","seq")
);
--> statement-breakpoint
CREATE TABLE "peer_rooms" (
	"id" text PRIMARY KEY NOT NULL,
	"interviewer_token_hash" text NOT NULL,
	"candidate_token_hash" text NOT NULL,
	"case_id" text NOT NULL,
	"case_title" text NOT NULL,
	"surprise" boolean NOT NULL,
	"duration_minutes" integer NOT NULL,
	"status" text DEFAULT 'lobby' NOT NULL,
	"engine_state" jsonb,
	"pad" text DEFAULT '' NOT NULL,
	"assessment" jsonb NOT NULL,
	"created_at" bigint NOT NULL,
	"started_at" bigint,
	"ended_at" bigint,
	"end_reason" text,
	"previous_room_id" text,
	"next_room_id" text,
	"auto_report" jsonb,
	"owner_hash" text
);
--> statement-breakpoint
CREATE TABLE "report_shares" (
	"id" text PRIMARY KEY NOT NULL,
	"session_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" bigint NOT NULL,
	"revoked_at" bigint,
	CONSTRAINT "report_shares_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"session_id" text PRIMARY KEY NOT NULL,
	"json" jsonb NOT NULL,
	"overall" double precision NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"case_id" text NOT NULL,
	"case_title" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"interviewer" text NOT NULL,
	"seed" bigint NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"end_reason" text,
	"engine_state" jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" bigint NOT NULL,
	"ended_at" bigint,
	"degraded" boolean DEFAULT false NOT NULL,
	"owner_hash" text
);
--> statement-breakpoint
CREATE TABLE "step_timings" (
	"session_id" text NOT NULL,
	"step" text NOT NULL,
	"budget_ms" bigint NOT NULL,
	"started_at" bigint,
	"ended_at" bigint,
	"used_ms" bigint DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	CONSTRAINT "step_timings_session_id_step_pk" PRIMARY KEY("session_id","step")
);
--> statement-breakpoint
CREATE TABLE "turns" (
	"session_id" text NOT NULL,
	"idx" integer NOT NULL,
	"role" text NOT NULL,
	"step" text NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"at" bigint NOT NULL,
	"client_id" text,
	"probed_point_ids" jsonb,
	"meta" jsonb,
	CONSTRAINT "turns_session_id_idx_pk" PRIMARY KEY("session_id","idx")
);
--> statement-breakpoint
ALTER TABLE "client_commands" ADD CONSTRAINT "client_commands_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_commands" ADD CONSTRAINT "peer_commands_room_id_peer_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."peer_rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_events" ADD CONSTRAINT "peer_events_room_id_peer_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."peer_rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_shares" ADD CONSTRAINT "report_shares_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "step_timings" ADD CONSTRAINT "step_timings_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "turns" ADD CONSTRAINT "turns_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "observer_links_room_idx" ON "observer_links" USING btree ("room_id");--> statement-breakpoint
CREATE INDEX "peer_rooms_status_idx" ON "peer_rooms" USING btree ("status");--> statement-breakpoint
CREATE INDEX "report_shares_session_idx" ON "report_shares" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "sessions_created_at_idx" ON "sessions" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "sessions_owner_created_idx" ON "sessions" USING btree ("owner_hash","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "turns_session_client_id_idx" ON "turns" USING btree ("session_id","client_id") WHERE client_id is not null;