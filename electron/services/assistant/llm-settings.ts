import type { AuditService } from '../audit/audit-service'
import type { LlmSettings } from './llm-client'
import { getPreset, type ProviderPreset } from '../../domain/llm-providers'
import { AppError } from '../../domain/errors'
import type { SecretStore } from '../secrets/secret-store'
import type { SettingsService } from '../settings/settings-service'
import { llmSettingsPatchSchema, storedLlmSettingsSchema, type LlmSettingsPatch, type StoredLlmSettings } from '../../domain/assistant-settings'
import type { LlmSettingsView } from '../../domain/assistant-views'

export const LLM_SETTINGS_KEY = 'llm'
export const LLM_KEY_REF = 'llm:apiKey'
export const LLM_ENV = { baseURL: 'KPILOOP_LLM_BASE_URL', model: 'KPILOOP_LLM_MODEL', apiKey: 'KPILOOP_LLM_API_KEY' } as const

/** Everything a review needs to talk to the endpoint; holds the key, so it never leaves the core. */
export interface ResolvedLlm {
  client: LlmSettings
  preset: ProviderPreset
  sessionTokenBudget: number
  concurrency: number
  kpisPerRequest: number
}

export interface LlmSettingsDeps {
  settings: SettingsService
  secrets: SecretStore
  audit: AuditService
  /** KPILOOP_LLM_* override the stored settings (CLI, browser mode, and the app when set). */
  env?: NodeJS.ProcessEnv
}

function whatIsMissing(stored: StoredLlmSettings, baseURL: string, model: string, apiKey: string | undefined): string | undefined {
  if (!baseURL) return 'No base URL is set for the LLM endpoint.'
  if (baseURL.includes('{')) return 'The base URL still has a part to fill in (such as {resource}).'
  if (!model) return 'No model is set.'
  if (getPreset(stored.provider).needsKey && !apiKey) return `${getPreset(stored.provider).label} needs an API key.`
  return undefined
}

export function createLlmSettings({ settings, secrets, audit, env = process.env }: LlmSettingsDeps) {
  const stored = (): StoredLlmSettings => storedLlmSettingsSchema.parse(settings.get(LLM_SETTINGS_KEY) ?? {})
  const envValue = (name: keyof typeof LLM_ENV) => env[LLM_ENV[name]]?.trim() || undefined

  function effective(base: StoredLlmSettings, keyOverride?: string) {
    const baseURL = envValue('baseURL') ?? base.baseURL
    const model = envValue('model') ?? base.model
    const apiKey = keyOverride ?? envValue('apiKey') ?? secrets.get(LLM_KEY_REF)
    return { baseURL, model, apiKey, missing: whatIsMissing(base, baseURL, model, apiKey) }
  }

  function view(): LlmSettingsView {
    const base = stored()
    const { baseURL, model, apiKey, missing } = effective(base)
    const envOverrides = (Object.keys(LLM_ENV) as (keyof typeof LLM_ENV)[]).filter((name) => envValue(name) !== undefined)
    return {
      ...base,
      hasKey: apiKey !== undefined,
      keyStorageInsecure: !secrets.encrypted,
      envOverrides,
      effective: { baseURL, model },
      configured: missing === undefined,
      ...(missing ? { missing } : {})
    }
  }

  function toResolved(base: StoredLlmSettings, keyOverride?: string): ResolvedLlm | { missing: string } {
    const { baseURL, model, apiKey, missing } = effective(base, keyOverride)
    if (missing) return { missing }
    const { timeoutMs, maxRetries, headers, structuredOutput } = base
    return {
      client: { baseURL, model, apiKey, headers, structuredOutput, timeoutMs, maxRetries },
      preset: getPreset(base.provider),
      sessionTokenBudget: base.sessionTokenBudget,
      concurrency: base.concurrency,
      kpisPerRequest: base.kpisPerRequest
    }
  }

  return {
    get: view,
    /** Stores a patch; choosing a provider fills its URL, model and output mode unless given too. */
    set(patch: LlmSettingsPatch, actor: string): LlmSettingsView {
      const { apiKey, ...fields } = llmSettingsPatchSchema.parse(patch)
      const current = stored()
      const preset = fields.provider && fields.provider !== current.provider ? getPreset(fields.provider) : undefined
      const fromPreset = preset
        ? { baseURL: preset.baseURL, model: preset.defaultModel, structuredOutput: preset.jsonSchema ? ('json_schema' as const) : ('json_object' as const) }
        : {}
      const next = storedLlmSettingsSchema.parse({ ...current, ...fromPreset, ...fields })
      settings.set(LLM_SETTINGS_KEY, next)
      if (apiKey === null) secrets.delete(LLM_KEY_REF)
      else if (apiKey !== undefined) secrets.set(LLM_KEY_REF, apiKey)
      const changed = [...Object.keys(fields), ...(apiKey === undefined ? [] : ['apiKey'])]
      audit.record({
        actor,
        action: 'llm.settings',
        summary: `Changed LLM settings (${changed.join(', ') || 'nothing'}) for ${getPreset(next.provider).label}`,
        details: { provider: next.provider, model: next.model, changed }
      })
      return view()
    },
    /** The endpoint to use, or why there is none. */
    resolve: (): ResolvedLlm | { missing: string } => toResolved(stored()),
    /** The stored settings with unsaved values from a settings form on top (for "test connection"). */
    resolveDraft(draft: Omit<LlmSettingsPatch, 'apiKey'> & { apiKey?: string | null }): ResolvedLlm | { missing: string } {
      const { apiKey, ...fields } = llmSettingsPatchSchema.parse(draft)
      return toResolved(storedLlmSettingsSchema.parse({ ...stored(), ...fields }), apiKey ?? undefined)
    },
    /** The resolved endpoint, or LLM_NOT_CONFIGURED with the reason. */
    require(): ResolvedLlm {
      const resolved = toResolved(stored())
      if ('missing' in resolved) throw new AppError('LLM_NOT_CONFIGURED', `The assistant is not configured: ${resolved.missing}`)
      return resolved
    },
    /** The key of the configured endpoint, to blank it wherever it might appear. */
    knownSecrets: (): string[] => {
      const key = effective(stored()).apiKey
      return key ? [key] : []
    }
  }
}
export type LlmSettingsService = ReturnType<typeof createLlmSettings>
