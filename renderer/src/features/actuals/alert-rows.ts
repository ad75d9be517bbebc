import type { AlertView } from '../../../../electron/api'

/** Unacknowledged alerts count for the bell. */
export const openAlertCount = (alerts: AlertView[]) => alerts.reduce((n, a) => n + (a.acknowledgedAt === null ? 1 : 0), 0)

/** Merges newly raised alerts into the list: newest first, one row per id. */
export function mergeAlerts(current: AlertView[], raised: AlertView[]): AlertView[] {
  const byId = new Map(current.map((a) => [a.id, a]))
  for (const a of raised) byId.set(a.id, a)
  return [...byId.values()].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id)
}
