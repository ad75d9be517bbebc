import type { KpiPatch, NewKpi } from '../../domain/kpi-input'
import { shorten } from '../../domain/number'
import type { BoardPage, KpiView, RevisionDiff, RevisionView } from '../../domain/views'
import type { AuditService } from '../audit/audit-service'
import type { ServiceDeps } from '../context'
import type { KpiFields, RevisionKind, RevisionSource } from '../../domain/kpi'
import { AppError } from '../../domain/errors'
import { thresholdProblem, type ThresholdProblem } from '../../domain/judging/threshold-check'
import { judgedTarget } from '../../domain/judging/judged-target'
import { diffFields } from './field-diff'
import { applyPatch } from './normalize'
import { createRevisionStore, type HeadRow } from './revision-store'
import { revisionKind } from './revision-kind'

/** Fields whose values the audit log does not repeat: they are long, and the revision keeps them. */
const LONG_FIELDS = new Set<string>(['description', 'formula', 'notes', 'mapping', 'benchmarks', 'milestones', 'sourceNote'])

export interface WriteOptions {
  actor: string
  reason?: string
  source?: RevisionSource
  proposalId?: number | null
  /** Allows a target change after launch; recorded as a re-baseline. */
  rebaseline?: boolean
  expectedRevisionId?: number
  /** Refuse a typed target the parser cannot read (nothing is saved) instead of keeping it as flagged text. */
  refuseUnparsedTarget?: boolean
}

function checkTarget(fields: KpiFields, patch: KpiPatch, options: WriteOptions): void {
  const target = fields.target
  if (!options.refuseUnparsedTarget || patch.target === undefined || !target || target.parsed) return
  throw new AppError(
    'TARGET_UNPARSED',
    `Target "${shorten(target.text)}" was not understood (${target.issue ?? 'unparsed'}). Nothing was saved. Rephrase it (e.g. "≥ 60%"), or keep it as flagged text (the CLI's --allow-unparsed-target).`,
    {
      text: target.text,
      issue: target.issue ?? null
    }
  )
}

const THRESHOLD_PROBLEMS: Record<ThresholdProblem, string> = {
  'yellow-below-red': 'the yellow ratio is below the red ratio, so no value could be yellow',
  'ratio-above-target': 'a ratio above 100% of the target would colour a value that meets the target',
  'red-value-beyond-target': 'the absolute red value is on the good side of the target, so a value meeting the target would be red'
}

/** Thresholds the user enters must agree with the target and its direction (imports keep what the document says, flagged by the analyzer). */
function checkThresholds(fields: KpiFields, patch: KpiPatch, options: WriteOptions): void {
  if ((options.source ?? 'human') !== 'human') return
  if (patch.alertThresholds === undefined && patch.target === undefined && patch.direction === undefined) return
  const target = judgedTarget(fields)
  const problem = thresholdProblem(fields.alertThresholds, target, fields.direction)
  if (!problem) return
  const t = fields.alertThresholds!
  throw new AppError(
    'THRESHOLDS_INCONSISTENT',
    `${fields.code}: ${THRESHOLD_PROBLEMS[problem]} (target ${fields.target?.text ?? '—'}, red ${t.redValue ?? `${Math.round(t.redRatio * 100)}%`}, yellow ${Math.round(t.yellowRatio * 100)}%). Nothing was saved.`,
    { problem, code: fields.code, redRatio: t.redRatio, yellowRatio: t.yellowRatio, redValue: t.redValue ?? null, target: target?.value ?? null }
  )
}

export interface KpiServiceDeps extends ServiceDeps {
  audit: AuditService
  /** Refuses a formula that would write on the connected source it names (the formula check, before it is stored). */
  formulaGuard?: (fields: KpiFields) => void
}

