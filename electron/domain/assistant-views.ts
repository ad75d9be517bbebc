import type { ProposalView } from './views'
import type { ProviderId } from './llm-providers'
import type { PromptLocale, TemplateName } from './assistant-settings'
import type { Stage } from './kpi'

/** What `llm.settings.get` returns: the stored settings, never the key itself. */
export interface LlmSettingsView {
  provider: ProviderId
  baseURL: string
  model: string
  headers: Record<string, string>
  structuredOutput: 'json_schema' | 'json_object'
  timeoutMs: number
  maxRetries: number
  /** Most tokens (prompt + completion) one review session may spend. */
  sessionTokenBudget: number
  /** Requests sent at the same time by a batch review. */
  concurrency: number
  /** KPIs per request: a large board is reviewed in several requests. */
  kpisPerRequest: number
  hasKey: boolean
  /** The key is kept where no OS keychain protects it (headless Linux, CLI, browser mode): the UI warns. */
  keyStorageInsecure: boolean
  /** Settings taken from KPILOOP_LLM_* environment variables instead of the stored ones. */
  envOverrides: ('baseURL' | 'model' | 'apiKey')[]
  /** What a review will use once environment overrides are applied. */
  effective: { baseURL: string; model: string }
  /** A review can use the LLM; otherwise the analyzer answers. */
  configured: boolean
  /** Why it is not configured, in English. */
  missing?: string
}

export interface PromptTemplateVersion {
  id: number
  /** Null for a row that reset the stage to the shipped default. */
  body: string | null
  author: string
  createdAt: number
}

export interface PromptTemplateView {
  name: TemplateName
  /** The board language this template is for. */
  locale: PromptLocale
  /** The template a review uses now. */
  body: string
  isDefault: boolean
  /** The prompt_template row in force, null when the stage was never edited. */
  templateId: number | null
  defaultBody: string
  /** Newest first. */
  history: PromptTemplateVersion[]
}

export type ReviewChunk =
  | { type: 'token'; text: string; /** Which request of a batch review the token belongs to. */ part?: number }
  | { type: 'progress'; done: number; total: number }
  | { type: 'note'; text: string }

/** A KPI the analyzer reviewed and proposes nothing for, with why (in the KPI's language). */
export interface ReviewRemark {
  code: string
  text: string
}

export interface ReviewRunResult {
  engine: 'analyzer' | 'assistant'
  proposals: ProposalView[]
  /** The analyzer's reasons for proposing nothing, per KPI. */
  remarks?: ReviewRemark[]
  reviewed: number
  /** Shown to the user: why the analyzer answered instead of the LLM, or why nothing was reviewed. */
  note?: string
  /** The model's own assessment of the board. */
  summary?: string
  /** Parts of the model's answer that were dropped, and why. */
  dropped?: string[]
  sessionId?: number
}

export interface SessionMessage extends ChatMessage {
  at: number
}

export type SessionStatus = 'running' | 'done' | 'failed' | 'cancelled'

export interface ReviewSessionSummary {
  id: number
  boardId: number
  stage: Stage
  engine: 'analyzer' | 'assistant'
  model: string | null
  templateId: number | null
  promptTokens: number
  completionTokens: number
  costUsd: number
  /** False when no public price is known for the model: show "unknown", not $0. */
  costKnown: boolean
  status: SessionStatus
  error: string | null
  createdAt: number
  finishedAt: number | null
  messageCount: number
  proposalIds: number[]
}

export interface ReviewSessionView extends ReviewSessionSummary {
  messages: SessionMessage[]
}

export interface ChatResult {
  sessionId: number
  reply: string
  promptTokens: number
  completionTokens: number
  cached: boolean
  /** The session's totals after this turn. */
  session: ReviewSessionSummary
}

export interface ReviewPreviewView {
  configured: boolean
  model: string
  templateId: number | null
  reviewed: number
  /** One request per batch of KPIs, exactly as it would be sent (the key never appears). */
  requests: { messages: ChatMessage[]; body: unknown }[]
  /** Context that could not be gathered (a source that did not answer …). */
  notes: string[]
}

export interface LlmTestResult {
  model: string
  latencyMs: number
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant'
  content: string
}

export interface TokenUsage {
  promptTokens: number
  completionTokens: number
}
