import * as z from '../domain/zod'
import { id, procedure, result } from './procedure'
import type { FormulaPreview } from '../domain/formula-preview'
import { REALTIME_MINUTES } from '../domain/buckets'
import { resultMappingSchema } from '../domain/result-mapping'
import type { SeriesView, ValuePage } from '../domain/series'
import type { DuePullSummary, MeasurementView, PullSummary, SourceTest, SourceView, TableView } from '../domain/views'

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'))
/** A date, or a real-time or hourly KPI's bucket bound (a UTC instant). */
const periodBound = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z)?$/, 'a date as YYYY-MM-DD, or a UTC instant as YYYY-MM-DDTHH:MM:SSZ'))
/** A day, ISO week, month or quarter: 2025-11-03, 2025-W47, 2025-11, 2025-Q4. */
const periodLabel = z.string().check(z.trim(), z.minLength(1), z.maxLength(20))
const sourceName = z.string().check(z.trim(), z.minLength(1), z.maxLength(100), z.regex(/^[^\s#]+$/, 'no spaces or #'))
const sourceKind = z.enum(['postgres', 'mysql', 'sqlite', 'duckdb', 'clickhouse'])

export const actualsProcedures = {
  'actuals.add': procedure({
    writes: true,
    input: z.strictObject({ kpiId: id, periodStart: isoDate, periodEnd: isoDate, value: z.number(), note: z.optional(z.string().check(z.maxLength(2000))) }),
    output: result<MeasurementView>()
  }),
  'actuals.list': procedure({ input: z.strictObject({ kpiId: id, history: z._default(z.boolean(), false) }), output: result<MeasurementView[]>() }),
  /** The chart's series for a range at its pixel width: every value when at most two per pixel, else each bucket's min and max. */
  'actuals.series': procedure({
    input: z
      .strictObject({ kpiId: id, from: z.optional(isoDate), to: z.optional(isoDate), width: z.int().check(z.gte(16), z.lte(10_000)) })
      .check(z.refine((r) => !r.from || !r.to || r.from <= r.to, { message: 'from must not be after to', path: ['to'] })),
    output: result<SeriesView>()
  }),
  /** One page of the values table, newest period first; `history` adds the values later rows replaced. */
  'actuals.page': procedure({
    input: z.strictObject({
      kpiId: id,
      history: z._default(z.boolean(), false),
      offset: z._default(z.int().check(z.gte(0)), 0),
      limit: z._default(z.int().check(z.gte(1), z.lte(500)), 50)
    }),
    output: result<ValuePage>()
  }),
  'actuals.importCsv': procedure({
    writes: true,
    /** The file's bytes as base64 (decoded in the core: UTF-8, UTF-16/32 with BOM, GB18030), or text already decoded. */
    input: z.strictObject({
      boardId: id,
      text: z.optional(z.string().check(z.maxLength(20_000_000))),
      base64: z.optional(z.base64().check(z.maxLength(28_000_000))),
      fileName: z.optional(z.string().check(z.maxLength(300)))
    }),
    output: result<{ stored: number }>()
  }),
  'actuals.pull': procedure({
    writes: true,
    input: z.strictObject({
      boardId: id,
      kpiIds: z.optional(z.array(id)),
      from: z.optional(isoDate),
      to: z.optional(isoDate),
      period: z.optional(periodLabel)
    }),
    output: result<PullSummary>(),
    chunk: result<{ done: number; total: number; code: string }>()
  }),
  /** What the schedule would pull now, pulled: every KPI (of one board, or all) whose latest complete period has no value yet. For cron. */
  'actuals.pullDue': procedure({
    writes: true,
    input: z.strictObject({ boardId: z.optional(id) }),
    output: result<DuePullSummary>(),
    chunk: result<{ done: number; total: number; code: string }>()
  }),
  /** Binds a period label (or two dates), runs the formula read-only and shows the table and what a pull would store. */
  'actuals.preview': procedure({
    input: z.strictObject({
      kpiId: id,
      period: z.optional(periodLabel),
      periodStart: z.optional(periodBound),
      periodEnd: z.optional(periodBound),
      /** Preview a formula or a mapping before saving it. */
      formula: z.optional(z.string().check(z.maxLength(100_000))),
      mapping: z.optional(z.nullable(resultMappingSchema))
    }),
    output: result<FormulaPreview>()
  }),
  'source.list': procedure({ input: z.strictObject({}), output: result<SourceView[]>() }),
  'source.save': procedure({
    writes: true,
    input: z.strictObject({
      mode: z.enum(['add', 'edit']),
      name: sourceName,
      kind: sourceKind,
      url: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)),
      password: z.optional(z.string().check(z.maxLength(2000))),
      allowRawRows: z.optional(z.boolean()),
      timeoutMs: z.optional(z.int().check(z.gte(100), z.lte(600_000))),
      realtimeMinutes: z.optional(
        z.int().check(
          z.refine((n) => (REALTIME_MINUTES as readonly number[]).includes(n), {
            message: `a real-time interval divides an hour: ${REALTIME_MINUTES.join(', ')} minutes`
          })
        )
      )
    }),
    output: result<SourceView>()
  }),
  'source.remove': procedure({ writes: true, input: z.strictObject({ name: sourceName }), output: result<{ removed: true }>() }),
  'source.test': procedure({ input: z.strictObject({ name: sourceName }), output: result<SourceTest>() }),
  'source.tables': procedure({ input: z.strictObject({ name: sourceName }), output: result<TableView[]>() })
}
