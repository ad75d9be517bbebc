import { createLlmClient } from './llm-client'
import { createSqliteLlmCache } from './llm-cache'
import { PROVIDER_PRESETS, type ProviderPreset } from '../../domain/llm-providers'
import type { Core } from '../core'
import { AppError } from '../../domain/errors'
import type { LlmSettingsPatch } from '../../domain/assistant-settings'
import { createLlmSettings } from './llm-settings'
import { createPromptTemplates } from './prompt-templates'
import { createReviewChat } from './review-chat'
import { createReviewRunner } from './review-run'
import { createReviewSessions } from './review-sessions'
import type { LlmTestResult } from '../../domain/assistant-views'

export interface AssistantOptions {
  /** Where KPILOOP_LLM_* are read; `process.env` by default. */
  env?: NodeJS.ProcessEnv
  /** The shipped prompt templates; found from this module's location when omitted. */
  promptsFolder?: string
}

/** The assistant over one workspace: LLM settings, prompt templates, review sessions, the review itself. */
export function createAssistant(core: Core, options: AssistantOptions = {}) {
  const settings = createLlmSettings({ settings: core.settings, secrets: core.secrets, audit: core.audit, env: options.env })
  const templates = createPromptTemplates({ ...core.deps, audit: core.audit, folder: options.promptsFolder })
  const currentPreset = (): ProviderPreset | undefined => {
    const resolved = settings.resolve()
    return 'missing' in resolved ? undefined : resolved.preset
  }
  const sessions = createReviewSessions({ ...core.deps, preset: currentPreset })
  const cache = createSqliteLlmCache(core.deps.db, core.deps.now)
  const runner = createReviewRunner({ core, settings, templates, sessions, cache })
  return {
    settings,
    templates,
    sessions,
    cache,
    presets: (): readonly ProviderPreset[] => PROVIDER_PRESETS,
    run: runner.run,
    preview: runner.preview,
    chat: createReviewChat({ settings, sessions, cache, now: core.deps.now }),
    /** One short request to the stored endpoint, or to unsaved form values laid over it; no retries, no cache. */
    async test(draft?: LlmSettingsPatch, signal?: AbortSignal): Promise<LlmTestResult> {
      const resolved = draft ? settings.resolveDraft(draft) : settings.resolve()
      if ('missing' in resolved) throw new AppError('LLM_NOT_CONFIGURED', `The assistant is not configured: ${resolved.missing}`)
      return createLlmClient({ ...resolved.client, maxRetries: 0 }).test(signal)
    }
  }
}
export type Assistant = ReturnType<typeof createAssistant>
