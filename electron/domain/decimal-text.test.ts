import { describe, expect, it } from 'vitest'
import { groupedDecimal } from './decimal-text'

const formats = new Map<number, Intl.NumberFormat>()
const intl = (value: number, decimals: number) => {
  if (!formats.has(decimals)) formats.set(decimals, new Intl.NumberFormat('en-US', { maximumFractionDigits: decimals }))
  return formats.get(decimals)!.format(value)
}

describe('groupedDecimal prints what Intl.NumberFormat en-US prints', () => {
  it.each([
    [0, 6],
    [-0, 6],
    [0.5, 0],
    [1.5, 0],
    [2.5, 0],
    [-2.5, 0],
    [1.005, 2],
    [0.0000005, 6],
    [0.0000004, 6],
    [-0.0000001, 6],
    [0.000000001, 6],
    [999999.9999999, 6],
    [999.5, 0],
    [99.95, 1],
    [1e21, 2],
    [1.5e-7, 6],
    [123456789.123456789, 6],
    [1234567, 0],
    [39.62264151, 1],
    [0.0123, 4],
    [NaN, 2],
    [Infinity, 2],
    [-Infinity, 2]
  ])('%s with at most %s decimals', (value, decimals) => {
    expect(groupedDecimal(value, decimals)).toBe(intl(value, decimals))
  })

  it('agrees on 20,000 numbers of every size, sign and precision', () => {
    let seed = 7
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    const misses: string[] = []
    for (let i = 0; i < 20_000; i++) {
      const magnitude = 10 ** Math.floor(random() * 30 - 12)
      const raw = (random() - 0.3) * magnitude
      // Some values on exact decimal boundaries (x.5, x.05 …), where rounding rules differ.
      const value = i % 4 === 0 ? Math.round(raw * 1000) / 1000 + (i % 8 === 0 ? 0.5 : 0.005) : raw
      const decimals = Math.floor(random() * 7)
      if (groupedDecimal(value, decimals) !== intl(value, decimals)) misses.push(`${value} (${decimals}): ${groupedDecimal(value, decimals)} vs ${intl(value, decimals)}`)
    }
    expect(misses.slice(0, 10)).toEqual([])
  })
})
