import * as z from '../domain/zod'
import { launchPlanInputSchema, type LaunchNotice, type LaunchPlanState } from '../domain/launch-plan'
import { id, procedure, result } from './procedure'

export const launchProcedures = {
  /** The board's launch plan (null when none) and each launched KPI's first review period. */
  'launch.plan.get': procedure({ input: z.strictObject({ boardId: id }), output: result<LaunchPlanState>() }),
  /** Saves the whole plan (history keeps the earlier ones). */
  'launch.plan.set': procedure({ writes: true, input: z.strictObject({ boardId: id, plan: launchPlanInputSchema }), output: result<LaunchPlanState>() }),
  /**
   * Posts the launched KPI table of a version (default: the latest) through the plan's channel, or returns it as a
   * file; written in the board's language unless `locale` names another.
   */
  'launch.notify': procedure({
    writes: true,
    input: z.strictObject({
      boardId: id,
      versionLabel: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(40))),
      locale: z.optional(z.enum(['en', 'zh-CN']))
    }),
    output: result<LaunchNotice>()
  }),
  /** Moves launched KPIs whose first full review period has ended to operating (every board, or one), through the gates. */
  'lifecycle.advanceDue': procedure({
    writes: true,
    input: z.strictObject({ boardId: z.optional(id) }),
    output: result<{ moved: { boardId: number; code: string; rule: string }[] }>()
  })
}
