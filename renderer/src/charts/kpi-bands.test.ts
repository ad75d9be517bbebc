import { describe, expect, it } from 'vitest'
import { targetBands, targetLines } from './kpi-bands'

describe('targetBands', () => {
  it('colours a higher-is-better target red below 80% and yellow below 90% by default', () => {
    expect(targetBands({ comparator: '>=', value: 60, unit: '%' }, 'higher', null)).toEqual([
      { level: 'red', from: null, to: 48 },
      { level: 'yellow', from: 48, to: 54 },
      { level: 'green', from: 54, to: null }
    ])
  })

  it('uses an absolute red value when the thresholds name one', () => {
    const bands = targetBands({ comparator: '>=', value: 60, unit: '%' }, 'higher', { redRatio: 0.8, yellowRatio: 0.9, redValue: 50 })
    expect(bands[0]).toEqual({ level: 'red', from: null, to: 50 })
    expect(bands[1]).toEqual({ level: 'yellow', from: 50, to: 54 })
  })

  it('mirrors for lower-is-better: green under the target, red above target / redRatio', () => {
    const bands = targetBands({ comparator: '<=', value: 500, unit: 'ms', percentile: 95 }, 'lower', { redRatio: 0.8, yellowRatio: 0.9 })
    expect(bands.map((b) => b.level)).toEqual(['green', 'yellow', 'red'])
    expect(bands[0]?.to).toBeCloseTo(555.56, 1)
    expect(bands[2]?.from).toBe(625)
  })

  it('gives a range target a green middle with yellow and red on both sides', () => {
    const bands = targetBands({ comparator: '±', value: 75, tolerance: 10, unit: '%' }, 'range', null)
    expect(bands.map((b) => b.level)).toEqual(['red', 'yellow', 'green', 'yellow', 'red'])
    expect(bands[2]).toEqual({ level: 'green', from: 65, to: 85 })
    expect(bands[1]?.from).toBeCloseTo(61, 6)
    expect(bands[3]?.to).toBeCloseTo(89, 6)
  })

  it('follows the declared direction for a bare = target', () => {
    expect(targetBands({ comparator: '=', value: 10, unit: null }, 'lower', null)[0]?.level).toBe('green')
    expect(targetBands({ comparator: '=', value: 10, unit: null }, 'higher', null)[0]?.level).toBe('red')
  })
})

describe('targetLines', () => {
  it('draws both edges of between and ± targets', () => {
    expect(targetLines({ comparator: 'between', value: 90, upper: 70, unit: '%' })).toEqual([70, 90])
    expect(targetLines({ comparator: '±', value: 75, tolerance: 10, unit: '%' })).toEqual([65, 85])
    expect(targetLines({ comparator: '>=', value: 4.2, unit: 'score', scale: 5 })).toEqual([4.2])
  })
})
