import { actionScope, type ActionScope } from './selection'
import { useKpiStore } from './useKpiStore'

/**
 * What a board action works on, from the store. Ticked KPIs and an unfiltered board (acted on by the board's id on
 * the server) are known at once; the KPIs a filter shows, or every id of the board, only once the board has fully
 * streamed in, so the action waits for it.
 */
export async function boardActionScope(options: { needsEveryId?: boolean } = {}): Promise<ActionScope> {
  const { progress, selected, query, whenLoaded } = useKpiStore.getState()
  const filtered = query.text.trim() !== '' || query.stages.length > 0 || query.owners.length > 0 || query.categories.length > 0
  if (progress && selected.size === 0 && (filtered || options.needsEveryId)) await whenLoaded()
  const state = useKpiStore.getState()
  return actionScope(state.kpis, state.query, state.selected)
}
