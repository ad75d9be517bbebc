import type { HandlersOf } from '../..'
import type { boardProcedures } from '../../board'
import type { kpiProcedures } from '../../kpi'
import type { versionProcedures } from '../../version'
import type { Core } from '../../../services/core'
import { parseTarget } from '../../../domain/target/parse-target'

type WorkspaceHandlers = HandlersOf<typeof boardProcedures & typeof kpiProcedures & typeof versionProcedures>

/** Boards, KPIs and their revisions, versions, audit. */
export function workspaceHandlers(core: Core): WorkspaceHandlers {
  const { boards, kpis, versions, audit } = core
  return {
    'board.list': () => boards.list(),
    'board.get': ({ boardId }) => boards.get(boardId),
    'board.find': ({ name }) => boards.get(boards.resolve(name)),
    'board.create': ({ name, description, language }, { actor }) => boards.create(name, description ?? '', actor, language ?? null),
    'board.setLanguage': ({ boardId, language }, { actor }) => boards.setLanguage(boardId, language, actor),
    'board.rename': ({ boardId, name }, { actor }) => boards.rename(boardId, name, actor),
    'board.delete': ({ boardId }, { actor }) => (boards.delete(boardId, actor), { deleted: true as const }),
    'audit.list': (query) => audit.list(query),
    'kpi.list': ({ boardId, includeRetired }) => kpis.list(boardId, includeRetired),
    'kpi.get': ({ kpiId }) => kpis.get(kpiId),
    'kpi.find': ({ boardId, code }) => kpis.get(kpis.resolve(boardId, code)),
    'kpi.add': ({ boardId, fields, reason, allowUnparsedTarget }, { actor }) =>
      kpis.add(boardId, fields, { actor, reason, refuseUnparsedTarget: !allowUnparsedTarget }),
    'kpi.edit': ({ kpiId, set, reason, expectedRevisionId, rebaseline, allowUnparsedTarget }, { actor }) =>
      kpis.edit(kpiId, set, { actor, reason, expectedRevisionId, rebaseline, refuseUnparsedTarget: !allowUnparsedTarget }),
    'kpi.editMany': ({ kpiIds, set, reason, allowUnparsedTarget }, { actor }) =>
      kpis.editMany(kpiIds, set, { actor, reason, refuseUnparsedTarget: !allowUnparsedTarget }),
    'kpi.retire': ({ kpiId, reason }, { actor }) => kpis.retire(kpiId, { actor, reason }),
    'kpi.reinstate': ({ kpiId, reason }, { actor }) => kpis.reinstate(kpiId, { actor, reason }),
    'kpi.history': ({ kpiId }) => kpis.history(kpiId),
    'kpi.diff': ({ kpiId, from, to }) => kpis.diff(kpiId, from, to),
    'kpi.restore': ({ kpiId, revision, reason }, { actor }) => kpis.restore(kpiId, revision, { actor, reason }),
    'target.parse': ({ text, metric }) => parseTarget(text, metric),
    'version.list': ({ boardId }) => versions.list(boardId),
    'version.suggest': ({ boardId }) => ({ label: versions.suggest(boardId) }),
    'version.cut': ({ boardId, label, note }, { actor }) => versions.cut(boardId, { label, note }, actor),
    'version.kpis': ({ boardId, label }) => versions.kpis(boardId, label),
    'version.diff': ({ boardId, from, to }) => versions.diff(boardId, from, to),
    'version.restore': ({ boardId, label, reason }, { actor }) => versions.restore(boardId, label, reason ?? '', actor)
  }
}
