import { describe, expect, it } from 'vitest'
import { analyze } from './analyze'
import { kpi, RETENTION_D1, series, target, valid } from './test-fixtures'

const now = new Date('2026-01-05T00:00:00Z')
const vague = kpi(2, { code: 'KPI-X01', name: 'Enhance onboarding', target: target('better onboarding', null) })

describe('analyze', () => {
  it('runs the rules of the review stage only, in board order', async () => {
    const kpis = [kpi(1, RETENTION_D1), vague]
    const draft = valid(await analyze({ stage: 'draft', kpis, measurements: new Map(), now }))
    expect(draft.map((proposal) => proposal.kind === 'patch' && proposal.code)).toEqual(['KPI-X01'])
    const trial = valid(await analyze({ stage: 'trial', kpis, measurements: new Map([[1, series(1, '2025-11-03', 'week', [61, 62, 60])]]), now }))
    expect(trial.map((proposal) => proposal.rule)).toEqual(['trial.more-data'])
    expect(await analyze({ stage: 'retired', kpis, measurements: new Map(), now })).toEqual([])
  })

  it('gives the same proposals for the same input', async () => {
    const input = { stage: 'draft' as const, kpis: [vague], measurements: new Map(), now }
    expect(await analyze(input)).toEqual(await analyze(input))
  })

  it('rejects nonsensical options with a validation error', async () => {
    const base = { stage: 'trial' as const, kpis: [vague], measurements: new Map(), now }
    await expect(analyze({ ...base, options: { minTrialPoints: 0 } })).rejects.toMatchObject({ code: 'VALIDATION' })
    await expect(analyze({ ...base, options: { trialWindow: { start: '2025-12-01', end: '2025-11-01' } } })).rejects.toMatchObject({ code: 'VALIDATION' })
  })

  it('refuses to start when already cancelled', async () => {
    const controller = new AbortController()
    controller.abort()
    await expect(analyze({ stage: 'draft', kpis: [vague], measurements: new Map(), now, signal: controller.signal })).rejects.toMatchObject({
      code: 'CANCELLED'
    })
  })
})
