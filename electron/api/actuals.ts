import { z } from 'zod'
import { id, procedure, result } from './procedure'
import type { FormulaPreview } from '../domain/formula-preview'
import { resultMappingSchema } from '../domain/result-mapping'
import type { SeriesView, ValuePage } from '../domain/series'
import type { DuePullSummary, MeasurementView, PullSummary, SourceTest, SourceView, TableView } from '../domain/views'

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
/** A day, ISO week, month or quarter: 2025-11-03, 2025-W47, 2025-11, 2025-Q4. */
const periodLabel = z.string().trim().min(1).max(20)
const sourceName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^\s#]+$/, 'no spaces or #')
const sourceKind = z.enum(['postgres', 'mysql', 'sqlite', 'duckdb', 'clickhouse'])

export const actualsProcedures = {
  'actuals.add': procedure({
    writes: true,
    input: z.strictObject({ kpiId: id, periodStart: isoDate, periodEnd: isoDate, value: z.number().finite(), note: z.string().max(2000).optional() }),
    output: result<MeasurementView>()
  }),
  'actuals.list': procedure({ input: z.strictObject({ kpiId: id, history: z.boolean().default(false) }), output: result<MeasurementView[]>() }),
  /** The chart's series for a range at its pixel width: every value when at most two per pixel, else each bucket's min and max. */
  'actuals.series': procedure({
    input: z
      .strictObject({ kpiId: id, from: isoDate.optional(), to: isoDate.optional(), width: z.number().int().min(16).max(10_000) })
      .refine((r) => !r.from || !r.to || r.from <= r.to, { message: 'from must not be after to', path: ['to'] }),
    output: result<SeriesView>()
  }),
  /** One page of the values table, newest period first; `history` adds the values later rows replaced. */
  'actuals.page': procedure({
    input: z.strictObject({
      kpiId: id,
      history: z.boolean().default(false),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(50)
    }),
    output: result<ValuePage>()
  }),
  'actuals.importCsv': procedure({
    writes: true,
    /** The file's bytes as base64 (decoded in the core: UTF-8, UTF-16/32 with BOM, GB18030), or text already decoded. */
    input: z.strictObject({
      boardId: id,
      text: z.string().max(20_000_000).optional(),
      base64: z.base64().max(28_000_000).optional(),
      fileName: z.string().max(300).optional()
    }),
    output: result<{ stored: number }>()
  }),
  'actuals.pull': procedure({
    writes: true,
    input: z.strictObject({ boardId: id, kpiIds: z.array(id).optional(), from: isoDate.optional(), to: isoDate.optional(), period: periodLabel.optional() }),
    output: result<PullSummary>(),
    chunk: result<{ done: number; total: number; code: string }>()
  }),
  /** What the schedule would pull now, pulled: every KPI (of one board, or all) whose latest complete period has no value yet. For cron. */
  'actuals.pullDue': procedure({
    writes: true,
    input: z.strictObject({ boardId: id.optional() }),
    output: result<DuePullSummary>(),
    chunk: result<{ done: number; total: number; code: string }>()
  }),
  /** Binds a period label (or two dates), runs the formula read-only and shows the table and what a pull would store. */
  'actuals.preview': procedure({
    input: z.strictObject({
      kpiId: id,
      period: periodLabel.optional(),
      periodStart: isoDate.optional(),
      periodEnd: isoDate.optional(),
      /** Preview a formula or a mapping before saving it. */
      formula: z.string().max(100_000).optional(),
      mapping: resultMappingSchema.nullable().optional()
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
      url: z.string().trim().min(1).max(2000),
      password: z.string().max(2000).optional(),
      allowRawRows: z.boolean().optional(),
      timeoutMs: z.number().int().min(100).max(600_000).optional()
    }),
    output: result<SourceView>()
  }),
  'source.remove': procedure({ writes: true, input: z.strictObject({ name: sourceName }), output: result<{ removed: true }>() }),
  'source.test': procedure({ input: z.strictObject({ name: sourceName }), output: result<SourceTest>() }),
  'source.tables': procedure({ input: z.strictObject({ name: sourceName }), output: result<TableView[]>() })
}
