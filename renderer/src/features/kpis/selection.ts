import type { KpiView } from '../../../../electron/api'
import { filterKpis, type GridRow, type KpiQuery } from './rows'

/** What a board action (pull, move, export) works on: the ticked KPIs, else those the filter shows, else the board. */
export interface ActionScope {
  kind: 'selected' | 'shown' | 'board'
  ids: number[]
}

export function actionScope(
  kpis: readonly KpiView[],
  query: Pick<KpiQuery, 'text' | 'stages' | 'owners' | 'categories'>,
  selected: ReadonlySet<number>
): ActionScope {
  // A KPI retired or removed since it was ticked no longer counts.
  const ticked = kpis.filter((k) => selected.has(k.id))
  if (ticked.length > 0) return { kind: 'selected', ids: ticked.map((k) => k.id) }
  const shown = filterKpis(kpis, query)
  if (shown.length < kpis.length) return { kind: 'shown', ids: shown.map((k) => k.id) }
  return { kind: 'board', ids: kpis.map((k) => k.id) }
}

/** The KPIs of the rows between two row indexes, both included, in either order (a shift-click range). */
export function rowRange(rows: readonly GridRow[], from: number, to: number): number[] {
  const [start, end] = from <= to ? [from, to] : [to, from]
  return rows.slice(start, end + 1).flatMap((row) => (row.kind === 'kpi' ? [row.kpi.id] : []))
}

/** Adds or removes ids, returning a new set (the store's subscribers compare by identity). */
export function withIds(selected: ReadonlySet<number>, ids: readonly number[], on: boolean): ReadonlySet<number> {
  const next = new Set(selected)
  for (const id of ids) {
    if (on) next.add(id)
    else next.delete(id)
  }
  return next
}
