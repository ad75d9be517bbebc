import type { MappingProposal, PreviewColumn, ProposalNote } from '../../domain/formula-preview'
import type { KpiFields } from '../../domain/kpi'
import { GRAIN_OF_FREQUENCY } from '../../domain/period'
import type { Combine, ResultMapping } from '../../domain/result-mapping'
import type { ResultSet } from '../connectors'
import { toNumber } from '../connectors/result-shape'
import { applyMapping } from './apply-mapping'
import { columnWords, kpiWords, wordMatches } from './kpi-words'
import { columnKinds, detectGrain, grainFromName, grainsInSql, readPeriodCell } from './result-table'

type Kpi = Pick<KpiFields, 'name' | 'description' | 'unit' | 'target' | 'frequency' | 'formula'>

const TOTALS = new Set(['all', 'total', 'overall', 'any', '*', '全部', '合计', '总计', '汇总', '所有'])
const COUNTS = /count|total|^n$|^num|responses|sessions|requests|tickets|incidents|calls|tasks|orders|deployments|events|new_|signups|visits/
const SUMMABLE = new RegExp(`${COUNTS.source}|revenue|amount|cost|spend|sum|gmv|sales`)
const GROWTH = /growth|change|delta|increase|yoy|mom|wow/
const DISTINCT = /unique|distinct|active|users|mau|dau|wau|creators|clients|contributors/
const AVERAGES = /avg|mean|average|mttr|per_/
const RATIOS = /rate|ratio|pct|percent|share|conversion|retention|uptime|efficiency|nps|roi|per_/
const WIDE = { start: '0001-01-01', end: '9999-12-31' }

const note = (key: ProposalNote['key'], params: ProposalNote['params'] = {}): ProposalNote => ({ key, params })

/** How far a reported value may sit from its recomputation: half a unit of its last decimal. */
function roundingOf(cell: unknown): number {
  const text = typeof cell === 'string' ? cell : String(cell)
  const decimals = /\.(\d+)/.exec(text)?.[1]?.length ?? 0
  return 0.5 * 10 ** -Math.min(decimals, 9) + 1e-12
}

function numbersOf(table: ResultSet, at: number): (number | null)[] {
  return table.rows.map((row) => {
    try {
      return row[at] === null || row[at] === undefined ? null : toNumber(row[at])
    } catch {
      return null
    }
  })
}

interface PeriodChoice {
  at: number
  mapping: ResultMapping
  reason: ProposalNote
  warning?: ProposalNote
}

function periodColumn(table: ResultSet, columns: PreviewColumn[], kpi: Kpi): PeriodChoice | null {
  const sqlGrains = grainsInSql(kpi.formula)
  const fallback = kpi.frequency ? GRAIN_OF_FREQUENCY[kpi.frequency] : null
  if (table.rows.length === 0) {
    // No rows to look at (nothing in this period): the column types and names still say which is the period.
    const at = columns.findIndex((c) => c.kind === 'date' || c.kind === 'timestamp')
    if (at < 0) return null
    const name = columns[at]!.name
    const grain = sqlGrains.get(name.toLowerCase()) ?? grainFromName(name) ?? fallback ?? 'day'
    return { at, mapping: { period: name, grain }, reason: note('period-column', { column: name, kind: columns[at]!.kind, grain }) }
  }
  for (const [at, column] of columns.entries()) {
    const cells = table.rows.map((r) => readPeriodCell(r[at]))
    if (cells.some((c) => c === null)) continue
    if (column.kind !== 'date' && column.kind !== 'timestamp' && column.kind !== 'text') continue
    const labels = cells.filter((c) => c && 'label' in c)
    if (labels.length === cells.length) {
      const first = labels[0] as { label: { grain: string; label: string } }
      return {
        at,
        mapping: { period: column.name },
        reason: note('period-label', { column: column.name, sample: first.label.label, grain: first.label.grain })
      }
    }
    if (labels.length > 0) continue
    const dates = cells.flatMap((c) => (c && 'date' in c ? [c.date] : []))
    const timed = cells.some((c) => c && 'date' in c && c.timed)
    const grain = timed
      ? 'day'
      : detectGrain(dates, {
          name: column.name,
          sqlGrain: sqlGrains.get(column.name.toLowerCase()),
          fallback
        })
    const sample = String(table.rows.find((r) => typeof r[at] === 'string' && /\d\d:\d\d/.test(r[at] as string))?.[at] ?? '')
    return {
      at,
      mapping: { period: column.name, grain },
      reason: note('period-column', { column: column.name, kind: column.kind === 'timestamp' ? 'timestamp' : 'date', grain }),
      ...(timed ? { warning: note('timed-rows', { column: column.name, sample }) } : {})
    }
  }
  return null
}

