import { z } from 'zod'
import { id, procedure, result } from './procedure'
import type { FormulaPreview, MeasurementView, PullSummary, SourceTest, SourceView, TableView } from '../domain/views'

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
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
  'actuals.importCsv': procedure({
    writes: true,
    input: z.strictObject({ boardId: id, text: z.string().max(20_000_000), fileName: z.string().max(300).optional() }),
    output: result<{ stored: number }>()
  }),
  'actuals.pull': procedure({
    writes: true,
    input: z.strictObject({ boardId: id, kpiIds: z.array(id).optional(), from: isoDate.optional(), to: isoDate.optional() }),
    output: result<PullSummary>(),
    chunk: result<{ done: number; total: number; code: string }>()
  }),
  'actuals.preview': procedure({
    input: z.strictObject({ kpiId: id, periodStart: isoDate, periodEnd: isoDate }),
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
