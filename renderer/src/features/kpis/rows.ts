import type { KpiView } from '../../../../electron/api'
import type { BoardColumnKey } from '../../../../electron/domain/board-columns'
import { STAGES, type Stage } from '../../../../electron/domain/kpi'
import { sortKpis, type SortContext } from './board-sort'
import { sortTexts } from './collation-keys'

export type GroupBy = 'none' | 'stage' | 'owner' | 'category'
/** Every column sorts. */
export type SortField = BoardColumnKey
export interface SortSpec {
  field: SortField
  dir: 'asc' | 'desc'
}

export interface KpiQuery {
  text: string
  stages: Stage[]
  owners: string[]
  categories: string[]
  sort: SortSpec | null
  groupBy: GroupBy
  /** Keys of collapsed groups. */
  collapsed: string[]
}

export const emptyQuery: KpiQuery = { text: '', stages: [], owners: [], categories: [], sort: null, groupBy: 'none', collapsed: [] }

export type GridRow = { kind: 'group'; groupBy: Exclude<GroupBy, 'none'>; key: string; count: number; collapsed: boolean } | { kind: 'kpi'; kpi: KpiView }

/** Case-insensitive match of the filter text against what a user would search by. */
export function filterKpis(kpis: readonly KpiView[], query: Pick<KpiQuery, 'text' | 'stages' | 'owners' | 'categories'>): KpiView[] {
  const needle = query.text.trim().toLowerCase()
  return kpis.filter((k) => {
    if (query.stages.length && !query.stages.includes(k.stage)) return false
    if (query.owners.length && !query.owners.includes(k.owner)) return false
    if (query.categories.length && !query.categories.includes(k.category)) return false
    if (!needle) return true
    const hay = [k.code, k.name, k.description, k.owner, k.category, k.dataSource, k.target?.text ?? '', ...k.tags]
    return hay.some((s) => s.toLowerCase().includes(needle))
  })
}

/** Clicking a header cycles ascending → descending → no sort. */
export function toggleSort(current: SortSpec | null, field: SortField): SortSpec | null {
  if (current?.field !== field) return { field, dir: 'asc' }
  return current.dir === 'asc' ? { field, dir: 'desc' } : null
}

function groupKey(kpi: KpiView, groupBy: Exclude<GroupBy, 'none'>): string {
  return groupBy === 'stage' ? kpi.stage : kpi[groupBy]
}

/**
 * The flat list of rows the virtual grid renders: group headers (in stage order or by name) and the KPIs of open groups.
 * The whole board is sorted (its order is cached), then filtered: typing in the filter never sorts again.
 */
export function buildRows(kpis: readonly KpiView[], query: KpiQuery, ctx: SortContext): GridRow[] {
  const sorted = filterKpis(sortKpis(kpis, query.sort, ctx), query)
  if (query.groupBy === 'none') return sorted.map((kpi) => ({ kind: 'kpi', kpi }))
  const groupBy = query.groupBy
  const groups = new Map<string, KpiView[]>()
  for (const kpi of sorted) {
    const key = groupKey(kpi, groupBy)
    const members = groups.get(key)
    if (members) members.push(kpi)
    else groups.set(key, [kpi])
  }
  const keys =
    groupBy === 'stage' ? [...groups.keys()].sort((a, b) => STAGES.indexOf(a as Stage) - STAGES.indexOf(b as Stage)) : sortTexts([...groups.keys()], ctx.locale)
  const rows: GridRow[] = []
  for (const key of keys) {
    const members = groups.get(key)!
    const collapsed = query.collapsed.includes(key)
    rows.push({ kind: 'group', groupBy, key, count: members.length, collapsed })
    if (!collapsed) for (const kpi of members) rows.push({ kind: 'kpi', kpi })
  }
  return rows
}

/** Distinct non-empty values of a field, for the filter menus. */
export function distinctValues(kpis: readonly KpiView[], field: 'owner' | 'category', locale: string): string[] {
  return sortTexts([...new Set(kpis.map((k) => k[field]).filter((v) => v !== ''))], locale)
}
