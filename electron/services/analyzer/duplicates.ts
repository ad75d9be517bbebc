import { sampleCorrelation } from 'simple-statistics'
import type { Measurement } from '../domain/measurement'
import type { ProposalDraft } from '../domain/proposal'
import { fmt } from './format'
import type { AnalyzerKpi } from './types'

/** Pearson |r| above this over enough common periods: the two KPIs carry the same information. */
export const DUPLICATE_R = 0.95
export const DUPLICATE_MIN_PERIODS = 6

interface Pair {
  a: number
  b: number
  r: number
  n: number
}

/** Series on one period grid (NaN where a KPI has no value), so pairs align without lookups. */
function grid(kpis: AnalyzerKpi[], measurements: Map<number, Measurement[]>): Float64Array[] {
  const slots = new Map<string, number>()
  for (const kpi of kpis) for (const point of measurements.get(kpi.id) ?? []) if (!slots.has(point.periodStart)) slots.set(point.periodStart, slots.size)
  return kpis.map((kpi) => {
    const row = new Float64Array(slots.size).fill(Number.NaN)
    for (const point of measurements.get(kpi.id) ?? []) row[slots.get(point.periodStart)!] = point.value
    return row
  })
}

function correlatedPairs(rows: Float64Array[]): Pair[] {
  const pairs: Pair[] = []
  const xs: number[] = []
  const ys: number[] = []
  const counts = rows.map((row) => row.reduce((count, value) => (Number.isNaN(value) ? count : count + 1), 0))
  for (let a = 0; a < rows.length; a++) {
    if (counts[a]! < DUPLICATE_MIN_PERIODS) continue
    for (let b = a + 1; b < rows.length; b++) {
      if (counts[b]! < DUPLICATE_MIN_PERIODS) continue
      const rowA = rows[a]!
      const rowB = rows[b]!
      xs.length = 0
      ys.length = 0
      for (let i = 0; i < rowA.length; i++) {
        if (Number.isNaN(rowA[i]!) || Number.isNaN(rowB[i]!)) continue
        xs.push(rowA[i]!)
        ys.push(rowB[i]!)
      }
      if (xs.length < DUPLICATE_MIN_PERIODS) continue
      const r = sampleCorrelation(xs, ys)
      if (Number.isFinite(r) && Math.abs(r) > DUPLICATE_R) pairs.push({ a, b, r, n: xs.length })
    }
  }
  return pairs
}

/**
 * One retire proposal per near-duplicate pair, strongest first; a KPI is proposed once. The one
 * retired has fewer measurements, or, on a tie, comes later on the board. Anti-correlation counts too.
 */
export function duplicateProposals(kpis: AnalyzerKpi[], measurements: Map<number, Measurement[]>): ProposalDraft[] {
  const rows = grid(kpis, measurements)
  const pairs = correlatedPairs(rows).sort((x, y) => Math.abs(y.r) - Math.abs(x.r))
  const taken = new Set<number>()
  const proposals: ProposalDraft[] = []
  for (const pair of pairs) {
    if (taken.has(pair.a) || taken.has(pair.b)) continue
    const countA = measurements.get(kpis[pair.a]!.id)?.length ?? 0
    const countB = measurements.get(kpis[pair.b]!.id)?.length ?? 0
    const [keep, drop] = countB <= countA ? [kpis[pair.a]!, kpis[pair.b]!] : [kpis[pair.b]!, kpis[pair.a]!]
    taken.add(pair.a).add(pair.b)
    proposals.push({
      kind: 'retire',
      code: drop.fields.code,
      rationale: `${keep.fields.code} ${keep.fields.name} and ${drop.fields.code} ${drop.fields.name} move together (r = ${fmt(pair.r)} over ${pair.n} common periods): one of them adds no information. Retire ${drop.fields.code}, or keep it and retire ${keep.fields.code} instead.`,
      rule: 'operating.duplicate'
    })
  }
  return proposals
}
