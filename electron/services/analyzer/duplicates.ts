import { mean, sampleCorrelation, sampleStandardDeviation } from 'simple-statistics'
import type { Measurement } from '../../domain/measurement'
import type { ProposalDraft } from '../../domain/proposal'
import { say } from './findings'
import { fmt, writesChinese } from './format'
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

/** z-scores of a series with a value in every slot, for a one-pass screen of full pairs; null otherwise. */
function standardised(row: Float64Array): Float64Array | null {
  if (row.length < 2 || row.some(Number.isNaN)) return null
  const values = Array.from(row)
  const spread = sampleStandardDeviation(values)
  if (spread === 0) return null
  const centre = mean(values)
  return row.map((value) => (value - centre) / spread)
}

function commonPoints(rowA: Float64Array, rowB: Float64Array, xs: number[], ys: number[]): void {
  xs.length = 0
  ys.length = 0
  for (let i = 0; i < rowA.length; i++) {
    if (Number.isNaN(rowA[i]!) || Number.isNaN(rowB[i]!)) continue
    xs.push(rowA[i]!)
    ys.push(rowB[i]!)
  }
}

// Pairs of complete series are screened by the dot product of their z-scores (Pearson's r, exactly);
// only candidates, and partial pairs, go through sampleCorrelation.
function correlatedPairs(rows: Float64Array[]): Pair[] {
  const pairs: Pair[] = []
  const xs: number[] = []
  const ys: number[] = []
  const eligible = rows.flatMap((row, index) =>
    row.reduce((count, value) => (Number.isNaN(value) ? count : count + 1), 0) >= DUPLICATE_MIN_PERIODS ? [index] : []
  )
  const zs = rows.map(standardised)
  const screen = (DUPLICATE_R - 1e-9) * ((rows[0]?.length ?? 1) - 1)
  for (let i = 0; i < eligible.length; i++) {
    const a = eligible[i]!
    const za = zs[a]
    for (let j = i + 1; j < eligible.length; j++) {
      const b = eligible[j]!
      const zb = zs[b]
      if (za && zb) {
        let dot = 0
        for (let k = 0; k < za.length; k++) dot += za[k]! * zb[k]!
        if (Math.abs(dot) <= screen) continue
      }
      commonPoints(rows[a]!, rows[b]!, xs, ys)
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
 * The rationale is in the language of the KPI proposed for retirement.
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
    const kept = `${keep.fields.code} ${keep.fields.name}`
    const dropped = `${drop.fields.code} ${drop.fields.name}`
    proposals.push({
      kind: 'retire',
      code: drop.fields.code,
      rationale: say(
        writesChinese(drop),
        `${kept} 与 ${dropped} 同步变化（${pair.n} 个共同周期内 r = ${fmt(pair.r)}），其中一个没有提供额外信息。建议退役 ${drop.fields.code}，或保留它、改为退役 ${keep.fields.code}。`,
        `${kept} and ${dropped} move together (r = ${fmt(pair.r)} over ${pair.n} common periods): one of them adds no information. Retire ${drop.fields.code}, or keep it and retire ${keep.fields.code} instead.`
      ),
      rule: 'operating.duplicate'
    })
  }
  return proposals
}
