import { createLlmClient, type LlmClient } from './llm-client'
import type { LlmCache } from './llm-cache'
import { createBudget, type TokenBudget, type TokenUsage } from './token-budget'
import type { ResolvedLlm } from './llm-settings'

export interface MeteredClient {
  client: LlmClient
  /** Tokens the endpoint reported for every request of this client so far, repairs and failed answers included. */
  spent: TokenUsage
}

/** A client whose session budget starts at what the session already used, counting every request it makes. */
export function meteredClient(resolved: ResolvedLlm, cache: LlmCache, alreadyUsed: TokenUsage = { promptTokens: 0, completionTokens: 0 }): MeteredClient {
  const inner = createBudget(resolved.sessionTokenBudget)
  inner.charge(alreadyUsed)
  const spent: TokenUsage = { promptTokens: 0, completionTokens: 0 }
  const budget: TokenBudget = {
    limit: inner.limit,
    used: () => inner.used(),
    ensure: (promptTokens) => inner.ensure(promptTokens),
    charge(usage) {
      inner.charge(usage)
      spent.promptTokens += usage.promptTokens
      spent.completionTokens += usage.completionTokens
    }
  }
  return { client: createLlmClient(resolved.client, { cache, budget }), spent }
}
