import { isInstant } from '../../../domain/buckets'
import type { HandlersOf } from '../..'
import type { actualsProcedures } from '../../actuals'
import type { lifecycleProcedures } from '../../lifecycle'
import { checkedPeriod, parsePeriodLabel } from '../../../domain/period'
import { AppError } from '../../../domain/errors'
import type { Core } from '../../../services/core'
import { boardStatus, boardStatusOf, boardStatusPage } from '../../../services/lifecycle/board-status'
import { pullDue } from '../../../services/actuals/pull-scheduler'

/** A preview binds a period label, or two dates, exactly as given; without either, the KPI's last complete period. */
function previewPeriod(label?: string, start?: string, end?: string) {
  if (label) return parsePeriodLabel(label)
  // A bucket (real-time, hourly) is bound as given; bindPeriod checks its two instants.
  if (start && end && isInstant(start)) return { start, end }
  if (start && end) return checkedPeriod(start, end)
  if (start || end) throw new AppError('PERIOD_INVALID', 'Give both the start and the end of the period, or a period label such as 2025-W47.')
  return undefined
}

/** Stages and gates, proposals, actuals, data sources. */
export function lifecycleHandlers(core: Core): HandlersOf<typeof lifecycleProcedures & typeof actualsProcedures> {
  return {
    'stage.checklist': ({ kpiId, to }, { signal }) => core.lifecycle.checklist(kpiId, to, {}, signal),
    'stage.set': ({ kpiId, to, reason, confirmTarget }, { actor, signal }) => core.lifecycle.setStage(kpiId, to, { reason, confirmTarget }, actor, signal),
    'stage.moveBoard': ({ boardId, to, kpiIds, reason, confirmTarget }, { actor, signal }) =>
      core.lifecycle.moveBoard(boardId, to, { kpiIds, reason, confirmTarget }, actor, signal),
    'status.board': ({ boardId }) => boardStatus(core, boardId),
    'status.page': ({ boardId, after, limit }) => boardStatusPage(core, boardId, after ?? 0, limit),
    'status.rows': ({ boardId, kpiIds }) => boardStatusOf(core, boardId, kpiIds),
    'proposal.list': ({ boardId, status, kpiId }) => core.proposals.list(boardId, { status, kpiId }),
    'proposal.get': ({ id }) => core.proposals.get(id),
    'proposal.accept': async ({ id, fields, edits, note, rebaseline, confirmTarget }, { actor, signal }) =>
      (await core.proposals.accept(id, { fields, edits, note, rebaseline, confirmTarget }, actor, signal)).proposal,
    'proposal.reject': ({ id, note }, { actor }) => core.proposals.reject(id, note ?? '', actor),
    'notes.add': ({ boardId, kind, body }, { actor }) => core.notes.add(boardId, kind, body, actor),
    'notes.list': ({ boardId }) => core.notes.list(boardId),
    'alerts.list': ({ boardId, limit }) => core.alerts.list(boardId, limit),
    'alerts.acknowledge': ({ id }) => (core.alerts.acknowledge(id), { acknowledged: true as const }),
    'actuals.add': ({ kpiId, periodStart, periodEnd, value, note }, { actor }) =>
      core.measurements.add(kpiId, { period: checkedPeriod(periodStart, periodEnd), value, note, source: 'manual' }, actor),
    'actuals.list': ({ kpiId, history }) => (history ? core.measurements.history(kpiId) : core.measurements.list(kpiId)),
    'actuals.series': ({ kpiId, from, to, width }) => core.series.series(kpiId, { from, to, width }),
    'actuals.page': ({ kpiId, history, offset, limit }) => core.valuePages.page(kpiId, { history, offset, limit }),
    'actuals.importCsv': async ({ boardId, text, base64, fileName }, { actor }) => {
      if ((text === undefined) === (base64 === undefined)) throw new AppError('VALIDATION', 'Send the CSV as text or as base64, not both.')
      return { stored: await core.measurements.importCsv(boardId, base64 === undefined ? text! : Buffer.from(base64, 'base64'), actor, fileName) }
    },
    'actuals.pull': ({ boardId, kpiIds, from, to, period }, { actor, signal, emit }) =>
      core.pull.pull({ boardId, kpiIds, from, to, period }, actor, { signal, onProgress: (done, total, code) => emit({ done, total, code }) }),
    'actuals.pullDue': ({ boardId }, { actor, signal, emit }) =>
      pullDue({ ...core, actor }, { boardId, signal, onProgress: (done, total, code) => emit({ done, total, code }) }),
    'actuals.preview': ({ kpiId, period, periodStart, periodEnd, formula, mapping }, { signal }) =>
      core.pull.preview(kpiId, previewPeriod(period, periodStart, periodEnd), { formula, mapping }, signal),
    'source.list': () => core.sources.list(),
    'source.save': ({ mode, ...input }, { actor }) => core.sources.save(input, actor, mode),
    'source.remove': ({ name }, { actor }) => (core.sources.remove(name, actor), { removed: true as const }),
    'source.test': ({ name }, { signal }) => core.sources.test(name, signal),
    'source.tables': ({ name }, { signal }) => core.sources.tables(name, signal)
  }
}
