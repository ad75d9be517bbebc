import type { HandlersOf } from '../..'
import type { boardProcedures } from '../../board'
import type { kpiProcedures } from '../../kpi'
import type { versionProcedures } from '../../version'
import type { Core } from '../../../services/core'
import { parseTarget } from '../../../domain/target/parse-target'

type WorkspaceHandlers = HandlersOf<typeof boardProcedures & typeof kpiProcedures & typeof versionProcedures>

/** Boards, KPIs and their revisions, versions, audit. */
export function workspaceHandlers(core: Core): WorkspaceHandlers {
  return {
    'board.list': () => core.boards.list(),
    'board.get': ({ boardId }) => core.boards.get(boardId),
    'board.find': ({ name }) => core.boards.get(core.boards.resolve(name)),
    'board.create': ({ name, description, language }, { actor }) => core.boards.create(name, description ?? '', actor, language ?? null),
    'board.setLanguage': ({ boardId, language }, { actor }) => core.boards.setLanguage(boardId, language, actor),
    'board.rename': ({ boardId, name }, { actor }) => core.boards.rename(boardId, name, actor),
    'board.delete': ({ boardId }, { actor }) => (core.boards.delete(boardId, actor), { deleted: true as const }),
    'board.columns.get': ({ boardId }) => core.boardColumns.get(boardId),
    'board.columns.set': ({ boardId, columns }) => core.boardColumns.set(boardId, columns),
    'board.columns.reset': ({ boardId }) => core.boardColumns.reset(boardId),
    'audit.list': (query) => core.audit.list(query),
    'audit.search': (query) => core.audit.search(query),
    'kpi.list': ({ boardId, includeRetired }) => core.kpis.list(boardId, includeRetired),
    'kpi.page': ({ boardId, includeRetired, after, limit }) => core.kpis.page(boardId, { includeRetired, after: after ?? 0, limit }),
    'kpi.get': ({ kpiId }) => core.kpis.get(kpiId),
    'kpi.find': ({ boardId, code }) => core.kpis.get(core.kpis.resolve(boardId, code)),
    'kpi.add': ({ boardId, fields, reason, allowUnparsedTarget }, { actor }) =>
      core.kpis.add(boardId, fields, { actor, reason, refuseUnparsedTarget: !allowUnparsedTarget }),
    'kpi.edit': ({ kpiId, set, reason, expectedRevisionId, rebaseline, allowUnparsedTarget }, { actor }) =>
      core.kpis.edit(kpiId, set, { actor, reason, expectedRevisionId, rebaseline, refuseUnparsedTarget: !allowUnparsedTarget }),
    'kpi.editMany': ({ kpiIds, set, reason, allowUnparsedTarget }, { actor }) =>
      core.kpis.editMany(kpiIds, set, { actor, reason, refuseUnparsedTarget: !allowUnparsedTarget }),
    'kpi.retire': ({ kpiId, reason }, { actor }) => core.kpis.retire(kpiId, { actor, reason }),
    'kpi.reinstate': ({ kpiId, reason }, { actor }) => core.kpis.reinstate(kpiId, { actor, reason }),
    'kpi.history': ({ kpiId }) => core.kpis.history(kpiId),
    'kpi.diff': ({ kpiId, from, to }) => core.kpis.diff(kpiId, from, to),
    'kpi.restore': ({ kpiId, revision, reason }, { actor }) => core.kpis.restore(kpiId, revision, { actor, reason }),
    'target.parse': ({ text, metric }) => parseTarget(text, metric),
    'version.list': ({ boardId }) => core.versions.list(boardId),
    'version.suggest': ({ boardId }) => ({ label: core.versions.suggest(boardId) }),
    'version.cut': ({ boardId, label, note }, { actor }) => core.versions.cut(boardId, { label, note }, actor),
    'version.kpis': ({ boardId, label }) => core.versions.kpis(boardId, label),
    'version.diff': ({ boardId, from, to }) => core.versions.diff(boardId, from, to),
    'version.restore': ({ boardId, label, reason }, { actor }) => core.versions.restore(boardId, label, reason ?? '', actor)
  }
}
