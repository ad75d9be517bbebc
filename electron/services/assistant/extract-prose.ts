import { createSqliteLlmCache } from './llm-cache'
import { extractKpisWithLlm, type ExtractedKpi } from './extract-from-prose'
import type { Core } from '../core'
import { createLlmSettings } from './llm-settings'
import { meteredClient } from './metered-client'
import { createPromptTemplates } from './prompt-templates'
import { answerLanguage } from './prompt-data'

export interface ProseExtractOptions {
  signal?: AbortSignal
  onProgress?: (done: number, total: number) => void
  env?: NodeJS.ProcessEnv
  promptsFolder?: string
}

/**
 * KPI candidates from free prose for the import preview, through the configured endpoint and the
 * user's import template. Throws LLM_NOT_CONFIGURED when no endpoint is set up.
 */
export async function extractKpisFromProse(core: Core, text: string, options: ProseExtractOptions = {}): Promise<ExtractedKpi[]> {
  const resolved = createLlmSettings({ settings: core.settings, secrets: core.secrets, audit: core.audit, env: options.env }).require()
  // The document's language picks the Chinese or the English import prompt, as a board's language does for reviews.
  const template = createPromptTemplates({ ...core.deps, audit: core.audit, folder: options.promptsFolder }).effective('import', answerLanguage([text])).body
  const { client } = meteredClient(resolved, createSqliteLlmCache(core.deps.db, core.deps.now))
  const result = await extractKpisWithLlm(client, text, { signal: options.signal, onProgress: options.onProgress, concurrency: resolved.concurrency, template })
  return result.candidates
}
