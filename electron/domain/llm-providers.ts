import type { TokenUsage } from './assistant-views'

export const PROVIDER_IDS = ['openai', 'azure-openai', 'deepseek', 'qwen', 'moonshot', 'ollama', 'lm-studio', 'vllm', 'custom'] as const
export type ProviderId = (typeof PROVIDER_IDS)[number]

/** USD per one million tokens, from the provider's public price list. */
export interface ModelPrice {
  input: number
  output: number
}

export interface ProviderPreset {
  id: ProviderId
  label: string
  /** `{resource}` marks a part the user must fill in. */
  baseURL: string
  defaultModel: string
  /** The endpoint accepts `response_format: { type: 'json_schema' }`; otherwise JSON mode is used. */
  jsonSchema: boolean
  needsKey: boolean
  /** Runs on the user's machine: nothing leaves it and tokens cost nothing. */
  local: boolean
  prices: Record<string, ModelPrice>
}

// Prices as published in late 2025; they change, so an unknown model is reported as "unknown", never guessed.
export const PROVIDER_PRESETS: readonly ProviderPreset[] = [
  {
    id: 'openai',
    label: 'OpenAI',
    baseURL: 'https://api.openai.com/v1',
    defaultModel: 'gpt-4.1-mini',
    jsonSchema: true,
    needsKey: true,
    local: false,
    prices: {
      'gpt-4.1-mini': { input: 0.4, output: 1.6 },
      'gpt-4.1': { input: 2, output: 8 },
      'gpt-4o-mini': { input: 0.15, output: 0.6 },
      'gpt-4o': { input: 2.5, output: 10 },
      'gpt-5-mini': { input: 0.25, output: 2 },
      'gpt-5': { input: 1.25, output: 10 }
    }
  },
  {
    id: 'azure-openai',
    label: 'Azure OpenAI',
    baseURL: 'https://{resource}.openai.azure.com/openai/v1',
    defaultModel: 'gpt-4.1-mini',
    jsonSchema: true,
    needsKey: true,
    local: false,
    // Azure bills per deployment and region; the model field holds the deployment name.
    prices: {}
  },
  {
    id: 'deepseek',
    label: 'DeepSeek',
    baseURL: 'https://api.deepseek.com/v1',
    defaultModel: 'deepseek-chat',
    jsonSchema: false,
    needsKey: true,
    local: false,
    prices: { 'deepseek-chat': { input: 0.28, output: 0.42 }, 'deepseek-reasoner': { input: 0.28, output: 0.42 } }
  },
  {
    id: 'qwen',
    label: 'Qwen (DashScope)',
    baseURL: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
    defaultModel: 'qwen-plus',
    jsonSchema: false,
    needsKey: true,
    local: false,
    prices: { 'qwen-plus': { input: 0.4, output: 1.2 }, 'qwen-turbo': { input: 0.05, output: 0.2 }, 'qwen-max': { input: 1.6, output: 6.4 } }
  },
  {
    id: 'moonshot',
    label: 'Moonshot (Kimi)',
    baseURL: 'https://api.moonshot.cn/v1',
    defaultModel: 'kimi-k2-0905-preview',
    jsonSchema: false,
    needsKey: true,
    local: false,
    prices: { 'kimi-k2-0905-preview': { input: 0.6, output: 2.5 }, 'moonshot-v1-8k': { input: 0.2, output: 2 } }
  },
  {
    id: 'ollama',
    label: 'Ollama',
    baseURL: 'http://127.0.0.1:11434/v1',
    defaultModel: 'qwen2.5:7b',
    jsonSchema: true,
    needsKey: false,
    local: true,
    prices: {}
  },
  // LM Studio refuses JSON mode and only accepts json_schema.
  {
    id: 'lm-studio',
    label: 'LM Studio',
    baseURL: 'http://127.0.0.1:1234/v1',
    defaultModel: 'qwen2.5-7b-instruct',
    jsonSchema: true,
    needsKey: false,
    local: true,
    prices: {}
  },
  {
    id: 'vllm',
    label: 'vLLM',
    baseURL: 'http://127.0.0.1:8000/v1',
    defaultModel: 'Qwen/Qwen2.5-7B-Instruct',
    jsonSchema: true,
    needsKey: false,
    local: true,
    prices: {}
  },
  { id: 'custom', label: 'Custom (OpenAI-compatible)', baseURL: '', defaultModel: '', jsonSchema: false, needsKey: false, local: false, prices: {} }
]

export function getPreset(id: ProviderId): ProviderPreset {
  const preset = PROVIDER_PRESETS.find((candidate) => candidate.id === id)
  if (!preset) throw new Error(`Unknown provider preset ${id}`)
  return preset
}

export interface CostEstimate {
  usd: number
  /** False when no public price is known for this model: the UI shows "unknown", not $0. */
  known: boolean
}

/** Cost of `usage` on `model`; a local preset is known to cost nothing. */
export function estimateCost(model: string, usage: TokenUsage, preset?: ProviderPreset): CostEstimate {
  if (preset?.local) return { usd: 0, known: true }
  const candidates = preset ? [preset] : PROVIDER_PRESETS
  const price = candidates.map((candidate) => candidate.prices[model]).find((found) => found !== undefined)
  if (!price) return { usd: 0, known: false }
  return { usd: (usage.promptTokens * price.input + usage.completionTokens * price.output) / 1_000_000, known: true }
}
