import type { KpiStatus, KpiView } from '../../../../electron/api'
import { FREQUENCIES, STAGES, STATUSES } from '../../../../electron/domain/kpi'
import { PROPOSAL_STATUSES } from '../../../../electron/domain/proposal'
import { collationKeys } from './collation-keys'
import type { SortField, SortSpec } from './rows'

export interface SortContext {
  /** The UI's language: names collate the way its readers expect (pinyin order in zh-CN). */
  locale: string
  /** Lights and current values by KPI id, for the columns the status store fills. */
  statuses: Record<number, KpiStatus>
}

/**
 * A column's sort keys, one slot per KPI of the board: the tier first (tiers never flip with the direction, so a
 * KPI without a value stays last), then the text key, then the number, then a tie-break number (NaN: none).
 */
interface SortKeys {
  tier: Uint8Array
  text: string[]
  num: Float64Array
  then: Float64Array | null
}

const VALUE = 0
const TEXT = 1
const MISSING = 2
/** Red first: sorting the light ascending lists what needs attention at the top. */
const SEVERITY = { red: 0, yellow: 1, green: 2 } as const

const TEXT_FIELDS = ['code', 'name', 'dataSource', 'unit', 'owner', 'category'] as const
type TextField = (typeof TEXT_FIELDS)[number]
const isTextField = (field: SortField): field is TextField => (TEXT_FIELDS as readonly string[]).includes(field)
const readsStatuses = (field: SortField) => field === 'currentValue' || field === 'light' || field === 'attainment' || field === 'proposal'

function emptyKeys(n: number, then = false): SortKeys {
  return {
    tier: new Uint8Array(n).fill(MISSING),
    text: new Array<string>(n).fill(''),
    num: new Float64Array(n),
    then: then ? new Float64Array(n).fill(NaN) : null
  }
}

function textKeys(kpis: readonly KpiView[], field: TextField, locale: string): SortKeys {
  const keys = emptyKeys(kpis.length)
  const texts = collationKeys(
    kpis.map((k) => k[field]),
    locale
  )
  kpis.forEach((kpi, i) => {
    if (kpi[field].trim() === '') return
    keys.tier[i] = VALUE
    keys.text[i] = texts[i]!
  })
  return keys
}

/** Numbers from a KPI (or its status); null is a missing value. */
function numberKeys(kpis: readonly KpiView[], read: (kpi: KpiView) => number | null): SortKeys {
  const keys = emptyKeys(kpis.length)
  kpis.forEach((kpi, i) => {
    const value = read(kpi)
    if (value === null || Number.isNaN(value)) return
    keys.tier[i] = VALUE
    keys.num[i] = value
  })
  return keys
}

/** Parsed targets by their value, then targets the parser could not read by their text, then KPIs without a target. */
function targetKeys(kpis: readonly KpiView[], locale: string): SortKeys {
  const keys = emptyKeys(kpis.length)
  const texts = collationKeys(
    kpis.map((k) => k.target?.text ?? ''),
    locale
  )
  kpis.forEach((kpi, i) => {
    const target = kpi.target
    if (target?.parsed) {
      keys.tier[i] = VALUE
      keys.num[i] = target.parsed.value
    } else if (target && target.text.trim() !== '') {
      keys.tier[i] = TEXT
      keys.text[i] = texts[i]!
    }
  })
  return keys
}

/** The light by severity, then by attainment; a KPI not judged (no value, period in progress) is a missing value. */
function lightKeys(kpis: readonly KpiView[], statuses: Record<number, KpiStatus>): SortKeys {
  const keys = emptyKeys(kpis.length, true)
  kpis.forEach((kpi, i) => {
    const status = statuses[kpi.id]
    if (!status || status.inProgress || status.level === 'none') return
    keys.tier[i] = VALUE
    keys.num[i] = SEVERITY[status.level]
    keys.then![i] = status.attainment ?? NaN
  })
  return keys
}

/** Attainment of a judged period; while the period runs there is none yet (the light says "in progress"). */
export const judgedAttainment = (status: KpiStatus | undefined) => (status && !status.inProgress ? status.attainment : null)

/** The latest proposal by its status (pending first), then the newest first; a KPI without one is a missing value. */
function proposalKeys(kpis: readonly KpiView[], statuses: Record<number, KpiStatus>): SortKeys {
  const keys = emptyKeys(kpis.length, true)
  kpis.forEach((kpi, i) => {
    const latest = statuses[kpi.id]?.latestProposal
    if (!latest) return
    keys.tier[i] = VALUE
    keys.num[i] = PROPOSAL_STATUSES.indexOf(latest.status)
    keys.then![i] = -latest.id
  })
  return keys
}

