import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import type { PullResult } from '../../../../electron/api'
import { resources } from '../../i18n'
import { resultMessage } from './pull-message'

const result = (more: Partial<PullResult>): PullResult => ({ kpiId: 1, code: 'KPI-1', outcome: 'pulled', stored: 0, values: [], ...more })
const value = { periodStart: '2026-11-01', periodEnd: '2026-12-01', value: 42 }

describe('resultMessage', () => {
  it('says why a KPI was skipped, and that a re-pull found nothing new, in the UI language', async () => {
    const zh = i18next.createInstance()
    await zh.init({ lng: 'zh-CN', resources })
    const en = i18next.createInstance()
    await en.init({ lng: 'en', resources })
    const skipped = result({ outcome: 'skipped', skipReason: 'manual', message: 'manual entry' })
    expect(resultMessage(skipped, zh.t)).toBe('手工录入')
    expect(resultMessage(skipped, en.t)).toBe('Entered by hand')
    const same = result({ values: [value, value], stored: 1 })
    expect(resultMessage(same, zh.t)).toBe('与已保存的数值相同：1 个周期')
    expect(resultMessage(same, en.t)).toBe('Same as already stored: 1')
    expect(resultMessage(result({ values: [value], stored: 1 }), en.t)).toBe('')
    const gaps = result({ values: [value], stored: 1, empty: [{ periodStart: '2026-10-01', periodEnd: '2026-11-01' }] })
    expect(resultMessage(gaps, en.t)).toBe('Periods with no value (NULL), not stored: 1')
    expect(resultMessage(gaps, zh.t)).toBe('1 个周期没有数值（NULL），未保存')
    expect(resultMessage(result({ values: [value], stored: 1, asOf: '2026-12-03T09:30:00.000Z' }), zh.t)).toBe('滚动指标：截至 2026-12-03 09:30（UTC）')
    expect(resultMessage(result({ outcome: 'failed', errorCode: 'QUERY_NULL', message: 'AVG() over no rows' }), zh.t)).toMatch(/AVG\(\) over no rows$/)
  })
})
