import { describe, expect, it } from 'vitest'
import { PLAIN_NUMBER, readStrictNumber, shorten, TYPED_NUMBER } from './number'
import { parseNumber, parseTarget } from './target/parse-target'

describe('readStrictNumber', () => {
  it.each([
    ['58.4', 58.4],
    ['1,250', 1250],
    ['1,234,567.5', 1234567.5],
    ['-3', -3],
    ['+7', 7],
    ['６０', 60],
    ['1.2万', 12000],
    ['10K', 10000],
    ['2.5e3', 2500],
    ['1e308', 1e308],
    ['0e-400', 0],
    ['0', 0]
  ])('reads %s as %s', (text, value) => {
    expect(readStrictNumber(text)).toEqual({ ok: true, value })
  })

  it.each([
    ['1,2,3', /group digits by three/],
    ['1,00', /group digits by three/],
    ['1.2.3', /second decimal mark|not a number/],
    ['0x1F', /hexadecimal/],
    ['0b101', /hexadecimal, octal or binary/],
    ['1e-400', /underflows/],
    ['1e400', /too large/],
    ['9'.repeat(400), /too large/],
    ['NaN', /not a number/],
    ['Infinity', /not a number/],
    ['5m', /not a number/],
    ['', /empty/]
  ])('refuses %s', (text, why) => {
    const read = readStrictNumber(text)
    expect(read.ok).toBe(false)
    if (!read.ok) expect(read.reason).toMatch(why)
  })

  it('reads thousands separators only where the style allows them', () => {
    expect(readStrictNumber('1,250', PLAIN_NUMBER).ok).toBe(false)
    expect(readStrictNumber('1.250,5', { thousands: '.', decimal: ',', magnitudes: false })).toEqual({ ok: true, value: 1250.5 })
    expect(readStrictNumber('1,5', { thousands: '.', decimal: ',', magnitudes: false })).toEqual({ ok: true, value: 1.5 })
    expect(readStrictNumber('1.2万', PLAIN_NUMBER).ok).toBe(false)
  })

  it('quotes at most 40 characters of what it refuses', () => {
    const read = readStrictNumber('1,2'.repeat(30_000), TYPED_NUMBER)
    expect(read.ok).toBe(false)
    if (!read.ok) expect(read.reason.length).toBeLessThan(200)
  })

  it('shortens long input with an ellipsis and leaves short input alone', () => {
    expect(shorten('x'.repeat(100_000))).toBe(`${'x'.repeat(80)}…`)
    expect(shorten('short')).toBe('short')
  })

  it('is what parseNumber answers', () => {
    expect(parseNumber('1,2,3')).toBeNull()
    expect(parseNumber('0x1F')).toBeNull()
    expect(parseNumber('1e-400')).toBeNull()
    expect(parseNumber('1,250')).toBe(1250)
  })
})

describe('numbers inside targets', () => {
  it('reads an exponent as part of the number, never as a unit', () => {
    expect(parseTarget('≥ 1e308').parsed).toEqual({ comparator: '>=', value: 1e308, unit: null })
    expect(parseTarget('≥ 2.5e3 users').parsed).toMatchObject({ value: 2500, unit: 'users' })
  })

  it.each([
    ['0x1F', /hexadecimal/],
    ['≥ 1e-400', /underflows/],
    ['≥ 1e400', /too large/],
    [`≥ ${'9'.repeat(400)}`, /too large/],
    ['1,2,3', /group digits/]
  ])('refuses %s with a reason', (text, why) => {
    const target = parseTarget(text)
    expect(target.parsed).toBeNull()
    expect(target.issue).toMatch(why)
    expect(target.issue!.length).toBeLessThan(200)
  })

  it('reads two opposite bounds as a range and refuses contradictory or repeated ones', () => {
    expect(parseTarget('≥ 3% ≤ 5%').parsed).toEqual({ comparator: 'between', value: 3, upper: 5, unit: '%' })
    expect(parseTarget('< 20 ms > 10 ms').parsed).toEqual({ comparator: 'between', value: 10, upper: 20, unit: 'ms' })
    expect(parseTarget('≥ 5% ≤ 3%')).toMatchObject({ parsed: null, issue: expect.stringMatching(/contradict/) })
    expect(parseTarget('≥ 5% ≥ 3%')).toMatchObject({ parsed: null, issue: expect.stringMatching(/same direction/) })
  })

  it('refuses a negative window with a message', () => {
    expect(parseTarget('≥ 60% within -30 days')).toMatchObject({ parsed: null, issue: expect.stringMatching(/window cannot be negative/) })
    expect(parseTarget('-30天内完成率≥90%')).toMatchObject({ parsed: null, issue: expect.stringMatching(/"-30天内"/) })
  })
})
