import * as z from './zod'
import { PROVIDER_IDS } from './llm-providers'

// Pure schemas and names shared with the API contract: nothing here may import Node modules.

export const REVIEW_STAGE_NAMES = ['draft', 'feasibility', 'trial', 'launched', 'operating'] as const satisfies readonly ReviewStage[]
export const TEMPLATE_NAMES = [...REVIEW_STAGE_NAMES, 'import'] as const satisfies readonly TemplateName[]

// A key in a header would be stored in plain text; it belongs in the API key field.
const SECRET_HEADERS = new Set(['authorization', 'api-key', 'x-api-key', 'proxy-authorization', 'cookie'])

const headersSchema = z
  .record(z.string().check(z.trim(), z.regex(/^[A-Za-z0-9-]+$/, 'Header names are letters, digits and dashes.')), z.string().check(z.maxLength(2000)))
  .check(
    z.refine(
      (headers) => Object.keys(headers).every((name) => !SECRET_HEADERS.has(name.toLowerCase())),
      'Put the API key in the API key field, not in a header: headers are stored unencrypted.'
    )
  )

const fields = {
  provider: z.enum(PROVIDER_IDS),
  baseURL: z.string().check(z.trim(), z.maxLength(500)),
  model: z.string().check(z.trim(), z.maxLength(200)),
  headers: headersSchema,
  structuredOutput: z.enum(['json_schema', 'json_object']),
  timeoutMs: z.int().check(z.gte(1_000), z.lte(600_000)),
  maxRetries: z.int().check(z.gte(0), z.lte(8)),
  sessionTokenBudget: z.int().check(z.gte(1_000), z.lte(10_000_000)),
  concurrency: z.int().check(z.gte(1), z.lte(16)),
  kpisPerRequest: z.int().check(z.gte(1), z.lte(500))
}

export const storedLlmSettingsSchema = z.object({
  provider: z._default(fields.provider, 'custom'),
  baseURL: z._default(fields.baseURL, ''),
  model: z._default(fields.model, ''),
  headers: z._default(fields.headers, {}),
  structuredOutput: z._default(fields.structuredOutput, 'json_object'),
  timeoutMs: z._default(fields.timeoutMs, 60_000),
  maxRetries: z._default(fields.maxRetries, 2),
  sessionTokenBudget: z._default(fields.sessionTokenBudget, 200_000),
  concurrency: z._default(fields.concurrency, 3),
  kpisPerRequest: z._default(fields.kpisPerRequest, 25)
})
export type StoredLlmSettings = z.output<typeof storedLlmSettingsSchema>

// No defaults here: a patch changes only what it names.
export const llmSettingsPatchSchema = z.extend(z.partial(z.object(fields)), {
  /** Write-only: a string stores the key, null deletes it. */
  apiKey: z.optional(z.nullable(z.string().check(z.trim(), z.minLength(1), z.maxLength(500))))
})
export type LlmSettingsPatch = z.input<typeof llmSettingsPatchSchema>

export const REVIEW_STAGES = ['draft', 'feasibility', 'trial', 'launched', 'operating'] as const

export type ReviewStage = (typeof REVIEW_STAGES)[number]

export type TemplateName = ReviewStage | 'import'

/** Each prompt template exists in English and Chinese; the board's language picks one. */
export const PROMPT_LOCALES = ['en', 'zh-CN'] as const
export type PromptLocale = (typeof PROMPT_LOCALES)[number]
