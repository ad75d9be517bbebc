import { z } from 'zod'
import type { Target } from '../domain/kpi'
import { kpiPatchSchema, newKpiSchema } from '../domain/kpi-input'
import { id, procedure, result } from './procedure'
import type { KpiView, RevisionDiff, RevisionView } from '../domain/views'

const reason = z.string().trim().max(2000).optional()
/** A typed target the parser cannot read is refused unless the caller keeps it as flagged text. */
const allowUnparsedTarget = z.boolean().optional()

export const kpiProcedures = {
  'kpi.list': procedure({
    input: z.strictObject({ boardId: id, includeRetired: z.boolean().default(false) }),
    output: result<KpiView[]>()
  }),
  'kpi.get': procedure({ input: z.strictObject({ kpiId: id }), output: result<KpiView>() }),
  /** A KPI of a board by its code, as people (and the CLI) call it. */
  'kpi.find': procedure({ input: z.strictObject({ boardId: id, code: z.string().trim().min(1).max(64) }), output: result<KpiView>() }),
  'kpi.add': procedure({ writes: true, input: z.strictObject({ boardId: id, fields: newKpiSchema, reason, allowUnparsedTarget }), output: result<KpiView>() }),
  'kpi.edit': procedure({
    writes: true,
    input: z.strictObject({
      kpiId: id,
      set: kpiPatchSchema,
      reason,
      /** Refuse the edit if someone else saved a newer revision meanwhile. */
      expectedRevisionId: id.optional(),
      /** Changing a launched KPI's target is a re-baseline and needs a reason. */
      rebaseline: z.boolean().optional(),
      allowUnparsedTarget
    }),
    output: result<KpiView>()
  }),
  /** The same fields set on several KPIs at once (e.g. one data source for a selection): all or none. */
  'kpi.editMany': procedure({
    writes: true,
    input: z.strictObject({ kpiIds: z.array(id).min(1).max(10_000), set: kpiPatchSchema, reason, allowUnparsedTarget }),
    output: result<KpiView[]>()
  }),
  'kpi.retire': procedure({ writes: true, input: z.strictObject({ kpiId: id, reason }), output: result<KpiView>() }),
  'kpi.reinstate': procedure({ writes: true, input: z.strictObject({ kpiId: id, reason }), output: result<KpiView>() }),
  'kpi.history': procedure({ input: z.strictObject({ kpiId: id }), output: result<RevisionView[]>() }),
  'kpi.diff': procedure({
    input: z.strictObject({ kpiId: id, from: z.number().int().positive(), to: z.number().int().positive() }),
    output: result<RevisionDiff>()
  }),
  'kpi.restore': procedure({ writes: true, input: z.strictObject({ kpiId: id, revision: z.number().int().positive(), reason }), output: result<KpiView>() }),
  /** `metric` (the KPI's name, unit) lets a bare level such as "90%" read as ≥ or ≤ for that metric. */
  'target.parse': procedure({
    input: z.strictObject({
      text: z.string().max(500),
      metric: z
        .strictObject({ name: z.string().max(500), unit: z.string().max(50), description: z.string().max(5000) })
        .partial()
        .optional()
    }),
    output: result<Target>()
  })
}
