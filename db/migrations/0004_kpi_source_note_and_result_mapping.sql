ALTER TABLE `kpi_revision` ADD `source_note` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `kpi_revision` ADD `mapping` text;