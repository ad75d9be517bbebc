CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`board_id` integer,
	`kpi_id` integer,
	`summary` text NOT NULL,
	`details` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_board` ON `audit_log` (`board_id`,`at`);--> statement-breakpoint
CREATE TABLE `board` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `board_name_live` ON `board` (`name`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `board_version` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`board_id` integer NOT NULL,
	`label` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`author` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`board_id`) REFERENCES `board`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `board_version_label` ON `board_version` (`board_id`,`label`);--> statement-breakpoint
CREATE TABLE `board_version_item` (
	`version_id` integer NOT NULL,
	`kpi_id` integer NOT NULL,
	`revision_id` integer NOT NULL,
	PRIMARY KEY(`version_id`, `kpi_id`),
	FOREIGN KEY (`version_id`) REFERENCES `board_version`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`kpi_id`) REFERENCES `kpi`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`revision_id`) REFERENCES `kpi_revision`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `kpi` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`board_id` integer NOT NULL,
	`code` text NOT NULL,
	`head_revision_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`board_id`) REFERENCES `board`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kpi_board_code` ON `kpi` (`board_id`,`code`);--> statement-breakpoint
CREATE TABLE `kpi_revision` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kpi_id` integer NOT NULL,
	`number` integer NOT NULL,
	`parent_id` integer,
	`kind` text NOT NULL,
	`major` integer DEFAULT 1 NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`description` text NOT NULL,
	`category` text NOT NULL,
	`formula` text NOT NULL,
	`data_source` text NOT NULL,
	`target` text,
	`unit` text NOT NULL,
	`direction` text NOT NULL,
	`frequency` text,
	`owner` text NOT NULL,
	`alert_thresholds` text,
	`benchmarks` text NOT NULL,
	`milestones` text NOT NULL,
	`stage` text NOT NULL,
	`status` text NOT NULL,
	`tags` text NOT NULL,
	`notes` text NOT NULL,
	`author` text NOT NULL,
	`source` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`proposal_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`kpi_id`) REFERENCES `kpi`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kpi_revision_number` ON `kpi_revision` (`kpi_id`,`number`);