import * as z from '../domain/zod'
import type { Target } from '../domain/kpi'
import { kpiPatchSchema, newKpiSchema } from '../domain/kpi-input'
import { id, pageLimit, procedure, result } from './procedure'
import type { BoardPage, KpiView, RevisionDiff, RevisionView } from '../domain/views'

const reason = z.optional(z.string().check(z.trim(), z.maxLength(2000)))
/** A typed target the parser cannot read is refused unless the caller keeps it as flagged text. */
const allowUnparsedTarget = z.optional(z.boolean())

export const kpiProcedures = {
  'kpi.list': procedure({
    input: z.strictObject({ boardId: id, includeRetired: z._default(z.boolean(), false) }),
    output: result<KpiView[]>()
  }),
  /** One page of `kpi.list` (same order), by a cursor: pass `next` as `after` until it is null. */
  'kpi.page': procedure({
    input: z.strictObject({ boardId: id, includeRetired: z._default(z.boolean(), false), after: z.optional(id), limit: pageLimit }),
    output: result<BoardPage<KpiView>>()
  }),
  'kpi.get': procedure({ input: z.strictObject({ kpiId: id }), output: result<KpiView>() }),
  /** A KPI of a board by its code, as people (and the CLI) call it. */
  'kpi.find': procedure({
    input: z.strictObject({ boardId: id, code: z.string().check(z.trim(), z.minLength(1), z.maxLength(64)) }),
    output: result<KpiView>()
  }),
  'kpi.add': procedure({ writes: true, input: z.strictObject({ boardId: id, fields: newKpiSchema, reason, allowUnparsedTarget }), output: result<KpiView>() }),
  'kpi.edit': procedure({
    writes: true,
    input: z.strictObject({
      kpiId: id,
      set: kpiPatchSchema,
      reason,
      /** Refuse the edit if someone else saved a newer revision meanwhile. */
      expectedRevisionId: z.optional(id),
      /** Changing a launched KPI's target is a re-baseline and needs a reason. */
      rebaseline: z.optional(z.boolean()),
      allowUnparsedTarget
    }),
    output: result<KpiView>()
  }),
  /** The same fields set on several KPIs at once (e.g. one data source for a selection): all or none. */
  'kpi.editMany': procedure({
    writes: true,
    input: z.strictObject({ kpiIds: z.array(id).check(z.minLength(1), z.maxLength(10_000)), set: kpiPatchSchema, reason, allowUnparsedTarget }),
    output: result<KpiView[]>()
  }),
  'kpi.retire': procedure({ writes: true, input: z.strictObject({ kpiId: id, reason }), output: result<KpiView>() }),
  'kpi.reinstate': procedure({ writes: true, input: z.strictObject({ kpiId: id, reason }), output: result<KpiView>() }),
  'kpi.history': procedure({ input: z.strictObject({ kpiId: id }), output: result<RevisionView[]>() }),
  'kpi.diff': procedure({
    input: z.strictObject({ kpiId: id, from: z.int().check(z.positive()), to: z.int().check(z.positive()) }),
    output: result<RevisionDiff>()
  }),
  'kpi.restore': procedure({ writes: true, input: z.strictObject({ kpiId: id, revision: z.int().check(z.positive()), reason }), output: result<KpiView>() }),
  /** `metric` (the KPI's name, unit) lets a bare level such as "90%" read as ≥ or ≤ for that metric. */
  'target.parse': procedure({
    input: z.strictObject({
      text: z.string().check(z.maxLength(500)),
      metric: z.optional(
        z.partial(
          z.strictObject({
            name: z.string().check(z.maxLength(500)),
            unit: z.string().check(z.maxLength(50)),
            description: z.string().check(z.maxLength(5000))
          })
        )
      )
    }),
    output: result<Target>()
  })
}
