import * as z from '../domain/zod'
import { newKpiSchema } from '../domain/kpi-input'
import { MAX_PASSAGE_CHARS } from '../domain/prd-candidates'
import { id, procedure, result } from './procedure'
import type { ImportCommitResult, ImportPreview } from '../domain/views'

const fileName = z.string().check(z.trim(), z.minLength(1), z.maxLength(300))
// base64 of at most ~20 MB; the reader refuses anything over 10 MB with a clear message.
const content = z.union([
  z.strictObject({ base64: z.string().check(z.maxLength(28_000_000)) }),
  z.strictObject({ text: z.string().check(z.maxLength(20_000_000)) })
])

export const importProcedures = {
  'import.prd.preview': procedure({
    input: z.strictObject({
      boardId: z.optional(id),
      fileName,
      content,
      /** Also ask the assistant (LLM) for KPIs in free prose; its finds join the same preview. */
      assistant: z.optional(z.boolean())
    }),
    output: result<ImportPreview>()
  }),
  'import.prd.commit': procedure({
    writes: true,
    input: z.strictObject({
      boardId: z.optional(id),
      boardName: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
      fileName,
      versionLabel: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(40))),
      items: z.array(
        z.strictObject({
          fields: newKpiSchema,
          currentValue: z.optional(z.nullable(z.string().check(z.maxLength(200)))),
          lines: z.optional(z.strictObject({ start: z.int(), end: z.int() })),
          /** The document's own words for this KPI, stored with the import for the draft review. */
          passage: z.optional(z.string().check(z.maxLength(MAX_PASSAGE_CHARS)))
        })
      )
    }),
    output: result<ImportCommitResult>()
  })
}
