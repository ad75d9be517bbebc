import { describe, expect, it } from 'vitest'
import type { KpiFieldsInput } from '../domain/kpi'
import type { Measurement } from '../domain/measurement'
import { analyze } from './analyze'
import { kpi, series, target } from './test-fixtures'
import type { AnalyzerKpi } from './types'

const TEMPLATES: KpiFieldsInput[] = [
  { code: 'U', name: '显著提升用户次日留存', target: target('≥ 60%', { comparator: '>=', value: 60, unit: '%' }) },
  { code: 'T', name: 'API P95 latency', direction: 'lower', target: target('P95 ≤ 500ms', { comparator: '<=', value: 500, unit: 'ms', percentile: 95 }) },
  { code: 'S', name: '工单平均响应时间', direction: 'lower', target: target('响应控制在 30 分钟内', null) },
  { code: 'R', name: 'Improve monthly recurring revenue', target: target('≥ $50,000', { comparator: '>=', value: 50000, unit: '$' }), owner: 'CFO' },
  { code: 'G', name: 'GPU utilisation', direction: 'range', target: target('75% ± 10%', { comparator: '±', value: 75, tolerance: 10, unit: '%' }) }
]

function board(size: number): AnalyzerKpi[] {
  return Array.from({ length: size }, (_, index) => {
    const template = TEMPLATES[index % TEMPLATES.length]!
    return kpi(index + 1, { ...template, code: `KPI-${template.code}${String(index).padStart(4, '0')}`, stage: 'trial' })
  })
}

/** 52 weekly values per KPI around its target: a trend of its own and seeded noise (a few KPIs are near-copies). */
function year(kpis: AnalyzerKpi[]): Map<number, Measurement[]> {
  let seed = 42
  const noise = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648) - 0.5
  const rows = new Map<number, number[]>()
  for (const subject of kpis) {
    const base = subject.fields.target?.parsed?.value ?? 100
    const trend = ((subject.id % 11) - 5) * 0.004
    const copyOf = subject.id % 100 === 0 ? rows.get(subject.id - 1) : undefined
    rows.set(subject.id, copyOf ? copyOf.map((value) => value * 1.1 + noise()) : Array.from({ length: 52 }, (_, week) => base * (0.9 + trend * week + 0.2 * noise())))
  }
  return new Map(kpis.map((subject) => [subject.id, series(subject.id, '2025-01-06', 'week', rows.get(subject.id)!)]))
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now()
  const result = await run()
  return { ms: performance.now() - start, result }
}

describe('analyzer performance', () => {
  const kpis = board(1000)
  const measurements = year(kpis)
  const now = new Date('2026-01-05T00:00:00Z')

  it('lints 1,000 draft KPIs in under 2 s', async () => {
    const { ms, result } = await timed(() => analyze({ stage: 'draft', kpis, measurements: new Map(), now }))
    expect(result).toHaveLength(1000)
    console.info(`draft review of 1,000 KPIs: ${ms.toFixed(0)} ms`)
    expect(ms).toBeLessThan(2000)
  })

  it('reviews a trial of 1,000 KPIs × 52 weekly values in under 3 s', async () => {
    const { ms, result } = await timed(() => analyze({ stage: 'trial', kpis, measurements, now }))
    expect(result.length).toBeGreaterThan(0)
    console.info(`trial review of 1,000 KPIs × 52 weeks: ${ms.toFixed(0)} ms`)
    expect(ms).toBeLessThan(3000)
  })

  it('runs an operating review with pairwise correlation of 1,000 KPIs × 52 weeks in under 5 s', async () => {
    const operating = kpis.map((subject) => ({ ...subject, fields: { ...subject.fields, stage: 'operating' as const } }))
    const { ms, result } = await timed(() => analyze({ stage: 'operating', kpis: operating, measurements, now }))
    expect(result.some((proposal) => proposal.rule === 'operating.duplicate')).toBe(true)
    console.info(`operating review of 1,000 KPIs × 52 weeks: ${ms.toFixed(0)} ms`)
    expect(ms).toBeLessThan(5000)
  })
})
