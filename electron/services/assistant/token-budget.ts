import { AppError } from '../../domain/errors'
import type { TokenUsage } from '../../domain/assistant-views'

export type { TokenUsage }

export interface TokenBudget {
  readonly limit: number
  used(): number
  /** Throws LLM_BUDGET when a request of about `promptTokens` would go past the limit. */
  ensure(promptTokens: number): void
  charge(usage: TokenUsage): void
}

/** A per-session ceiling on tokens, checked before every request is sent. */
export function createBudget(maxTokens: number): TokenBudget {
  let spent = 0
  return {
    limit: maxTokens,
    used: () => spent,
    ensure(promptTokens) {
      if (spent + promptTokens > maxTokens) {
        throw new AppError('LLM_BUDGET', `This session's token budget (${maxTokens}) would be exceeded; ${spent} tokens are already used.`, {
          limit: maxTokens,
          used: spent,
          needed: promptTokens
        })
      }
    },
    charge(usage) {
      spent += usage.promptTokens + usage.completionTokens
    }
  }
}

/** A rough count before sending: CJK characters are about one token each, other text about four characters a token. */
export function estimateTokens(text: string): number {
  const cjk = text.match(/[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]/g)?.length ?? 0
  return cjk + Math.ceil((text.length - cjk) / 4)
}
