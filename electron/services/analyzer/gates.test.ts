import { describe, expect, it } from 'vitest'
import { gateChecklist } from './gates'
import { kpi, RETENTION_D1, target } from './test-fixtures'

const failing = (items: { id: string; ok: boolean }[]) => items.filter((item) => !item.ok).map((item) => item.id)

describe('gateChecklist', () => {
  it('lets a fully specified PRD KPI leave draft', () => {
    expect(failing(gateChecklist(kpi(1, RETENTION_D1).fields, 'feasibility', { measurementCount: 0 }))).toEqual([])
  })

  it('names every missing piece of a vague draft', () => {
    const vague = kpi(2, { code: 'KPI-X01', name: 'Improve onboarding', target: target('make it better', null) }).fields
    expect(failing(gateChecklist(vague, 'feasibility', { measurementCount: 0 }))).toEqual([
      'gate.target-structured',
      'gate.formula',
      'gate.data-source',
      'gate.frequency',
      'gate.owner'
    ])
  })

  it('accepts the unit from the unit field when the parsed target has none, and a prose definition as formula', () => {
    const nps = kpi(3, {
      code: 'KPI-U011',
      name: '净推荐值 (NPS)',
      description: '推荐者百分比 - 贬损者百分比',
      dataSource: 'NPS 调研',
      frequency: 'monthly',
      owner: '产品经理',
      target: target('≥ 40', { comparator: '>=', value: 40, unit: null }),
      unit: 'score'
    }).fields
    expect(failing(gateChecklist(nps, 'feasibility', { measurementCount: 0 }))).toEqual([])
    expect(failing(gateChecklist({ ...nps, unit: '' }, 'feasibility', { measurementCount: 0 }))).toEqual(['gate.target-structured'])
  })

  it('needs a running formula or manual entry to start the trial', () => {
    const fields = kpi(1, RETENTION_D1).fields
    expect(failing(gateChecklist(fields, 'trial', { measurementCount: 0, formulaRuns: false }))).toEqual(['gate.formula-runs'])
    expect(failing(gateChecklist(fields, 'trial', { measurementCount: 0, formulaRuns: true }))).toEqual([])
    expect(failing(gateChecklist(fields, 'trial', { measurementCount: 0, manualEntry: true }))).toEqual([])
    expect(failing(gateChecklist({ ...fields, dataSource: 'manual' }, 'trial', { measurementCount: 0 }))).toEqual([])
  })

  it('needs enough trial points and the user’s confirmation to launch', () => {
    const fields = kpi(1, RETENTION_D1).fields
    expect(failing(gateChecklist(fields, 'launched', { measurementCount: 2 }))).toEqual(['gate.trial-points', 'gate.target-confirmed'])
    expect(failing(gateChecklist(fields, 'launched', { measurementCount: 3, targetConfirmed: true }))).toEqual([])
    const strict = gateChecklist(fields, 'launched', { measurementCount: 4, minTrialPoints: 5, targetConfirmed: true })
    expect(failing(strict)).toEqual(['gate.trial-points'])
    expect(strict[0]!.label).toContain('5')
  })

  it('opens operating automatically and has no gate into draft or retired', () => {
    expect(failing(gateChecklist(kpi(1, RETENTION_D1).fields, 'operating', { measurementCount: 0 }))).toEqual([])
    expect(gateChecklist(kpi(1, RETENTION_D1).fields, 'draft', { measurementCount: 0 })).toEqual([])
    expect(gateChecklist(kpi(1, RETENTION_D1).fields, 'retired', { measurementCount: 0 })).toEqual([])
  })
})
