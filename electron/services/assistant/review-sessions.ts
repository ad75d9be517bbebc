import { desc, eq, sql } from 'drizzle-orm'
import { proposal, reviewSession, type ReviewSessionRow as Row } from '../../../db/schema'
import { estimateCost, type CostEstimate, type ProviderPreset } from '../../domain/llm-providers'
import type { TokenUsage } from './token-budget'
import type { ServiceDeps } from '../context'
import type { Stage } from '../../domain/kpi'
import { AppError } from '../../domain/errors'
import type { ReviewSessionSummary, ReviewSessionView, SessionMessage, SessionStatus } from '../../domain/assistant-views'

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
  db,
  transaction,
  now,
  preset
}: Pick<ServiceDeps, 'db' | 'transaction' | 'now'> & {
  /** The configured provider: a local one costs nothing. */ preset?: () => ProviderPreset | undefined
}) {
  const bound = (name: string) => sql`${sql.placeholder(name)}`
  const stmt = {
    insert: db
      .insert(reviewSession)
      .values({
        boardId: bound('boardId'),
        stage: bound('stage'),
        engine: 'assistant',
        model: bound('model'),
        templateId: bound('templateId'),
        messages: [],
        status: 'running',
        createdAt: bound('at')
      })
      .returning({ id: reviewSession.id })
      .prepare(),
    get: db
      .select()
      .from(reviewSession)
      .where(eq(reviewSession.id, bound('id')))
      .prepare(),
    list: db
      .select()
      .from(reviewSession)
      .where(eq(reviewSession.boardId, bound('boardId')))
      .orderBy(desc(reviewSession.id))
      .prepare(),
    proposals: db
      .select({ id: proposal.id })
      .from(proposal)
      .where(eq(proposal.sessionId, bound('id')))
      .orderBy(proposal.id)
      .prepare(),
    // Messages bind as their JSON text.
    update: db
      .update(reviewSession)
      .set({
        messages: bound('messages'),
        promptTokens: bound('promptTokens'),
        completionTokens: bound('completionTokens'),
        costUsd: bound('costUsd'),
        status: bound('status'),
        error: bound('error'),
        finishedAt: bound('finishedAt')
      })
      .where(eq(reviewSession.id, bound('id')))
      .prepare()
  }

  function row(id: number): Row {
    const found = stmt.get.get({ id })
    if (!found) throw new AppError('VALIDATION', `Review session ${id} does not exist.`, { id })
    return found
  }

  function summary(r: Row): ReviewSessionSummary {
    const usage = { promptTokens: r.promptTokens, completionTokens: r.completionTokens }
    const costKnown = r.costUsd > 0 || usage.promptTokens + usage.completionTokens === 0 || (r.model !== null && costOf(r.model, usage, preset?.()).known)
    return {
      id: r.id,
      boardId: r.boardId,
      stage: r.stage,
      engine: r.engine,
      model: r.model,
      templateId: r.templateId,
      promptTokens: r.promptTokens,
      completionTokens: r.completionTokens,
      costUsd: r.costUsd,
      costKnown,
      status: r.status,
      error: r.error,
      createdAt: r.createdAt,
      finishedAt: r.finishedAt,
      messageCount: r.messages.length,
      proposalIds: stmt.proposals.all({ id: r.id }).map((p) => p.id)
    }
  }

  // Read, then written back: one write transaction, so that nothing lands in between.
  const updateTx = transaction((id: number, change: SessionUpdate): ReviewSessionSummary => {
    const current = row(id)
    const messages = [...current.messages, ...(change.messages ?? [])]
    const status = change.status ?? current.status
    const finishedAt = change.status === undefined ? current.finishedAt : status === 'running' ? null : now()
    const error = change.error === undefined ? current.error : change.error
    stmt.update.run({
      messages: JSON.stringify(messages),
      promptTokens: current.promptTokens + (change.usage?.promptTokens ?? 0),
      completionTokens: current.completionTokens + (change.usage?.completionTokens ?? 0),
      costUsd: current.costUsd + (change.costUsd ?? 0),
      status,
      error,
      finishedAt,
      id
    })
    return summary(row(id))
  })

  return {
    start(session: NewSession): number {
      return stmt.insert.get({ boardId: session.boardId, stage: session.stage, model: session.model, templateId: session.templateId, at: now() })!.id
    },
    /** Appends messages, adds usage and cost, and records how the session (or its latest turn) ended. */
    update: (id: number, change: SessionUpdate): ReviewSessionSummary => updateTx(id, change),
    get(id: number): ReviewSessionView {
      const found = row(id)
      return { ...summary(found), messages: found.messages }
    },
    list: (boardId: number): ReviewSessionSummary[] => stmt.list.all({ boardId }).map(summary)
  }
}
export type ReviewSessions = ReturnType<typeof createReviewSessions>
