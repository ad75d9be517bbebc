PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_audit_log` (
	`id` integer PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`board_id` integer,
	`kpi_id` integer,
	`summary` text NOT NULL,
	`details` text
);
--> statement-breakpoint
INSERT INTO `__new_audit_log`("id", "at", "actor", "action", "board_id", "kpi_id", "summary", "details") SELECT "id", "at", "actor", "action", "board_id", "kpi_id", "summary", "details" FROM `audit_log`;--> statement-breakpoint
DROP TABLE `audit_log`;--> statement-breakpoint
ALTER TABLE `__new_audit_log` RENAME TO `audit_log`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE TABLE `__new_kpi_revision` (
	`id` integer PRIMARY KEY NOT NULL,
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
INSERT INTO `__new_kpi_revision`("id", "kpi_id", "number", "parent_id", "kind", "major", "code", "name", "description", "category", "formula", "data_source", "target", "unit", "direction", "frequency", "owner", "alert_thresholds", "benchmarks", "milestones", "stage", "status", "tags", "notes", "author", "source", "reason", "proposal_id", "created_at") SELECT "id", "kpi_id", "number", "parent_id", "kind", "major", "code", "name", "description", "category", "formula", "data_source", "target", "unit", "direction", "frequency", "owner", "alert_thresholds", "benchmarks", "milestones", "stage", "status", "tags", "notes", "author", "source", "reason", "proposal_id", "created_at" FROM `kpi_revision`;--> statement-breakpoint
DROP TABLE `kpi_revision`;--> statement-breakpoint
ALTER TABLE `__new_kpi_revision` RENAME TO `kpi_revision`;--> statement-breakpoint
CREATE UNIQUE INDEX `kpi_revision_number` ON `kpi_revision` (`kpi_id`,`number`);--> statement-breakpoint
ALTER TABLE `kpi` DROP COLUMN `head_revision_id`;--> statement-breakpoint
CREATE VIEW `kpi_head` AS SELECT k.id AS kpi_id, k.board_id AS board_id, (SELECT h.id FROM kpi_revision h WHERE h.kpi_id = k.id ORDER BY h.number DESC LIMIT 1) AS revision_id FROM kpi k;