/**
 * The value column: the numeric column whose name words best fit the KPI (its name, then its unit and
 * target), a percentile column for a P95 target, a growth column for a change target; else the last one.
 */
function chooseValue(columns: PreviewColumn[], numeric: number[], kpi: Kpi): { at: number; reason: ProposalNote } {
  const words = kpiWords(kpi)
  const parsed = kpi.target?.parsed
  const percentTarget = parsed?.unit === '%' || kpi.unit.trim() === '%'
  const weight = { name: 10, unit: 6, description: 4, target: 6 } as const
  let best = { at: numeric.at(-1)!, score: 0, reason: note('value-last', { column: columns[numeric.at(-1)!]!.name }) }
  for (const [rank, at] of numeric.entries()) {
    const name = columns[at]!.name
    const tokens = columnWords(name)
    const joined = tokens.join('_')
    let score = rank / 100
    let reason: ProposalNote | null = null
    let matched = 0
    for (const token of tokens) {
      const hits = words.filter((w) => wordMatches(token, w.word)).sort((a, b) => weight[b.from] - weight[a.from])
      if (hits.length === 0) continue
      matched++
      score += weight[hits[0]!.from]
      reason ??= note('value-name', { column: name, word: hits[0]!.word, from: hits[0]!.from })
    }
    score += (8 * matched) / tokens.length
    if (parsed?.percentile && tokens.some((t) => t === `p${parsed.percentile}`)) {
      score += 100
      reason = note('value-percentile', { column: name, percentile: parsed.percentile })
    }
    if (parsed?.change && GROWTH.test(joined)) score += 15
    if (percentTarget && RATIOS.test(joined)) score += 4
    if (percentTarget && (SUMMABLE.test(joined) || DISTINCT.test(joined)) && !RATIOS.test(joined)) score -= 5
    if (score > best.score && reason) best = { at, score, reason }
  }
  return { at: best.at, reason: best.reason }
}

/** value = numerator / denominator × factor in every row, within the rounding of a report. */
function findRatio(table: ResultSet, valueAt: number, numeric: number[]): Extract<Combine, { kind: 'ratio' }> | null {
  const value = numbersOf(table, valueAt)
  for (const factor of [100, 1]) {
    for (const n of numeric) {
      for (const d of numeric) {
        if (n === d || n === valueAt || d === valueAt) continue
        const top = numbersOf(table, n)
        const bottom = numbersOf(table, d)
        let checked = 0
        const fits = value.every((v, i) => {
          const a = top[i] ?? null
          const b = bottom[i] ?? null
          if (v === null || a === null || b === null || b === 0) return true
          checked++
          return Math.abs(v - (a / b) * factor) <= roundingOf(table.rows[i]![valueAt])
        })
        if (fits && checked > 0) return { kind: 'ratio', numerator: table.columns[n]!.name, denominator: table.columns[d]!.name, factor }
      }
    }
  }
  return null
}

/** How several rows of one period become one value, or why they cannot. */
function resolveRows(table: ResultSet, columns: PreviewColumn[], valueAt: number, numeric: number[], periodAt: number | null) {
  const segments = columns.flatMap((c, at) => (at !== periodAt && (c.kind === 'text' || c.kind === 'boolean') ? [at] : []))
  for (const at of segments) {
    const total = table.rows.map((r) => String(r[at] ?? '').trim()).find((v) => TOTALS.has(v.toLowerCase()))
    if (total !== undefined) {
      const segment = { column: columns[at]!.name, value: total }
      return { mapping: { segment }, reason: note('segment-total', segment) }
    }
  }
  const value = columns[valueAt]!.name
  const words = columnWords(value).join('_')
  // Only counts and amounts are numerators and denominators; a count is never itself a ratio of two columns.
  const parts = numeric.filter((at) => !RATIOS.test(columnWords(columns[at]!.name).join('_')) && !AVERAGES.test(columnWords(columns[at]!.name).join('_')))
  const countLike = SUMMABLE.test(words) && !RATIOS.test(words)
  const ratio = countLike ? null : findRatio(table, valueAt, parts)
  if (ratio) return { mapping: { combine: ratio }, reason: note('combine-ratio', { column: value, ...ratio }) }
  const by = segments.length ? columns[segments[0]!]!.name : 'row'
  if (AVERAGES.test(words)) {
    const weight = numeric.find((at) => at !== valueAt && COUNTS.test(columnWords(columns[at]!.name).join('_')))
    if (weight !== undefined) {
      const combine: Combine = { kind: 'weighted', weight: columns[weight]!.name }
      return { mapping: { combine }, reason: note('combine-weighted', { column: value, weight: combine.weight }) }
    }
  } else if (DISTINCT.test(words)) {
    return { warning: note('not-summable', { column: value, by }) }
  } else if (SUMMABLE.test(words) && !RATIOS.test(words)) {
    return { mapping: { combine: { kind: 'sum' } as Combine }, reason: note('combine-sum', { column: value }) }
  }
  // The column the rows of one period differ by: a text segment, else an id or level such as server_id.
  const splitter = segments[0] ?? columns.findIndex((_, at) => at !== periodAt && at !== valueAt && new Set(table.rows.map((r) => String(r[at]))).size > 1)
  const column = splitter >= 0 ? columns[splitter]!.name : by
  const values = splitter >= 0 ? [...new Set(table.rows.map((r) => String(r[splitter])))].slice(0, 6).join(', ') : ''
  return { warning: note('segments-unresolved', { column, values, value }) }
}

