import { describe, expect, it } from 'vitest'
import { type AppError } from '../../domain/errors'
import { shapeResult } from './result-shape'

const codeOf = (rows: unknown[][], limit = 10_000): string => {
  try {
    shapeResult(rows, limit)
    return 'ok'
  } catch (error) {
    return (error as AppError).code
  }
}

describe('shapeResult', () => {
  it('turns one numeric cell into a single value whatever the driver type', () => {
    expect(shapeResult([[42]], 10)).toEqual({ kind: 'single', value: 42 })
    expect(shapeResult([[1234n]], 10)).toEqual({ kind: 'single', value: 1234 })
    expect(shapeResult([['96.25']], 10)).toEqual({ kind: 'single', value: 96.25 })
    expect(shapeResult([[{ toDouble: () => 4.35 }]], 10)).toEqual({ kind: 'single', value: 4.35 })
  })

  it('turns (period, number) rows into a sorted series, normalising dates', () => {
    const rows = [
      ['2025-12-01 00:00:00', '310'],
      [new Date('2025-11-01T00:00:00Z'), 250],
      ['2025-10', 180n]
    ]
    expect(shapeResult(rows, 10)).toEqual({
      kind: 'series',
      points: [
        { periodStart: '2025-10-01', value: 180 },
        { periodStart: '2025-11-01', value: 250 },
        { periodStart: '2025-12-01', value: 310 }
      ]
    })
    expect(shapeResult([['2025-11-03 14:00:00', 7]], 10)).toEqual({
      kind: 'series',
      points: [{ periodStart: '2025-11-03T14:00:00', value: 7 }]
    })
  })

  it('reports each unusable result with its own code', () => {
    expect(codeOf([])).toBe('QUERY_NO_ROW')
    expect(codeOf([[null]])).toBe('QUERY_NULL')
    expect(codeOf([['n/a']])).toBe('QUERY_NOT_NUMBER')
    expect(codeOf([[Number.NaN]])).toBe('QUERY_NOT_NUMBER')
    expect(codeOf([[1, 2, 3]])).toBe('QUERY_NOT_NUMBER')
    expect(codeOf([[1], [2]])).toBe('QUERY_TOO_MANY_ROWS')
    expect(
      codeOf([
        ['web', 3],
        ['api', 4]
      ])
    ).toBe('QUERY_TOO_MANY_ROWS')
    expect(
      codeOf(
        [
          ['2025-11-01', 1],
          ['2025-11-02', 2],
          ['2025-11-03', 3]
        ],
        2
      )
    ).toBe('QUERY_TOO_MANY_ROWS')
    expect(codeOf([['2025-11-01', null]])).toBe('QUERY_NULL')
  })
})
