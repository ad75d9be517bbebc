import { describe, expect, it } from 'vitest'
import type { SeriesView } from '../../../../electron/api'
import { dayOf, localMidnight, seriesPoints } from './series-points'

const utc = (day: string) => Date.parse(`${day}T00:00:00Z`)
const local = (day: string) => new Date(`${day}T00:00:00`).getTime()

function view(points: [string, number][], from: string, to: string, exact: boolean): SeriesView {
  return {
    kpiId: 1,
    total: 1_000,
    first: '2026-01-01',
    last: '2026-12-31',
    from,
    to,
    inRange: points.length,
    exact,
    points: points.map(([d, v]) => [utc(d), v])
  }
}

describe('seriesPoints', () => {
  const overview = view(
    [
      ['2026-01-01', 1],
      ['2026-03-01', 9],
      ['2026-06-01', 2],
      ['2026-09-01', 8],
      ['2026-12-31', 3]
    ],
    '2026-01-01',
    '2026-12-31',
    false
  )

  it('draws each day at local midnight, where the date strings used to be drawn', () => {
    expect(seriesPoints(overview, null)[1]).toEqual([local('2026-03-01'), 9])
    expect(localMidnight(utc('1753-01-01'))).toBe(new Date(1753, 0, 1).getTime())
    expect(dayOf(local('2026-03-01') + 23 * 3_600_000)).toBe('2026-03-01')
  })

  it('replaces the zoomed range with its exact points and keeps the envelope on both sides', () => {
    const detail = view(
      [
        ['2026-05-30', 4],
        ['2026-05-31', 5],
        ['2026-06-01', 2],
        ['2026-06-02', 6]
      ],
      '2026-05-30',
      '2026-06-02',
      true
    )
    expect(seriesPoints(overview, detail)).toEqual(
      (
        [
          ['2026-01-01', 1],
          ['2026-03-01', 9],
          ['2026-05-30', 4],
          ['2026-05-31', 5],
          ['2026-06-01', 2],
          ['2026-06-02', 6],
          ['2026-09-01', 8],
          ['2026-12-31', 3]
        ] as const
      ).map(([d, v]) => [local(d), v])
    )
  })

  it('draws nothing before the series is loaded', () => {
    expect(seriesPoints(null, null)).toEqual([])
  })
})
