import { describe, expect, it } from 'vitest'
import { AppError } from './errors'
import { formatMapping, parseMapping, type ResultMapping } from './result-mapping'

describe('result mapping text', () => {
  it('reads the one-line form the README documents and writes it back unchanged', () => {
    const text = 'value=success_rate; period=date:day; segment=task_type=all; combine=ratio(successful_tasks/total_tasks*100); scale=0.01'
    const mapping = parseMapping(text)
    expect(mapping).toEqual({
      value: 'success_rate',
      period: 'date',
      grain: 'day',
      segment: { column: 'task_type', value: 'all' },
      combine: { kind: 'ratio', numerator: 'successful_tasks', denominator: 'total_tasks', factor: 100 },
      scale: 0.01
    })
    expect(formatMapping(mapping)).toBe(text)
  })

  it('accepts JSON, bare flags and an empty text that clears the mapping', () => {
    const json: ResultMapping = { value: 'mttr_minutes', combine: { kind: 'weighted', weight: 'incident_count' }, rolling: true }
    expect(parseMapping(JSON.stringify(json))).toEqual(json)
    expect(parseMapping('rolling')).toEqual({ rolling: true })
    expect(parseMapping('value=nps; combine=sum; scale=×100')).toEqual({ value: 'nps', combine: { kind: 'sum' }, scale: 100 })
    expect(parseMapping('  ')).toBeNull()
    expect(parseMapping('rolling=false')).toBeNull()
    expect(formatMapping({ grain: 'month' })).toBe('grain=month')
  })

  it('refuses unknown keys, grains and combinations with a message naming the mapping', () => {
    for (const text of ['colour=blue', 'period=week:fortnight', 'combine=avg', 'segment=all', 'scale=-1', '{"value": 3}', '{not json']) {
      expect(() => parseMapping(text), text).toThrow(AppError)
    }
    expect(() => parseMapping('combine=avg')).toThrow(/sum, ratio/)
  })
})
