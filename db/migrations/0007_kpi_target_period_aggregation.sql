ALTER TABLE `kpi_revision` ADD `target_period` text;--> statement-breakpoint
ALTER TABLE `kpi_revision` ADD `aggregation` text;