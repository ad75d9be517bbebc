import type { HandlersOf } from '../..'
import type { launchProcedures } from '../../launch'
import type { Core } from '../../../services/core'

/** Launch plans, the launch notice, and the automatic move from launched to operating. */
export function launchHandlers(core: Core): HandlersOf<typeof launchProcedures> {
  return {
    'launch.plan.get': ({ boardId }) => core.launchPlans.state(boardId),
    'launch.plan.set': ({ boardId, plan }, { actor }) => core.launchPlans.set(boardId, plan, actor),
    // The notice loads the export clients (Notion, Jira, Trello) only when it is sent.
    'launch.notify': async ({ boardId, versionLabel, locale }, { actor, signal }) =>
      (await import('../../../services/export/launch-notify')).notifyLaunch(core, { boardId, versionLabel, locale }, actor, signal),
    'lifecycle.advanceDue': async ({ boardId }, { actor, signal }) => {
      // Every CLI read asks first; the stage machinery (gates, pulls, versions) is built only for a board with a KPI due.
      const due = (boardId ? [boardId] : core.boards.list().map((b) => b.id)).filter((id) => core.launchPlans.due(id).length > 0)
      return { moved: due.length ? await core.lifecycle.advanceDue(due, actor, signal) : [] }
    }
  }
}
