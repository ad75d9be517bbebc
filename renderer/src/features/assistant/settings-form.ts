import type { LlmSettingsPatch } from '../../../../electron/domain/assistant-settings'
import type { LlmSettingsView } from '../../../../electron/domain/assistant-views'
import type { ProviderPreset } from '../../../../electron/domain/llm-providers'

export interface HeaderRow {
  name: string
  value: string
}

/** The settings form: seconds instead of ms, headers as editable rows, the key as a write-only draft. */
export interface SettingsFormValues {
  provider: LlmSettingsView['provider']
  baseURL: string
  model: string
  structuredOutput: LlmSettingsView['structuredOutput']
  headers: HeaderRow[]
  timeoutSec: number
  maxRetries: number
  concurrency: number
  kpisPerRequest: number
  sessionTokenBudget: number
  /** Empty means "keep the stored key". */
  apiKey: string
}

export const ENV_VARIABLES = { baseURL: 'KPILOOP_LLM_BASE_URL', model: 'KPILOOP_LLM_MODEL', apiKey: 'KPILOOP_LLM_API_KEY' } as const

/** Form values for a view; a value taken from the environment is shown as the one in effect. */
export function toFormValues(view: LlmSettingsView): SettingsFormValues {
  const overridden = (name: 'baseURL' | 'model') => view.envOverrides.includes(name)
  return {
    provider: view.provider,
    baseURL: overridden('baseURL') ? view.effective.baseURL : view.baseURL,
    model: overridden('model') ? view.effective.model : view.model,
    structuredOutput: view.structuredOutput,
    headers: Object.entries(view.headers).map(([name, value]) => ({ name, value })),
    timeoutSec: Math.round(view.timeoutMs / 1000),
    maxRetries: view.maxRetries,
    concurrency: view.concurrency,
    kpisPerRequest: view.kpisPerRequest,
    sessionTokenBudget: view.sessionTokenBudget,
    apiKey: ''
  }
}

/** What choosing a preset puts into the form. */
export function presetValues(preset: ProviderPreset): Pick<SettingsFormValues, 'baseURL' | 'model' | 'structuredOutput'> {
  return { baseURL: preset.baseURL, model: preset.defaultModel, structuredOutput: preset.jsonSchema ? 'json_schema' : 'json_object' }
}

/** The patch to store: environment-controlled values are left alone, the key only when one was typed. */
export function toPatch(values: SettingsFormValues, envOverrides: LlmSettingsView['envOverrides']): LlmSettingsPatch {
  const headers = Object.fromEntries(values.headers.filter((row) => row.name.trim() !== '').map((row) => [row.name.trim(), row.value]))
  const patch: LlmSettingsPatch = {
    provider: values.provider,
    structuredOutput: values.structuredOutput,
    headers,
    timeoutMs: Math.round(values.timeoutSec * 1000),
    maxRetries: values.maxRetries,
    concurrency: values.concurrency,
    kpisPerRequest: values.kpisPerRequest,
    sessionTokenBudget: values.sessionTokenBudget
  }
  if (!envOverrides.includes('baseURL')) patch.baseURL = values.baseURL.trim()
  if (!envOverrides.includes('model')) patch.model = values.model.trim()
  if (values.apiKey.trim() !== '' && !envOverrides.includes('apiKey')) patch.apiKey = values.apiKey.trim()
  return patch
}

/** USD with enough digits for small sessions; null when no public price is known. */
export function formatCost(usd: number, known: boolean): string | null {
  if (!known) return null
  if (usd === 0) return '$0'
  return usd < 0.01 ? `$${usd.toFixed(4)}` : `$${usd.toFixed(2)}`
}

export type MissingReason = 'baseURL' | 'placeholder' | 'model' | 'key'

/** Why reviews fall back to the analyzer, as a translatable reason (the core says it in English). */
export function missingReason(view: LlmSettingsView, preset: ProviderPreset | undefined): MissingReason | null {
  if (view.configured) return null
  if (!view.effective.baseURL) return 'baseURL'
  if (view.effective.baseURL.includes('{')) return 'placeholder'
  if (!view.effective.model) return 'model'
  return preset?.needsKey && !view.hasKey ? 'key' : null
}
