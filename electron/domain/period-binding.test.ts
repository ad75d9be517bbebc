import { describe, expect, it } from 'vitest'
import { localDay, periodBindings, pullPeriod } from './period-binding'

describe('one period binding', () => {
  it('binds the last complete period of each frequency, start inclusive and end the first day of the next period', () => {
    const today = '2025-12-10'
    const bound = (frequency: 'daily' | 'weekly' | 'monthly' | 'quarterly') => periodBindings(pullPeriod({ frequency }, today))
    expect(bound('daily')).toEqual({ period_start: '2025-12-09', period_end: '2025-12-10' })
    expect(bound('weekly')).toEqual({ period_start: '2025-12-01', period_end: '2025-12-08' })
    expect(bound('monthly')).toEqual({ period_start: '2025-11-01', period_end: '2025-12-01' })
    expect(bound('quarterly')).toEqual({ period_start: '2025-07-01', period_end: '2025-10-01' })
  })

  it('reads a rolling KPI on the day itself, and a KPI without a frequency monthly', () => {
    expect(pullPeriod({ frequency: 'weekly', mapping: { rolling: true } }, '2025-12-10')).toMatchObject({ start: '2025-12-10', end: '2025-12-11' })
    expect(pullPeriod({ frequency: null }, '2026-01-01')).toMatchObject({ start: '2025-12-01', end: '2026-01-01', label: '2025-12' })
  })

  it('takes today from the local calendar, as the app, the browser and the CLI on one machine all read it', () => {
    const late = new Date(2025, 10, 30, 23, 59).getTime()
    expect(localDay(late)).toBe('2025-11-30')
    expect(pullPeriod({ frequency: 'monthly' }, localDay(late + 60_000)).label).toBe('2025-11')
  })
})
