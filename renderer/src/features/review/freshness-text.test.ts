import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import type { KpiStatus } from '../../../../electron/api'
import { freshnessOf } from '../../../../electron/domain/freshness'
import { resources } from '../../i18n'
import { freshnessDetail, freshnessLabel, spanText, staleNow } from './freshness-text'

const end = Date.parse('2026-01-05T09:05:00Z')
const status = { lastValueAt: end + 30_000, freshness: freshnessOf('realtime', '2026-01-05T09:05:00Z', 5) } as KpiStatus

describe('freshness text', () => {
  beforeAll(() => i18next.init({ resources, lng: 'en', interpolation: { escapeValue: false } }))
  const t = (key: string, options?: Record<string, unknown>) => i18next.t(key, options)

  it('reads the age of the newest value against the interval, stale from two missing 5-minute buckets on', async () => {
    expect(freshnessLabel(status, end + 3 * 60_000, t)).toBe('Last value 3 min ago')
    expect(staleNow(status, end + 9 * 60_000)).toBe(false)
    expect(staleNow(status, end + 10 * 60_000)).toBe(true)
    expect(freshnessLabel(status, end + 25 * 60_000, t)).toMatch(/^Stale since \d\d:\d\d · Last value 25 min ago$/)
    expect(freshnessDetail(status, t)).toMatch(/^one value every 5 min, stale after 2 without one · stored /)
    expect([spanText(3 * 3_600_000, t), spanText(9 * 86_400_000, t)]).toEqual(['3 h', '9 d'])
    await i18next.changeLanguage('zh-CN')
    expect(freshnessLabel(status, end + 3 * 60_000, t)).toBe('最新数值 3 分钟前')
    expect(freshnessLabel({ ...status, freshness: { ...status.freshness, lastDataAt: null } }, end, t)).toBeNull()
  })
})
