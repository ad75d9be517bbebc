import * as z from './zod'
import { addDays, periodContaining, type Grain, type LabelledPeriod } from './period'

/** How often a launched board is reviewed; the first full review period after launch opens operation. */
export const REVIEW_CADENCES = ['weekly', 'monthly', 'quarterly'] as const
export type ReviewCadence = (typeof REVIEW_CADENCES)[number]

const GRAIN_OF_CADENCE: Record<ReviewCadence, Grain> = { weekly: 'week', monthly: 'month', quarterly: 'quarter' }

/** Where "Notify the team" posts the launched KPI table: a configured export target, or a Markdown file. */
export const NOTIFY_CHANNELS = ['file', 'notion', 'jira', 'trello'] as const
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number]

const isoDay = z.iso.date()

/** What the user edits: every field of the plan (a save replaces the plan; history keeps the earlier ones). */
export const launchPlanInputSchema = z.strictObject({
  launchDate: isoDay,
  owner: z._default(z.string().check(z.trim(), z.maxLength(200)), ''),
  cadence: z.enum(REVIEW_CADENCES),
  /** People or groups told of the launch (names, e-mail addresses, @handles). */
  notify: z._default(z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))).check(z.maxLength(100)), []),
  channel: z._default(z.enum(NOTIFY_CHANNELS), 'file'),
  /**
   * The channel's destination: a Notion page id, a Jira issue key, a Trello list id (empty: the configured
   * board's first list), or a file path (empty: a file named after the board and version in the current folder).
   */
  destination: z._default(z.string().check(z.trim(), z.maxLength(1000)), '')
})
export type LaunchPlanInput = z.input<typeof launchPlanInputSchema>
export type LaunchPlanFields = z.output<typeof launchPlanInputSchema>

export interface LaunchPlanView extends LaunchPlanFields {
  id: number
  boardId: number
  author: string
  createdAt: number
}

/** One launched KPI against the plan: when it launched, its first full review period, and whether that period has ended. */
export interface LaunchSchedule {
  kpiId: number
  code: string
  /** The later of the plan's launch date and the day the KPI itself reached launched. */
  launchedOn: string
  firstReview: LabelledPeriod
  /** The first full review period has ended: the KPI moves to operating. */
  due: boolean
}

export interface LaunchPlanState {
  plan: LaunchPlanView | null
  /** Launched KPIs of the board, each with its first review period. */
  schedule: LaunchSchedule[]
}

/** The first complete review period that starts on or after `launchedOn` (a launch mid-week waits for next Monday's week). */
export function firstReviewPeriod(launchedOn: string, cadence: ReviewCadence): LabelledPeriod {
  const grain = GRAIN_OF_CADENCE[cadence]
  const containing = periodContaining(launchedOn, grain)
  return containing.start === launchedOn ? containing : periodContaining(containing.end, grain)
}

/** The rule that moves a launched KPI to operating, in words: written into the revision's reason and the audit log. */
export function operatingRule(schedule: Pick<LaunchSchedule, 'launchedOn' | 'firstReview'>, cadence: ReviewCadence): string {
  const { firstReview, launchedOn } = schedule
  return (
    `Launch plan: the first full ${cadence} review period after launch on ${launchedOn} ` +
    `(${firstReview.label}, ${firstReview.start} – ${addDays(firstReview.end, -1)}) has ended, so the KPI is now operating.`
  )
}

/** The schedule of one launched KPI on `today` (ISO day). */
export function launchSchedule(kpi: { kpiId: number; code: string; launchedOn: string }, plan: LaunchPlanFields, today: string): LaunchSchedule {
  const launchedOn = kpi.launchedOn > plan.launchDate ? kpi.launchedOn : plan.launchDate
  const firstReview = firstReviewPeriod(launchedOn, plan.cadence)
  return { kpiId: kpi.kpiId, code: kpi.code, launchedOn, firstReview, due: today >= firstReview.end }
}

/** What "Notify the team" did: where the launched table went, or the Markdown file to save. */
export interface LaunchNotice {
  channel: NotifyChannel
  versionLabel: string
  kpiCount: number
  /** The posted page, comment or card. */
  url: string | null
  /** The file channel: the notice as a Markdown file for the shell to save. */
  file: { name: string; mime: string; base64: string } | null
  markdown: string
}
