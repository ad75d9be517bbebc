CREATE TABLE `llm_cache` (
	`key` text PRIMARY KEY NOT NULL,
	`model` text NOT NULL,
	`response` text NOT NULL,
	`prompt_tokens` integer NOT NULL,
	`completion_tokens` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `measurement` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kpi_id` integer NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`value` real NOT NULL,
	`source` text NOT NULL,
	`data_source_id` integer,
	`query_hash` text,
	`note` text DEFAULT '' NOT NULL,
	`author` text NOT NULL,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`kpi_id`) REFERENCES `kpi`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `measurement_kpi_period` ON `measurement` (`kpi_id`,`period_start`,`period_end`);--> statement-breakpoint
CREATE TABLE `prompt_template` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stage` text NOT NULL,
	`body` text NOT NULL,
	`author` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `proposal` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`board_id` integer NOT NULL,
	`kpi_id` integer,
	`base_revision_id` integer,
	`engine` text NOT NULL,
	`stage` text NOT NULL,
	`kind` text NOT NULL,
	`code` text NOT NULL,
	`patches` text NOT NULL,
	`rationale` text NOT NULL,
	`rule` text,
	`status` text NOT NULL,
	`session_id` integer,
	`decided_by` text,
	`decided_at` integer,
	`decision_note` text,
	`accepted_fields` text,
	`result_revision_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`board_id`) REFERENCES `board`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`kpi_id`) REFERENCES `kpi`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`result_revision_id`) REFERENCES `kpi_revision`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `proposal_board` ON `proposal` (`board_id`,`status`);--> statement-breakpoint
CREATE INDEX `proposal_kpi` ON `proposal` (`kpi_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `review_session` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`board_id` integer NOT NULL,
	`stage` text NOT NULL,
	`engine` text NOT NULL,
	`model` text,
	`template_id` integer,
	`messages` text NOT NULL,
	`prompt_tokens` integer DEFAULT 0 NOT NULL,
	`completion_tokens` integer DEFAULT 0 NOT NULL,
	`cost_usd` real DEFAULT 0 NOT NULL,
	`status` text NOT NULL,
	`error` text,
	`created_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`board_id`) REFERENCES `board`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `version_note` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version_id` integer,
	`board_id` integer NOT NULL,
	`kind` text NOT NULL,
	`body` text NOT NULL,
	`author` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `board_version`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`board_id`) REFERENCES `board`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `alert_event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kpi_id` integer NOT NULL,
	`measurement_id` integer,
	`level` text NOT NULL,
	`severity` text,
	`rule` text,
	`message` text NOT NULL,
	`created_at` integer NOT NULL,
	`acknowledged_at` integer,
	FOREIGN KEY (`kpi_id`) REFERENCES `kpi`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `alert_event_kpi` ON `alert_event` (`kpi_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `data_source` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`url` text NOT NULL,
	`options` text NOT NULL,
	`secret_ref` text,
	`allow_raw_rows` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `data_source_name` ON `data_source` (`name`);--> statement-breakpoint
CREATE TABLE `export_link` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kpi_id` integer NOT NULL,
	`target` text NOT NULL,
	`container` text NOT NULL,
	`external_id` text NOT NULL,
	`external_url` text,
	`last_revision_id` integer,
	`exported_at` integer NOT NULL,
	FOREIGN KEY (`kpi_id`) REFERENCES `kpi`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`last_revision_id`) REFERENCES `kpi_revision`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `export_link_target` ON `export_link` (`kpi_id`,`target`,`container`);--> statement-breakpoint
CREATE TABLE `secret` (
	`ref` text PRIMARY KEY NOT NULL,
	`ciphertext` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `setting` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
