import { describe, expect, it } from 'vitest'
import type { ResultMapping } from '../../../../electron/domain/result-mapping'
import { fromFormValues, toFormValues } from './mapping-form'

describe('the mapping editor’s fields', () => {
  it('round-trip every kind of mapping the core stores', () => {
    const mappings: (ResultMapping | null)[] = [
      null,
      { scale: 100 },
      {
        value: 'success_rate',
        period: 'date',
        grain: 'day',
        combine: { kind: 'ratio', numerator: 'successful_tasks', denominator: 'total_tasks', factor: 100 }
      },
      { value: 'p95_latency', period: 'day', segment: { column: 'endpoint', value: 'all' } },
      { value: 'mttr_minutes', period: 'month', grain: 'month', combine: { kind: 'weighted', weight: 'incident_count' }, scale: 0.01 },
      { value: 'revenue', period: 'fiscal_quarter', combine: { kind: 'sum' } },
      { rolling: true }
    ]
    for (const mapping of mappings) expect(fromFormValues(toFormValues(mapping))).toEqual(mapping)
  })

  it('drop a grain without a period column and a ratio missing one of its columns', () => {
    const values = toFormValues({ value: 'rate' })
    expect(fromFormValues({ ...values, grain: 'week' })).toEqual({ value: 'rate' })
    expect(fromFormValues({ ...values, combine: 'ratio', numerator: 'done', denominator: null })).toEqual({ value: 'rate' })
    expect(fromFormValues({ ...values, segmentColumn: 'task_type', segmentValue: ' all ' })).toEqual({
      value: 'rate',
      segment: { column: 'task_type', value: 'all' }
    })
  })
})
