import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkFormula, createConnector, type Connector } from '../../electron/services/connectors'
import { kpiFieldsSchema, STAGES } from '../../electron/domain/kpi'
import { DEMO_KPIS, demoKpis } from './demo-kpis'
import { generateDemoWarehouse } from './generate'

const dir = mkdtempSync(path.join(os.tmpdir(), 'kpi-demo-kpis-'))
const file = path.join(dir, 'demo.duckdb')
let demo: Connector

beforeAll(async () => {
  await generateDemoWarehouse(file, { endDate: '2026-06-30' })
  demo = createConnector({ kind: 'duckdb', url: `duckdb://${file}` })
}, 120_000)

afterAll(async () => {
  await demo.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('DEMO_KPIS', () => {
  it.each(['zh-CN', 'en'] as const)('is a valid board in %s spanning every forward stage, with unique codes', (locale) => {
    const kpis = demoKpis(locale)
    expect(kpis.length).toBeGreaterThanOrEqual(12)
    for (const kpi of kpis) expect(() => kpiFieldsSchema.parse(kpi), kpi.code).not.toThrow()
    expect(new Set(kpis.map((k) => k.code)).size).toBe(kpis.length)
    expect(new Set(kpis.map((k) => k.stage))).toEqual(new Set(STAGES.filter((s) => s !== 'retired')))
    const drafts = kpis.filter((k) => k.stage === 'draft')
    expect(drafts.length).toBeGreaterThanOrEqual(2)
    for (const draft of drafts) expect(draft.target?.parsed ?? null, draft.code).toBeNull()
    for (const kpi of kpis.filter((k) => k.stage !== 'draft')) {
      expect(kpi.target?.parsed, kpi.code).toBeTruthy()
      expect(kpi.owner && kpi.frequency, kpi.code).toBeTruthy()
    }
  })

  it('is written in one language each: Chinese names, notes and targets for zh-CN, no Chinese at all in English', () => {
    const words = (k: ReturnType<typeof demoKpis>[number]) =>
      [k.name, k.description, k.category, k.owner, k.notes, k.target?.text, k.alertThresholds?.text, ...(k.milestones ?? []).map((m) => m.label)]
        .filter(Boolean)
        .join(' ')
    for (const kpi of demoKpis('zh-CN')) expect(kpi.name, kpi.code).toMatch(/[\u4e00-\u9fff]/)
    for (const kpi of demoKpis('en')) expect(words(kpi), kpi.code).not.toMatch(/[\u3000-\u9fff\uff00-\uffef]/)
    expect(demoKpis('en').map((k) => k.formula)).toEqual(demoKpis('zh-CN').map((k) => k.formula))
  })

  it.each(DEMO_KPIS.map((k) => [k.code, k] as const))('%s passes the formula guard and reads demo tables', (_code, kpi) => {
    expect(kpi.dataSource).toBe('demo')
    const check = checkFormula(kpi.formula!, 'duckdb')
    expect(check.tables.length, kpi.code).toBeGreaterThan(0)
    expect(kpi.formula).toContain(':period_end')
  })

  it('returns a finite number for every KPI in two different months and in a week', async () => {
    const periods = [
      { start: '2026-03-01', end: '2026-04-01' },
      { start: '2026-06-01', end: '2026-07-01' },
      { start: '2026-06-08', end: '2026-06-15' }
    ]
    for (const kpi of DEMO_KPIS) {
      const values: number[] = []
      for (const period of periods) {
        const result = await demo.runFormula(kpi.formula!, period)
        expect(result.kind, kpi.code).toBe('single')
        if (result.kind === 'single') {
          expect(Number.isFinite(result.value), `${kpi.code} ${period.start}`).toBe(true)
          values.push(result.value)
        }
      }
      expect(
        values.some((v) => v !== 0),
        kpi.code
      ).toBe(true)
    }
  }, 60_000)
})
