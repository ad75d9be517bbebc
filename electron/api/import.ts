import { z } from 'zod'
import { newKpiSchema } from '../domain/kpi-input'
import { MAX_PASSAGE_CHARS } from '../domain/prd-candidates'
import { id, procedure, result } from './procedure'
import type { ImportCommitResult, ImportPreview } from '../domain/views'

const fileName = z.string().trim().min(1).max(300)
// base64 of at most ~20 MB; the reader refuses anything over 10 MB with a clear message.
const content = z.strictObject({ base64: z.string().max(28_000_000) }).or(z.strictObject({ text: z.string().max(20_000_000) }))

export const importProcedures = {
  'import.prd.preview': procedure({
    input: z.strictObject({
      boardId: id.optional(),
      fileName,
      content,
      /** Also ask the assistant (LLM) for KPIs in free prose; its finds join the same preview. */
      assistant: z.boolean().optional()
    }),
    output: result<ImportPreview>()
  }),
  'import.prd.commit': procedure({
    writes: true,
    input: z.strictObject({
      boardId: id.optional(),
      boardName: z.string().trim().min(1).max(200).optional(),
      fileName,
      versionLabel: z.string().trim().min(1).max(40).optional(),
      items: z.array(
        z.strictObject({
          fields: newKpiSchema,
          currentValue: z.string().max(200).nullable().optional(),
          lines: z.strictObject({ start: z.number().int(), end: z.number().int() }).optional(),
          /** The document's own words for this KPI, stored with the import for the draft review. */
          passage: z.string().max(MAX_PASSAGE_CHARS).optional()
        })
      )
    }),
    output: result<ImportCommitResult>()
  })
}
