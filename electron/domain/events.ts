import type { WorkspaceWait } from './backup'
import type { AlertView } from './views'

/** Every event topic the core publishes, with its payload. Names are past tense. */
export interface EventMap {
  'board.changed': { boardId: number | null }
  'kpi.changed': { boardId: number; kpiIds: number[] }
  'version.changed': { boardId: number }
  'actuals.changed': { boardId: number; kpiIds: number[] }
  'proposal.changed': { boardId: number }
  'alert.raised': { boardId: number; alerts: AlertView[] }
  'workspace.waiting': WorkspaceWait
  'backup.changed': Record<string, never>
}
export type EventName = keyof EventMap
export const EVENT_NAMES: EventName[] = [
  'board.changed',
  'kpi.changed',
  'version.changed',
  'actuals.changed',
  'proposal.changed',
  'alert.raised',
  'workspace.waiting',
  'backup.changed'
]
