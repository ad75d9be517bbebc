import { kpiPatchSchema, newKpiSchema, type KpiPatch } from '../../domain/kpi-input'
import type { GateItem, KpiView, ProposalView } from '../../domain/views'
import type { AuditService } from '../audit/audit-service'
import type { ServiceDeps } from '../context'
import type { KpiField, Stage } from '../../domain/kpi'
import { acceptedEdits, type AcceptedEdit, type Engine, type ProposalDraft, type ProposalStatus } from '../../domain/proposal'
import { AppError } from '../../domain/errors'
import type { KpiService } from '../kpis/kpi-service'
import { toProposalView, type ProposalRow } from './proposal-row'

export interface Decision {
  /** Fields to accept; all when omitted. */
  fields?: string[]
  /** Values the user edited before accepting, by field. */
  edits?: Record<string, unknown>
  /** Recorded in the revision; as for a manual change, it is the reason that overrides an unmet gate or re-baselines a locked target. */
  note?: string
  /** A new target for a launched KPI is accepted only as an explicit re-baseline (with a note). */
  rebaseline?: boolean
  /** Moving to launched locks the target: the user confirms it, as in a manual move. */
  confirmTarget?: boolean
}

/** The stage gates of a manual move, for a KPI as the accepted fields would leave it. */
export type GateCheck = (kpi: KpiView, to: Stage, options: { confirmTarget?: boolean }, signal?: AbortSignal) => Promise<GateItem[]>

const SELECT = 'SELECT p.*, k.revision_id AS head_revision_id FROM proposal p LEFT JOIN kpi_head k ON k.kpi_id = p.kpi_id'

/** Every patch value must be a valid value of its field before it is stored. */
function checkPatch(field: KpiField, value: unknown): void {
  const schema = kpiPatchSchema.shape[field]
  if (!schema.safeParse(value).success) throw new AppError('VALIDATION', `Proposed value for ${field} is not valid: ${JSON.stringify(value).slice(0, 120)}`)
}

type LatestProposal = { id: number; status: ProposalStatus; rationale: string; engine: Engine }

