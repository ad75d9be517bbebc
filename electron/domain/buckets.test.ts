import { describe, expect, it } from 'vitest'
import { bucketMinutes, lastCompleteBucket, missingBuckets } from './buckets'
import { duePeriods, previewPeriod } from './period-binding'

const now = Date.parse('2025-12-10T09:07:30Z')

describe('buckets', () => {
  it('gives hourly KPIs an hour and real-time KPIs their source’s interval (5 minutes unless set), calendar KPIs none', () => {
    expect([
      bucketMinutes('hourly', 15),
      bucketMinutes('realtime', null),
      bucketMinutes('realtime', 15),
      bucketMinutes('realtime', 7),
      bucketMinutes('daily')
    ]).toEqual([60, 5, 15, 5, null])
    expect(lastCompleteBucket(now, 5)).toEqual({ start: '2025-12-10T09:00:00Z', end: '2025-12-10T09:05:00Z' })
  })

  it('fills the complete buckets after the newest stored one, never more than the last 24 hours', () => {
    expect(missingBuckets(now, 60, '2025-12-10T06:00:00Z').map((b) => b.start)).toEqual([
      '2025-12-10T06:00:00Z',
      '2025-12-10T07:00:00Z',
      '2025-12-10T08:00:00Z'
    ])
    expect(missingBuckets(now, 60, '2025-12-10T09:00:00Z')).toEqual([])
    const week = missingBuckets(now, 5, '2025-12-03T00:00:00Z')
    expect(week).toHaveLength(288)
    expect(week[0]!.start).toBe('2025-12-09T09:05:00Z')
    expect(missingBuckets(now, 60, null)).toHaveLength(24)
  })

  it('binds the same bucket for the pull, the schedule and the preview; rolling and calendar KPIs keep their day', () => {
    expect(duePeriods({ frequency: 'hourly' }, now, [{ start: '2025-12-10T07:00:00Z', end: '2025-12-10T08:00:00Z' }])).toEqual([
      { start: '2025-12-10T08:00:00Z', end: '2025-12-10T09:00:00Z' }
    ])
    expect(previewPeriod({ frequency: 'realtime' }, now, 15)).toEqual({ start: '2025-12-10T08:45:00Z', end: '2025-12-10T09:00:00Z' })
    expect(previewPeriod({ frequency: 'hourly', mapping: { rolling: true } }, now)).toMatchObject({ grain: 'day' })
    expect(duePeriods({ frequency: 'daily' }, now, [])).toHaveLength(1)
  })
})