export function createKpiService(deps: KpiServiceDeps) {
  const { events, audit, transaction } = deps
  const store = createRevisionStore(deps)

  function writeRevision(boardId: number, kpiId: number, head: HeadRow | null, fields: KpiFields, kind: RevisionKind, options: WriteOptions): KpiView {
    const major = head ? head.major + (kind === 'meaning' ? 1 : 0) : 1
    return store.insert(boardId, fields, {
      kpiId,
      number: head ? head.number + 1 : 1,
      parentId: head?.id ?? null,
      kind,
      major,
      author: options.actor,
      source: options.source ?? 'human',
      reason: options.reason ?? '',
      proposalId: options.proposalId ?? null,
      createdAt: deps.now()
    })
  }

  const addTx = transaction((boardId: number, input: NewKpi, options: WriteOptions): KpiView => {
    store.requireBoard(boardId)
    const fields = applyPatch(null, input)
    checkTarget(fields, input, options)
    checkThresholds(fields, input, options)
    deps.formulaGuard?.(fields)
    store.assertCodeFree(boardId, fields.code, null)
    const kpiId = store.createIdentity(boardId, fields.code, deps.now())
    const view = writeRevision(boardId, kpiId, null, fields, 'create', options)
    audit.record({
      actor: options.actor,
      action: 'kpi.add',
      boardId,
      kpiId,
      summary: `Added ${fields.code} ${fields.name}`,
      details: { code: fields.code, name: fields.name, source: options.source ?? 'human', reason: options.reason ?? '' }
    })
    return view
  })

  const editTx = transaction((kpiId: number, patch: KpiPatch, options: WriteOptions, forcedKind?: RevisionKind): KpiView => {
    const head = store.head(kpiId)
    if (options.expectedRevisionId !== undefined && options.expectedRevisionId !== head.id) {
      throw new AppError('VALIDATION', `${head.fields.code} was changed by someone else (revision ${head.number}); reload and try again.`, { kpiId })
    }
    const fields = applyPatch(head.fields, patch)
    checkTarget(fields, patch, options)
    checkThresholds(fields, patch, options)
    const changes = diffFields(head.fields, fields)
    if (changes.length === 0) return store.view(head)
    if (changes.some((c) => c.field === 'formula' || c.field === 'dataSource')) deps.formulaGuard?.(fields)
    const kind = forcedKind ?? revisionKind(head.fields, changes, options)
    if (fields.code !== head.fields.code) store.assertCodeFree(head.boardId, fields.code, kpiId)
    const view = writeRevision(head.boardId, kpiId, head, fields, kind, options)
    audit.record({
      actor: options.actor,
      action: `kpi.${kind}`,
      boardId: head.boardId,
      kpiId,
      summary: `${fields.code}: ${changes.map((c) => c.field).join(', ')}${options.reason ? ` — ${options.reason}` : ''}`,
      details: {
        code: fields.code,
        revision: view.revisionNumber,
        fields: changes.map((c) => c.field),
        // The values of the short fields, so that the log can say "from ≥ 55% to ≥ 60%"; long texts stay in the revision.
        changes: changes.map(({ field, from, to }) => (LONG_FIELDS.has(field) ? { field } : { field, from, to })),
        source: options.source ?? 'human',
        reason: options.reason ?? ''
      }
    })
    return view
  })

  const emitChanged = (view: KpiView) => events.emit('kpi.changed', { boardId: view.boardId, kpiIds: [view.id] })

  return {
    list: (boardId: number, includeRetired = false): KpiView[] => {
      store.requireBoard(boardId)
      return store.listBoard(boardId, includeRetired)
    },
    /** A page after the id `after` (0: the first), read by a seek, so a whole board is never held for one page; only the first counts the board. */
    page: (boardId: number, options: { includeRetired: boolean; after: number; limit: number }): BoardPage<KpiView> => {
      store.requireBoard(boardId)
      const rows = store.pageBoard(boardId, options.includeRetired, options.after, options.limit + 1)
      const more = rows.length > options.limit
      if (more) rows.pop()
      return { rows, next: more ? rows.at(-1)!.id : null, total: options.after === 0 ? store.countBoard(boardId, options.includeRetired) : null }
    },
    get: (kpiId: number): KpiView => store.view(store.head(kpiId)),
    resolve: (boardId: number, code: string): number => store.resolveCode(boardId, code),
    add(boardId: number, input: NewKpi, options: WriteOptions): KpiView {
      const view = addTx(boardId, input, options)
      emitChanged(view)
      return view
    },
    edit(kpiId: number, patch: KpiPatch, options: WriteOptions, kind?: RevisionKind): KpiView {
      const view = editTx(kpiId, patch, options, kind)
      emitChanged(view)
      return view
    },
    /** One change to many KPIs (assigning a data source to a selection): all of them or none, one transaction. */
    editMany(kpiIds: number[], patch: KpiPatch, options: WriteOptions): KpiView[] {
      const views = transaction(() => [...new Set(kpiIds)].map((kpiId) => editTx(kpiId, patch, options)))()
      const byBoard = new Map<number, number[]>()
      for (const view of views) byBoard.set(view.boardId, [...(byBoard.get(view.boardId) ?? []), view.id])
      for (const [boardId, ids] of byBoard) events.emit('kpi.changed', { boardId, kpiIds: ids })
      return views
    },
    retire(kpiId: number, options: WriteOptions): KpiView {
      const view = editTx(kpiId, { stage: 'retired', status: 'retired' }, options, 'retire')
      emitChanged(view)
      return view
    },
    /** Brings a retired KPI back with the stage and status it had before retirement. */
    reinstate(kpiId: number, options: WriteOptions): KpiView {
      const previous = store.history(kpiId).findLast((r) => r.stage !== 'retired')
      if (!previous) throw new AppError('VALIDATION', 'This KPI was never active.', { kpiId })
      const view = editTx(kpiId, { stage: previous.stage, status: previous.status }, options, 'restore')
      emitChanged(view)
      return view
    },
    history: (kpiId: number): RevisionView[] => store.history(kpiId),
    diff(kpiId: number, from: number, to: number): RevisionDiff {
      const a = store.revision(kpiId, from)
      const b = store.revision(kpiId, to)
      return { kpiId, from, to, changes: diffFields(a, b) }
    },
    /** Restoring is itself a new revision copying every field of the earlier one. */
    restore(kpiId: number, number: number, options: WriteOptions): KpiView {
      const target = store.revision(kpiId, number)
      const view = editTx(
        kpiId,
        target,
        { ...options, source: options.source ?? 'rollback', reason: options.reason || `Restored revision ${number}` },
        'restore'
      )
      emitChanged(view)
      return view
    },
    store
  }
}
export type KpiService = ReturnType<typeof createKpiService>
