import { describe, expect, it } from 'vitest'
import { AppError } from './errors'
import { describePeriod, grainOf, parsePeriodLabel, periodContaining, readPeriodLabel } from './period'

describe('period labels', () => {
  it('reads a day, an ISO week, a month and a quarter as [start, end) dates', () => {
    expect(parsePeriodLabel('2025-11-03')).toEqual({ start: '2025-11-03', end: '2025-11-04', grain: 'day', label: '2025-11-03' })
    expect(parsePeriodLabel('2025-W47')).toEqual({ start: '2025-11-17', end: '2025-11-24', grain: 'week', label: '2025-W47' })
    expect(parsePeriodLabel('2025-11')).toEqual({ start: '2025-11-01', end: '2025-12-01', grain: 'month', label: '2025-11' })
    expect(parsePeriodLabel(' 2025-q4 ')).toEqual({ start: '2025-10-01', end: '2026-01-01', grain: 'quarter', label: '2025-Q4' })
  })

  it('follows ISO 8601 across year ends: week 1 holds the first Thursday, some years have a week 53', () => {
    expect(parsePeriodLabel('2026-W01')).toMatchObject({ start: '2025-12-29', end: '2026-01-05' })
    expect(parsePeriodLabel('2020-W53')).toMatchObject({ start: '2020-12-28', end: '2021-01-04' })
    expect(readPeriodLabel('2025-W53')).toBeNull()
    expect(periodContaining('2027-01-01', 'week').label).toBe('2026-W53')
    expect(periodContaining('2024-12-30', 'week').label).toBe('2025-W01')
  })

  it('refuses what is no period with a coded error naming the accepted forms', () => {
    for (const text of ['2025-13', '2025-02-30', '2025-Q5', 'November', '2025-W00', '']) {
      expect(() => parsePeriodLabel(text), text).toThrow(AppError)
    }
    expect(() => parsePeriodLabel('next month')).toThrow(/2025-W47/)
  })

  it('names the grain of an exact period and shows any other range as dates', () => {
    expect(grainOf({ start: '2025-10-01', end: '2026-01-01' })).toBe('quarter')
    expect(grainOf({ start: '2025-11-17', end: '2025-11-24' })).toBe('week')
    expect(grainOf({ start: '2025-11-18', end: '2025-11-25' })).toBeNull()
    expect(describePeriod({ start: '2025-11-01', end: '2025-12-01' })).toBe('2025-11')
    expect(describePeriod({ start: '2025-01-01', end: '2025-12-31' })).toBe('2025-01-01 → 2025-12-31')
  })
})
