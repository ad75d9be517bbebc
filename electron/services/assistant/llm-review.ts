import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions'
import type { Stage } from '../../domain/kpi'
import type { ProposalDraft } from '../../domain/proposal'
import { jsonRequestBody, type ChatMessage, type LlmClient, type LlmSettings } from './llm-client'
import { reviewAnswerSchema, toProposalDrafts } from './proposal-output'
import { buildReviewPrompt, type ReviewPromptInput } from './stage-prompts'
import type { TokenUsage } from './token-budget'

const SCHEMA_NAME = 'kpi_review'

export interface ReviewPreview {
  messages: ChatMessage[]
  /** The full request body, response format included; it never holds the key. */
  body: ChatCompletionCreateParamsNonStreaming
}

/** Exactly what `runLlmReview` would send with these settings, for the "what leaves the machine" view. */
export function previewReviewPrompt(
  stage: Stage,
  input: ReviewPromptInput,
  settings: Pick<LlmSettings, 'model' | 'structuredOutput' | 'apiKey'>
): ReviewPreview {
  const { system, user } = buildReviewPrompt(stage, input)
  const body = jsonRequestBody(settings, { system, user, schema: reviewAnswerSchema, schemaName: SCHEMA_NAME })
  return { messages: body.messages as ChatMessage[], body }
}

export interface LlmReviewResult {
  summary: string
  drafts: ProposalDraft[]
  /** Parts of the answer that were dropped and why. */
  notes: string[]
  raw: string
  usage: TokenUsage
  cached: boolean
  repaired: boolean
}

/** One assistant review of a board at a stage: prompt, validated answer, proposals of the analyzer's shape. */
export async function runLlmReview(
  client: LlmClient,
  stage: Stage,
  input: ReviewPromptInput,
  options: { signal?: AbortSignal; onToken?: (token: string) => void } = {}
): Promise<LlmReviewResult> {
  const { system, user } = buildReviewPrompt(stage, input)
  const answer = await client.completeJson({
    system,
    user,
    schema: reviewAnswerSchema,
    schemaName: SCHEMA_NAME,
    signal: options.signal,
    onToken: options.onToken
  })
  const { drafts, notes } = toProposalDrafts(answer.data, input.kpis)
  return { summary: answer.data.summary, drafts, notes, raw: answer.raw, usage: answer.usage, cached: answer.cached, repaired: answer.repaired }
}