export function createProposalService(deps: ServiceDeps & { audit: AuditService; kpis: KpiService; gates: GateCheck }) {
  const { sqlite, audit, kpis, events, now, transaction } = deps
  const stmt = {
    insert: sqlite.prepare(
      `INSERT INTO proposal (board_id, kpi_id, base_revision_id, engine, stage, kind, code, patches, rationale, rule, status, session_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`
    ),
    supersede: sqlite.prepare(
      "UPDATE proposal SET status = 'superseded' WHERE board_id = ? AND code = ? AND kind = ? AND status = 'pending' AND engine = ? AND COALESCE(rule, '') = COALESCE(?, '')"
    ),
    get: sqlite.prepare(`${SELECT} WHERE p.id = ?`),
    decide: sqlite.prepare(
      'UPDATE proposal SET status = ?, decided_by = ?, decided_at = ?, decision_note = ?, accepted_fields = ?, accepted_edits = ?, result_revision_id = ? WHERE id = ?'
    ),
    latestPerKpi: sqlite.prepare(
      `SELECT p.* FROM proposal p JOIN (SELECT kpi_id, MAX(id) AS id FROM proposal WHERE board_id = ? AND kpi_id IS NOT NULL AND status != 'superseded' GROUP BY kpi_id) l ON l.id = p.id`
    ),
    // One board page's KPIs by a range seek on proposal_kpi; the unary + keeps SQLite off the board's whole index.
    latestPerKpiRange: sqlite.prepare(
      `SELECT p.* FROM proposal p JOIN (SELECT kpi_id, MAX(id) AS id FROM proposal WHERE +board_id = ? AND kpi_id > ? AND kpi_id <= ? AND status != 'superseded' GROUP BY kpi_id) l ON l.id = p.id`
    ),
    // A proposal superseded later was still the newest at that moment; one superseded earlier has a newer successor.
    latestPerKpiAsOf: sqlite.prepare(
      `SELECT p.* FROM proposal p JOIN (SELECT kpi_id, MAX(id) AS id FROM proposal WHERE board_id = ? AND kpi_id IS NOT NULL AND created_at <= ? GROUP BY kpi_id) l ON l.id = p.id`
    )
  }

  const view = (row: ProposalRow): ProposalView => {
    let current: KpiView | undefined
    return toProposalView(row, (field) => {
      if (row.kpi_id === null) return undefined
      current ??= kpis.get(row.kpi_id)
      return current[field as KpiField]
    })
  }

  function row(id: number): ProposalRow {
    const found = stmt.get.get(id) as ProposalRow | undefined
    if (!found) throw new AppError('PROPOSAL_NOT_FOUND', `Proposal ${id} does not exist.`, { id })
    return found
  }

  const storeTx = transaction((boardId: number, stage: Stage, engine: Engine, drafts: ProposalDraft[], sessionId: number | null): number[] => {
    const ids: number[] = []
    for (const draft of drafts) {
      const kpiId = draft.kind === 'add' ? null : kpis.resolve(boardId, draft.code)
      const code = draft.kind === 'add' ? draft.fields.code : draft.code
      const patches = draft.kind === 'patch' ? draft.patches : []
      for (const p of patches) checkPatch(p.field, p.value)
      if (draft.kind === 'add') newKpiSchema.parse(draft.fields)
      const base = kpiId === null ? null : kpis.get(kpiId).revisionId
      const payload = draft.kind === 'add' ? [{ field: 'name', value: draft.fields, rationale: draft.rationale }] : patches
      stmt.supersede.run(boardId, code, draft.kind, engine, draft.rule ?? null)
      ids.push(
        Number(
          stmt.insert.run(boardId, kpiId, base, engine, stage, draft.kind, code, JSON.stringify(payload), draft.rationale, draft.rule ?? null, sessionId, now())
            .lastInsertRowid
        )
      )
    }
    return ids
  })

  /** The fields a patch proposal would set, as the user chose and edited them. */
  function chosenPatch(found: ProposalRow, decision: Decision): { accepted: string[]; patch: KpiPatch } {
    const patches = JSON.parse(found.patches) as { field: KpiField; value: unknown }[]
    const accepted = decision.fields ?? patches.map((p) => p.field)
    const unknown = accepted.filter((f) => !patches.some((p) => p.field === f))
    if (unknown.length || accepted.length === 0) throw new AppError('VALIDATION', `Choose fields of this proposal (${patches.map((p) => p.field).join(', ')}).`)
    const patch: Record<string, unknown> = {}
    for (const p of patches) if (accepted.includes(p.field)) patch[p.field] = decision.edits && p.field in decision.edits ? decision.edits[p.field] : p.value
    return { accepted, patch: kpiPatchSchema.parse(patch) as KpiPatch }
  }

  /** A stage change meets the gates a manual move meets; an unmet one needs the note as its reason. */
  async function gateReason(found: ProposalRow, patch: KpiPatch, decision: Decision, signal?: AbortSignal): Promise<string | undefined> {
    const kpi = kpis.get(found.kpi_id!)
    if (patch.stage === undefined || patch.stage === kpi.stage) return undefined
    const { stage, ...rest } = patch
    const after = { ...kpi, ...(kpiPatchSchema.parse(rest) as Partial<KpiView>) } as KpiView
    const items = await deps.gates(after, stage, { confirmTarget: decision.confirmTarget }, signal)
    const unmet = items.filter((i) => !i.ok)
    if (unmet.length === 0) return undefined
    if (!decision.note?.trim()) {
      throw new AppError(
        'GATE_BLOCKED',
        `Proposal #${found.id} moves ${kpi.code} to ${stage}: ${unmet.map((i) => i.label).join('; ')}. It stays pending; give a reason to override.`,
        { code: kpi.code, proposal: found.id, checklist: items }
      )
    }
    return `Gate overridden (${unmet.map((i) => i.id).join(', ')}): ${decision.note}`
  }

  /** What the user changed before accepting, among the fields accepted; the proposal keeps what it proposed. */
  function editsOf(found: ProposalRow, decision: Decision, accepted: string[]): AcceptedEdit[] {
    if (found.kind === 'patch') {
      const patches = JSON.parse(found.patches) as { field: KpiField; value: unknown }[]
      return acceptedEdits(
        patches.filter((p) => accepted.includes(p.field)),
        decision.edits
      )
    }
    if (found.kind !== 'add' || !decision.edits) return []
    const fields = JSON.parse(found.patches)[0].value as Record<string, unknown>
    const names = [...new Set([...Object.keys(fields), ...Object.keys(decision.edits)])] as KpiField[]
    return acceptedEdits(
      names.map((field) => ({ field, value: fields[field] })),
      decision.edits
    )
  }

  const editText = (edits: AcceptedEdit[]) =>
    edits.map((e) => `${e.field} proposed ${JSON.stringify(e.proposed)}, accepted ${JSON.stringify(e.accepted)}`).join('; ')

  const acceptTx = transaction((id: number, decision: Decision, actor: string, chosen: { accepted: string[]; patch: KpiPatch } | null, override?: string) => {
    const found = row(id)
    if (found.status !== 'pending') throw new AppError('PROPOSAL_DECIDED', `Proposal ${id} was already ${found.status}.`, { id })
    const source = found.engine === 'assistant' ? ('assistant' as const) : ('analyzer' as const)
    const edits = editsOf(found, decision, chosen?.accepted ?? [])
    const how = edits.length ? ` with changes (${editText(edits)})` : ''
    const reason = override ?? (decision.note || `Accepted ${found.engine} proposal #${id}${how}: ${found.rationale}`.slice(0, 2000))
    const options = { actor, source, proposalId: id, reason }
    let result: KpiView
    if (found.kind === 'add') {
      const fields = { ...(JSON.parse(found.patches)[0].value as Record<string, unknown>), ...(decision.edits ?? {}) }
      result = kpis.add(found.board_id, newKpiSchema.parse(fields), options)
    } else if (found.kind === 'retire') {
      result = kpis.retire(found.kpi_id!, options)
    } else {
      // The manual edit's rules: the formula check, and the target locked after launch unless re-baselined with a reason.
      const rebaseline = decision.rebaseline ? { rebaseline: true, reason: decision.note ?? '' } : {}
      result = kpis.edit(found.kpi_id!, chosen!.patch, { ...options, ...rebaseline })
    }
    const accepted = chosen?.accepted ?? []
    const total = found.kind === 'patch' ? (JSON.parse(found.patches) as unknown[]).length : 0
    const status: ProposalStatus = found.kind === 'patch' && accepted.length < total ? 'partial' : 'accepted'
    const editsJson = edits.length ? JSON.stringify(edits) : null
    stmt.decide.run(status, actor, now(), decision.note ?? null, found.kind === 'patch' ? JSON.stringify(accepted) : null, editsJson, result.revisionId, id)
    audit.record({
      actor,
      action: 'proposal.accept',
      boardId: found.board_id,
      kpiId: result.id,
      summary: `Accepted proposal #${id} for ${found.code}${status === 'partial' ? ` (${accepted.join(', ')})` : ''}${how}`,
      details: { proposal: id, status, code: found.code, fields: status === 'partial' ? accepted : [], ...(edits.length ? { edited: edits } : {}) }
    })
    return result
  })

  const rejectTx = transaction((id: number, note: string, actor: string) => {
    const found = row(id)
    if (found.status !== 'pending') throw new AppError('PROPOSAL_DECIDED', `Proposal ${id} was already ${found.status}.`, { id })
    stmt.decide.run('rejected', actor, now(), note || null, null, null, null, id)
    audit.record({
      actor,
      action: 'proposal.reject',
      boardId: found.board_id,
      kpiId: found.kpi_id,
      summary: `Rejected proposal #${id} for ${found.code}${note ? ` — ${note}` : ''}`,
      details: { proposal: id, code: found.code, reason: note }
    })
    return found.board_id
  })

  return {
    /** Stores proposals of either engine; an older pending proposal from the same rule is superseded. */
    store(boardId: number, stage: Stage, engine: Engine, drafts: ProposalDraft[], sessionId: number | null = null): ProposalView[] {
      const ids = storeTx(boardId, stage, engine, drafts, sessionId)
      if (ids.length) events.emit('proposal.changed', { boardId })
      return ids.map((id) => view(row(id)))
    },
    list(boardId: number, filter: { status?: ProposalStatus; kpiId?: number } = {}): ProposalView[] {
      const where = ['p.board_id = ?']
      const params: (number | string)[] = [boardId]
      if (filter.status) {
        where.push('p.status = ?')
        params.push(filter.status)
      }
      if (filter.kpiId) {
        where.push('p.kpi_id = ?')
        params.push(filter.kpiId)
      }
      return (sqlite.prepare(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY p.id DESC`).all(...params) as ProposalRow[]).map(view)
    },
    get: (id: number): ProposalView => view(row(id)),
    /**
     * Applies a proposal through the manual action's own path: gates for a stage change, the formula
     * check, the target lock after launch. A refusal leaves the proposal pending and says why.
     */
    async accept(id: number, decision: Decision, actor: string, signal?: AbortSignal): Promise<{ proposal: ProposalView; kpi: KpiView }> {
      const found = row(id)
      if (found.status !== 'pending') throw new AppError('PROPOSAL_DECIDED', `Proposal ${id} was already ${found.status}.`, { id })
      const chosen = found.kind === 'patch' ? chosenPatch(found, decision) : null
      const override = chosen ? await gateReason(found, chosen.patch, decision, signal) : undefined
      const kpi = acceptTx(id, decision, actor, chosen, override)
      events.emit('proposal.changed', { boardId: kpi.boardId })
      return { proposal: view(row(id)), kpi }
    },
    reject(id: number, note: string, actor: string): ProposalView {
      const boardId = rejectTx(id, note, actor)
      events.emit('proposal.changed', { boardId })
      return view(row(id))
    },
    /** The newest non-superseded proposal of each KPI, for the board's "latest proposal" column. */
    /** The newest proposal per KPI; with `asOf`, the newest one made by then (what a board version saw when it was cut). */
    latestByKpi(boardId: number, asOf?: number): Map<number, LatestProposal> {
      const rows = (asOf === undefined ? stmt.latestPerKpi.all(boardId) : stmt.latestPerKpiAsOf.all(boardId, asOf)) as ProposalRow[]
      return new Map(rows.map((r) => [r.kpi_id!, { id: r.id, status: r.status, rationale: r.rationale, engine: r.engine }]))
    },
    /** The same for the KPIs of one board page, ids in (after, through]. */
    latestInRange(boardId: number, after: number, through: number): Map<number, LatestProposal> {
      const rows = stmt.latestPerKpiRange.all(boardId, after, through) as ProposalRow[]
      return new Map(rows.map((r) => [r.kpi_id!, { id: r.id, status: r.status, rationale: r.rationale, engine: r.engine }]))
    }
  }
}
export type ProposalService = ReturnType<typeof createProposalService>
