CREATE TABLE `launch_plan` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`board_id` integer NOT NULL,
	`launch_date` text NOT NULL,
	`owner` text NOT NULL,
	`cadence` text NOT NULL,
	`notify` text NOT NULL,
	`channel` text NOT NULL,
	`destination` text NOT NULL,
	`author` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`board_id`) REFERENCES `board`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `launch_plan_board` ON `launch_plan` (`board_id`,`id`);--> statement-breakpoint
ALTER TABLE `prompt_template` ADD `locale` text DEFAULT 'en' NOT NULL;