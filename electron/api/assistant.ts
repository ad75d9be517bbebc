import * as z from '../domain/zod'
import type { ProviderPreset } from '../domain/llm-providers'
import { llmSettingsPatchSchema, PROMPT_LOCALES, REVIEW_STAGE_NAMES, TEMPLATE_NAMES } from '../domain/assistant-settings'
import type {
  ChatResult,
  LlmSettingsView,
  LlmTestResult,
  PromptTemplateView,
  ReviewChunk,
  ReviewPreviewView,
  ReviewRunResult,
  ReviewSessionSummary,
  ReviewSessionView
} from '../domain/assistant-views'
import { id, procedure, result } from './procedure'

const stage = z.enum(REVIEW_STAGE_NAMES)
const templateName = z.enum(TEMPLATE_NAMES)
const promptLocale = z.enum(PROMPT_LOCALES)
const selection = { boardId: id, stage, kpiIds: z.optional(z.array(id).check(z.minLength(1))) }

export const assistantProcedures = {
  /** The stored LLM settings; the key is never returned, only `hasKey`. */
  'llm.settings.get': procedure({ input: z.strictObject({}), output: result<LlmSettingsView>() }),
  /** `apiKey`: a string stores it (write-only), null deletes it. */
  'llm.settings.set': procedure({ writes: true, input: z.strictObject(llmSettingsPatchSchema.shape), output: result<LlmSettingsView>() }),
  'llm.presets': procedure({ input: z.strictObject({}), output: result<readonly ProviderPreset[]>() }),
  /** Tests the stored endpoint, or the unsaved values of the settings form laid over it. */
  'llm.test': procedure({ input: z.strictObject({ draft: z.optional(z.strictObject(llmSettingsPatchSchema.shape)) }), output: result<LlmTestResult>() }),
  /** Exactly the requests a review would send now. */
  'llm.preview': procedure({ input: z.strictObject(selection), output: result<ReviewPreviewView>() }),
  /** Every template in both languages, or in one. */
  'prompt.list': procedure({ input: z.strictObject({ locale: z.optional(promptLocale) }), output: result<PromptTemplateView[]>() }),
  'prompt.get': procedure({ input: z.strictObject({ name: templateName, locale: z._default(promptLocale, 'en') }), output: result<PromptTemplateView>() }),
  'prompt.save': procedure({
    writes: true,
    input: z.strictObject({
      name: templateName,
      locale: z._default(promptLocale, 'en'),
      body: z.string().check(z.trim(), z.minLength(1), z.maxLength(50_000))
    }),
    output: result<PromptTemplateView>()
  }),
  'prompt.reset': procedure({
    writes: true,
    input: z.strictObject({ name: templateName, locale: z._default(promptLocale, 'en') }),
    output: result<PromptTemplateView>()
  }),
  /** A review by the analyzer or the LLM; streams tokens, progress and notes; the analyzer answers when the LLM is offline. */
  'review.run': procedure({
    writes: true,
    input: z.strictObject({ ...selection, engine: z._default(z.enum(['analyzer', 'llm']), 'llm') }),
    output: result<ReviewRunResult>(),
    chunk: result<ReviewChunk>()
  }),
  /** A follow-up question in a review session, answered as streamed text. */
  'review.chat': procedure({
    writes: true,
    input: z.strictObject({ sessionId: id, message: z.string().check(z.trim(), z.minLength(1), z.maxLength(20_000)) }),
    output: result<ChatResult>(),
    chunk: result<ReviewChunk>()
  }),
  'review.sessions': procedure({ input: z.strictObject({ boardId: id }), output: result<ReviewSessionSummary[]>() }),
  'review.session': procedure({ input: z.strictObject({ id }), output: result<ReviewSessionView>() })
}
