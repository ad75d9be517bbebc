import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { Db } from '../../../db/open'
import { llmCache } from '../../../db/schema/lifecycle'

export interface CachedAnswer {
  model: string
  text: string
  promptTokens: number
  completionTokens: number
}

export interface LlmCache {
  get(key: string): CachedAnswer | undefined
  set(key: string, answer: CachedAnswer): void
}

/** sha256 over the model and the full request body: the same request never costs twice. */
export function cacheKey(model: string, body: unknown): string {
  return createHash('sha256').update(model).update('\n').update(JSON.stringify(body)).digest('hex')
}

export function createMemoryLlmCache(): LlmCache {
  const entries = new Map<string, CachedAnswer>()
  return { get: (key) => entries.get(key), set: (key, answer) => void entries.set(key, answer) }
}

export function createSqliteLlmCache(db: Db, now: () => number = Date.now): LlmCache {
  return {
    get(key) {
      const row = db.select().from(llmCache).where(eq(llmCache.key, key)).get()
      if (!row) return undefined
      return { model: row.model, text: row.response, promptTokens: row.promptTokens, completionTokens: row.completionTokens }
    },
    set(key, answer) {
      const values = {
        model: answer.model,
        response: answer.text,
        promptTokens: answer.promptTokens,
        completionTokens: answer.completionTokens,
        createdAt: now()
      }
      db.insert(llmCache)
        .values({ key, ...values })
        .onConflictDoUpdate({ target: llmCache.key, set: values })
        .run()
    }
  }
}
