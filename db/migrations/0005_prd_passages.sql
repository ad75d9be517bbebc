CREATE TABLE `prd_import` (
	`id` integer PRIMARY KEY NOT NULL,
	`board_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`actor` text NOT NULL,
	`imported_at` integer NOT NULL,
	FOREIGN KEY (`board_id`) REFERENCES `board`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `prd_passage` (
	`id` integer PRIMARY KEY NOT NULL,
	`import_id` integer NOT NULL,
	`kpi_id` integer NOT NULL,
	`line_start` integer NOT NULL,
	`line_end` integer NOT NULL,
	`text` text NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `prd_import`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`kpi_id`) REFERENCES `kpi`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `prd_passage_kpi` ON `prd_passage` (`kpi_id`,`id`);