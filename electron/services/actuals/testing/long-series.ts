import { addDays } from '../../../domain/period'
import type { Core } from '../../core'

export interface LongSeriesOptions {
  code?: string
  /** Daily values, one per period. */
  count: number
  /** The last period's start (YYYY-MM-DD); the series runs back from it. */
  end: string
  /** Days without any value, `after` values from the start: a gap the chart must keep. */
  gap?: { after: number; days: number }
  boardId?: number
}

/** A seeded pseudo-random sequence, so every run stores the same values. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * A KPI with a long daily series (a slow wave plus noise, so each bucket has its own min and max), stored
 * through the measurement service in one transaction, as a CSV upload would. Returns the periods and values.
 */
export function seedLongSeries(core: Core, options: LongSeriesOptions) {
  const { count, gap } = options
  const boardId = options.boardId ?? core.boards.create(`长序列 ${count}`, '', 'seed').id
  const kpi = core.kpis.add(
    boardId,
    { code: options.code ?? 'KPI-LONG', name: '实时在线用户', target: '≥ 50', unit: 'users', frequency: 'daily' },
    { actor: 'seed' }
  )
  const next = random(count)
  const days: string[] = []
  const values: number[] = []
  let day = addDays(options.end, -(count - 1) - (gap?.days ?? 0))
  for (let i = 0; i < count; i++) {
    if (gap && i === gap.after) day = addDays(day, gap.days)
    days.push(day)
    values.push(50 + 10 * Math.sin(i / 500) + 8 * (next() - 0.5))
    day = addDays(day, 1)
  }
  const items = days.map((start, i) => ({ kpiId: kpi.id, m: { period: { start, end: addDays(start, 1) }, value: values[i]!, source: 'csv' as const } }))
  core.measurements.addMany(boardId, items, 'seed', `Seeded ${count} daily values`)
  return { boardId, kpiId: kpi.id, code: kpi.code, days, values }
}
