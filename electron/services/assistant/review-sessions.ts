import { estimateCost, type CostEstimate, type ProviderPreset } from '../../domain/llm-providers'
import type { TokenUsage } from './token-budget'
import type { ServiceDeps } from '../context'
import type { Stage } from '../../domain/kpi'
import { AppError } from '../../domain/errors'
import type { ReviewSessionSummary, ReviewSessionView, SessionMessage, SessionStatus } from '../../domain/assistant-views'

interface Row {
  id: number
  board_id: number
  stage: Stage
  engine: 'analyzer' | 'assistant'
  model: string | null
  template_id: number | null
  messages: string
  prompt_tokens: number
  completion_tokens: number
  cost_usd: number
  status: SessionStatus
  error: string | null
  created_at: number
  finished_at: number | null
}

export interface NewSession {
  boardId: number
  stage: Stage
  model: string
  templateId: number | null
}

export interface SessionUpdate {
  messages?: SessionMessage[]
  usage?: TokenUsage
  costUsd?: number
  status?: SessionStatus
  error?: string | null
}

/** The cost of `usage`: by the configured provider's prices, else any preset that lists the model. */
export function costOf(model: string, usage: TokenUsage, preset: ProviderPreset | undefined): CostEstimate {
  return estimateCost(model, usage, preset && (preset.local || preset.prices[model]) ? preset : undefined)
}

/** Review sessions of the assistant: the conversation, its token usage and cost, and how it ended. */
export function createReviewSessions({
  sqlite,
  transaction,
  now,
  preset
}: Pick<ServiceDeps, 'sqlite' | 'transaction' | 'now'> & {
  /** The configured provider: a local one costs nothing. */ preset?: () => ProviderPreset | undefined
}) {
  const stmt = {
    insert: sqlite.prepare(
      "INSERT INTO review_session (board_id, stage, engine, model, template_id, messages, status, created_at) VALUES (?, ?, 'assistant', ?, ?, '[]', 'running', ?)"
    ),
    get: sqlite.prepare('SELECT * FROM review_session WHERE id = ?'),
    list: sqlite.prepare('SELECT * FROM review_session WHERE board_id = ? ORDER BY id DESC'),
    proposals: sqlite.prepare('SELECT id FROM proposal WHERE session_id = ? ORDER BY id'),
    update: sqlite.prepare(
      'UPDATE review_session SET messages = ?, prompt_tokens = ?, completion_tokens = ?, cost_usd = ?, status = ?, error = ?, finished_at = ? WHERE id = ?'
    )
  }

  function row(id: number): Row {
    const found = stmt.get.get(id) as Row | undefined
    if (!found) throw new AppError('VALIDATION', `Review session ${id} does not exist.`, { id })
    return found
  }

  function summary(r: Row): ReviewSessionSummary {
    const usage = { promptTokens: r.prompt_tokens, completionTokens: r.completion_tokens }
    const costKnown = r.cost_usd > 0 || usage.promptTokens + usage.completionTokens === 0 || (r.model !== null && costOf(r.model, usage, preset?.()).known)
    return {
      id: r.id,
      boardId: r.board_id,
      stage: r.stage,
      engine: r.engine,
      model: r.model,
      templateId: r.template_id,
      promptTokens: r.prompt_tokens,
      completionTokens: r.completion_tokens,
      costUsd: r.cost_usd,
      costKnown,
      status: r.status,
      error: r.error,
      createdAt: r.created_at,
      finishedAt: r.finished_at,
      messageCount: (JSON.parse(r.messages) as unknown[]).length,
      proposalIds: (stmt.proposals.all(r.id) as { id: number }[]).map((p) => p.id)
    }
  }

  // Read, then written back: one write transaction, so that nothing lands in between.
  const updateTx = transaction((id: number, change: SessionUpdate): ReviewSessionSummary => {
    const current = row(id)
    const messages = [...(JSON.parse(current.messages) as SessionMessage[]), ...(change.messages ?? [])]
    const status = change.status ?? current.status
    const finishedAt = change.status === undefined ? current.finished_at : status === 'running' ? null : now()
    const error = change.error === undefined ? current.error : change.error
    stmt.update.run(
      JSON.stringify(messages),
      current.prompt_tokens + (change.usage?.promptTokens ?? 0),
      current.completion_tokens + (change.usage?.completionTokens ?? 0),
      current.cost_usd + (change.costUsd ?? 0),
      status,
      error,
      finishedAt,
      id
    )
    return summary(row(id))
  })

  return {
    start(session: NewSession): number {
      return Number(stmt.insert.run(session.boardId, session.stage, session.model, session.templateId, now()).lastInsertRowid)
    },
    /** Appends messages, adds usage and cost, and records how the session (or its latest turn) ended. */
    update: (id: number, change: SessionUpdate): ReviewSessionSummary => updateTx(id, change),
    get(id: number): ReviewSessionView {
      const found = row(id)
      return { ...summary(found), messages: JSON.parse(found.messages) as SessionMessage[] }
    },
    list: (boardId: number): ReviewSessionSummary[] => (stmt.list.all(boardId) as Row[]).map(summary)
  }
}
export type ReviewSessions = ReturnType<typeof createReviewSessions>
