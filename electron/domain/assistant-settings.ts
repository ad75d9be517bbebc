import { z } from 'zod'
import { PROVIDER_IDS } from './llm-providers'

// Pure schemas and names shared with the API contract: nothing here may import Node modules.

export const REVIEW_STAGE_NAMES = ['draft', 'feasibility', 'trial', 'launched', 'operating'] as const satisfies readonly ReviewStage[]
export const TEMPLATE_NAMES = [...REVIEW_STAGE_NAMES, 'import'] as const satisfies readonly TemplateName[]

// A key in a header would be stored in plain text; it belongs in the API key field.
const SECRET_HEADERS = new Set(['authorization', 'api-key', 'x-api-key', 'proxy-authorization', 'cookie'])

const headersSchema = z
  .record(
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]+$/, 'Header names are letters, digits and dashes.'),
    z.string().max(2000)
  )
  .refine(
    (headers) => Object.keys(headers).every((name) => !SECRET_HEADERS.has(name.toLowerCase())),
    'Put the API key in the API key field, not in a header: headers are stored unencrypted.'
  )

const fields = {
  provider: z.enum(PROVIDER_IDS),
  baseURL: z.string().trim().max(500),
  model: z.string().trim().max(200),
  headers: headersSchema,
  structuredOutput: z.enum(['json_schema', 'json_object']),
  timeoutMs: z.number().int().min(1_000).max(600_000),
  maxRetries: z.number().int().min(0).max(8),
  sessionTokenBudget: z.number().int().min(1_000).max(10_000_000),
  concurrency: z.number().int().min(1).max(16),
  kpisPerRequest: z.number().int().min(1).max(500)
}

export const storedLlmSettingsSchema = z.object({
  provider: fields.provider.default('custom'),
  baseURL: fields.baseURL.default(''),
  model: fields.model.default(''),
  headers: fields.headers.default({}),
  structuredOutput: fields.structuredOutput.default('json_object'),
  timeoutMs: fields.timeoutMs.default(60_000),
  maxRetries: fields.maxRetries.default(2),
  sessionTokenBudget: fields.sessionTokenBudget.default(200_000),
  concurrency: fields.concurrency.default(3),
  kpisPerRequest: fields.kpisPerRequest.default(25)
})
export type StoredLlmSettings = z.output<typeof storedLlmSettingsSchema>

// No defaults here: a patch changes only what it names.
export const llmSettingsPatchSchema = z
  .object(fields)
  .partial()
  .extend({
    /** Write-only: a string stores the key, null deletes it. */
    apiKey: z.string().trim().min(1).max(500).nullable().optional()
  })
export type LlmSettingsPatch = z.input<typeof llmSettingsPatchSchema>

export const REVIEW_STAGES = ['draft', 'feasibility', 'trial', 'launched', 'operating'] as const

export type ReviewStage = (typeof REVIEW_STAGES)[number]

export type TemplateName = ReviewStage | 'import'

/** Each prompt template exists in English and Chinese; the board's language picks one. */
export const PROMPT_LOCALES = ['en', 'zh-CN'] as const
export type PromptLocale = (typeof PROMPT_LOCALES)[number]