function maxRowsPerPeriod(table: ResultSet, mapping: ResultMapping, periodAt: number | null): number {
  if (periodAt === null) return table.rows.length
  const counts = new Map<string, number>()
  const segmentAt = mapping.segment ? table.columns.findIndex((c) => c.name === mapping.segment!.column) : -1
  for (const row of table.rows) {
    if (segmentAt >= 0 && String(row[segmentAt] ?? '').trim() !== mapping.segment!.value) continue
    const cell = readPeriodCell(row[periodAt])
    const key = cell && 'label' in cell ? cell.label.start : cell?.date
    counts.set(String(key), (counts.get(String(key)) ?? 0) + 1)
  }
  return Math.max(0, ...counts.values())
}

/** Percent against ratio: 0.62 for a `≥ 60%` target is stored as 62, 62 for a `≥ 0.6` target as 0.62. */
function scaleFor(table: ResultSet, mapping: ResultMapping, kpi: Kpi): { scale: number; reason: ProposalNote } | null {
  const parsed = kpi.target?.parsed
  if (!parsed || parsed.change) return null
  let values: number[]
  try {
    values = applyMapping(table, mapping, { range: WIDE, frequency: kpi.frequency, sql: kpi.formula }).values.map((v) => v.value)
  } catch {
    return null
  }
  if (values.length === 0) return null
  const sample = values.find((v) => v !== 0) ?? values[0]!
  const percentTarget = parsed.unit === '%' || kpi.unit.trim() === '%'
  if (percentTarget && parsed.value > 1.5 && values.every((v) => Math.abs(v) <= 1.5)) {
    return { scale: 100, reason: note('scale-percent', { sample, target: kpi.target!.text }) }
  }
  const ratioTarget = !percentTarget && parsed.value > 0 && parsed.value <= 1 && (parsed.unit === null || parsed.unit === '')
  const rateLike = /率|rate|ratio|share|retention|conversion/i.test(`${kpi.name} ${mapping.value ?? ''}`)
  if (ratioTarget && rateLike && values.every((v) => v >= 0 && v <= 100) && values.some((v) => v > 1.5)) {
    return { scale: 0.01, reason: note('scale-ratio', { sample, target: kpi.target!.text }) }
  }
  return null
}

/**
 * The mapping the app proposes for a formula's table, each part with its reason: the date-like column
 * as period, the numeric column whose name fits the KPI's name, unit or target as value, and, where
 * rows are per segment, the segment holding the total or a valid way to combine them.
 */
export function proposeMapping(table: ResultSet, kpi: Kpi): MappingProposal {
  const columns = columnKinds(table)
  const reasons: ProposalNote[] = []
  const warnings: ProposalNote[] = []
  const numericAll = columns.flatMap((c, at) => (c.kind === 'number' ? [at] : []))
  if (columns.length === 1 && table.rows.length <= 1 && numericAll.length === 1) {
    reasons.push(note('single-value'))
    const scale = scaleFor(table, {}, kpi)
    if (scale) reasons.push(scale.reason)
    return { mapping: scale ? { scale: scale.scale } : null, reasons, warnings }
  }
  const period = periodColumn(table, columns, kpi)
  const numeric = numericAll.filter((at) => at !== period?.at)
  if (numeric.length === 0) return { mapping: null, reasons, warnings: [note('no-number')] }
  let mapping: ResultMapping = { ...period?.mapping }
  if (period) reasons.push(period.reason)
  if (period?.warning) warnings.push(period.warning)
  const value = chooseValue(columns, numeric, kpi)
  mapping = { value: columns[value.at]!.name, ...mapping }
  reasons.push(value.reason)
  if (maxRowsPerPeriod(table, mapping, period?.at ?? null) > 1) {
    const resolved = resolveRows(table, columns, value.at, numeric, period?.at ?? null)
    if (resolved.mapping) {
      mapping = { ...mapping, ...resolved.mapping }
      reasons.push(resolved.reason!)
    }
    if (resolved.warning) warnings.push(resolved.warning)
  }
  const scale = scaleFor(table, mapping, kpi)
  if (scale) {
    mapping.scale = scale.scale
    reasons.push(scale.reason)
  }
  return { mapping, reasons, warnings }
}