function computeKeys(kpis: readonly KpiView[], field: SortField, ctx: SortContext): SortKeys {
  if (isTextField(field)) return textKeys(kpis, field, ctx.locale)
  switch (field) {
    case 'stage':
      return numberKeys(kpis, (k) => STAGES.indexOf(k.stage))
    case 'status':
      return numberKeys(kpis, (k) => STATUSES.indexOf(k.status))
    case 'frequency':
      return numberKeys(kpis, (k) => (k.frequency ? FREQUENCIES.indexOf(k.frequency) : null))
    case 'updatedAt':
      return numberKeys(kpis, (k) => k.updatedAt)
    case 'target':
      return targetKeys(kpis, ctx.locale)
    case 'currentValue':
      return numberKeys(kpis, (k) => ctx.statuses[k.id]?.value ?? null)
    case 'light':
      return lightKeys(kpis, ctx.statuses)
    case 'attainment':
      return numberKeys(kpis, (k) => judgedAttainment(ctx.statuses[k.id]))
    case 'proposal':
      return proposalKeys(kpis, ctx.statuses)
  }
}

/** One KPI's sort keys for one column, kept per KPI object: a page streamed in computes keys for its own rows only. */
interface RowKey {
  tier: number
  text: string
  num: number
  then: number
}

/** The column's order: tier, text, number, tie-break number (NaN last), then the KPI id (the board's order). */
function compareBy(keys: WeakMap<KpiView, RowKey>, sign: 1 | -1) {
  return (a: KpiView, b: KpiView) => {
    const ka = keys.get(a)!
    const kb = keys.get(b)!
    const byTier = ka.tier - kb.tier
    if (byTier !== 0) return byTier
    if (ka.text !== kb.text) return ka.text < kb.text ? -sign : sign
    const byNum = ka.num - kb.num
    if (byNum !== 0) return sign * byNum
    const na = ka.then
    const nb = kb.then
    const nan = Number(Number.isNaN(na)) - Number(Number.isNaN(nb))
    if (nan !== 0) return nan
    if (na !== nb && !Number.isNaN(na)) return sign * (na - nb)
    return a.id - b.id
  }
}

interface Cached {
  statuses: Record<number, KpiStatus> | null
  keys: WeakMap<KpiView, RowKey>
  /** The last order made per direction, and of which array: the next array is merged into it, not sorted anew. */
  last: Partial<Record<SortSpec['dir'], { kpis: readonly KpiView[]; order: readonly KpiView[] }>>
}

// Keys and orders by column and language; lights and values are keys too, so new statuses start the column afresh.
const cache = new Map<string, Cached>()

function cached(kpis: readonly KpiView[], field: SortField, ctx: SortContext): Cached {
  const name = `${field} ${ctx.locale}`
  const statuses = readsStatuses(field) ? ctx.statuses : null
  let entry = cache.get(name)
  if (!entry || entry.statuses !== statuses) cache.set(name, (entry = { statuses, keys: new WeakMap(), last: {} }))
  const fresh = kpis.filter((kpi) => !entry.keys.has(kpi))
  if (fresh.length) {
    const keys = computeKeys(fresh, field, ctx)
    fresh.forEach((kpi, i) => entry.keys.set(kpi, { tier: keys.tier[i]!, text: keys.text[i]!, num: keys.num[i]!, then: keys.then?.[i] ?? NaN }))
  }
  return entry
}

/** The sorted rows of `previous` still in `kpis`, merged with the rows new to `kpis` (sorted on their own). */
function mergeInto(previous: readonly KpiView[], kpis: readonly KpiView[], before: readonly KpiView[], compare: (a: KpiView, b: KpiView) => number) {
  const now = new Set(kpis)
  const held = new Set(before)
  const kept = previous.filter((kpi) => now.has(kpi))
  const added = kpis.filter((kpi) => !held.has(kpi)).sort(compare)
  const order: KpiView[] = []
  let i = 0
  let j = 0
  while (i < kept.length && j < added.length) order.push(compare(kept[i]!, added[j]!) <= 0 ? kept[i++]! : added[j++]!)
  while (i < kept.length) order.push(kept[i++]!)
  while (j < added.length) order.push(added[j++]!)
  return order
}

/**
 * The board's KPIs in the order of a column, stable (ties keep the id order); KPIs without a value last in both
 * directions. Without a sort, the order is by code. A board streaming in is merged page by page into the order
 * already made, so a page costs its own rows, not the board's. The result is shared: do not mutate it.
 */
export function sortKpis(kpis: readonly KpiView[], sort: SortSpec | null, ctx: SortContext): readonly KpiView[] {
  const spec = sort ?? { field: 'code', dir: 'asc' }
  const entry = cached(kpis, spec.field, ctx)
  const last = entry.last[spec.dir]
  if (last?.kpis === kpis) return last.order
  const compare = compareBy(entry.keys, spec.dir === 'asc' ? 1 : -1)
  const order = last ? mergeInto(last.order, kpis, last.kpis, compare) : [...kpis].sort(compare)
  entry.last[spec.dir] = { kpis, order }
  return order
}
