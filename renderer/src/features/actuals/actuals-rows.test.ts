import { describe, expect, it } from 'vitest'
import { periodOf } from './actuals-rows'

describe('periodOf', () => {
  it('turns a picked month, day or range into [start, end) bounds, as the CLI’s --period binds them', () => {
    expect(periodOf('month', '2026-02-14')).toEqual({ periodStart: '2026-02-01', periodEnd: '2026-03-01' })
    expect(periodOf('day', '2026-03-09')).toEqual({ periodStart: '2026-03-09', periodEnd: '2026-03-10' })
    expect(periodOf('range', '2026-03-02', '2026-03-08')).toEqual({ periodStart: '2026-03-02', periodEnd: '2026-03-09' })
  })
})
