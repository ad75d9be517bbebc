import type { Random } from './random'

/** A number with the value it must read as: plain, grouped by thousands, with decimals or an exponent in range. */
export function canonicalNumber(r: Random): { text: string; value: number } {
  const whole = r.int(0, 2_000_000_000)
  const cents = r.int(0, 99)
  switch (r.int(0, 4)) {
    case 0:
      return { text: String(whole), value: whole }
    case 1:
      return { text: whole.toLocaleString('en-US'), value: whole }
    case 2:
      return { text: `${whole.toLocaleString('en-US')}.${String(cents).padStart(2, '0')}`, value: Number(`${whole}.${String(cents).padStart(2, '0')}`) }
    case 3: {
      const exponent = r.int(-300, 300)
      return { text: `${cents + 1}e${exponent}`, value: Number(`${cents + 1}e${exponent}`) }
    }
    default:
      return { text: `-${whole}`, value: -whole }
  }
}

/** A number that must be refused whatever the column: hex, ambiguous separators, exponents out of range, NaN. */
export function hostileNumber(r: Random): string {
  const a = r.int(1, 999)
  switch (r.int(0, 8)) {
    case 0:
      return `0x${r.int(1, 0xffffff).toString(16).toUpperCase()}`
    case 1:
      return `${a},${r.int(0, 99)},${r.int(0, 9)}`
    case 2:
      return `${a}e-${r.int(330, 999)}`
    case 3:
      return `${a}e${r.int(309, 999)}`
    case 4:
      return '9'.repeat(r.int(310, 400))
    case 5:
      return `${a}.${r.int(0, 99)}.${r.int(0, 99)}`
    case 6:
      return r.pick(['NaN', 'Infinity', '-Infinity', '1/0', '∞'])
    case 7:
      return `${a},${String(r.int(0, 99)).padStart(r.pick([1, 2]), '0')}`
    default:
      return `0b${r.int(1, 255).toString(2)}`
  }
}

const COMPARATORS = ['≥ ', '≤ ', '> ', '< ', '', '达到', 'at least ', '>= ', '不超过']
const UNITS = ['%', ' ms', 's', ' users', '元', '', ' 分钟', ' MAU', 'e308']
const TAILS = ['', ' within 30 days', ' within -30 days', ' 每月', ' per month', '（第一年）', ' by Q2', '-30天内', ' ± 2']

/** A target as people (and broken exports) write them, some of them with numbers that must never be half-read. */
export function oddTarget(r: Random): { text: string; hostile: boolean; negativeWindow: boolean } {
  const hostile = r.next() < 0.35
  let number = hostile ? hostileNumber(r) : canonicalNumber(r).text
  // Words such as NaN or ∞ are not numbers a target could read at all; a target keeps only numeric forms.
  while (hostile && !/^[-\d]/.test(number)) number = hostileNumber(r)
  const tail = r.pick(TAILS)
  const text = `${r.pick(COMPARATORS)}${number}${r.pick(UNITS)}${tail}`
  return { text, hostile, negativeWindow: tail.includes('-30') }
}

/** Lines a hostile PRD repeats to nest deep: quotes, lists, indentation, brackets, emphasis, HTML. */
export function deepNesting(r: Random, depth: number): string {
  switch (r.int(0, 6)) {
    case 0:
      return `${'> '.repeat(depth)}转化率 ≥ 5%`
    case 1:
      return `${'- '.repeat(depth)}retention ≥ 40%`
    case 2:
      return Array.from({ length: Math.min(depth, 2000) }, (_, i) => `${'  '.repeat(i)}- level ${i} ≥ ${i % 90}%`).join('\n')
    case 3:
      return `${'['.repeat(depth)}x${']'.repeat(depth)}`
    case 4:
      return `${'*'.repeat(depth)}x${'_'.repeat(depth)}`
    case 5:
      return `${'<div>'.repeat(depth)}x`
    default:
      return Array.from({ length: Math.min(depth, 2000) }, (_, i) => `${'>'.repeat(i + 1)} level ${i}`).join('\n')
  }
}

export const SAMPLE_PRD = `# 结账改版 PRD

## 成功指标

- 结账转化率: ≥ 35%
- 支付耗时: P95 ≤ 2s
- 月活跃用户: 6个月内达到1,000 MAU

| 指标 | 目标值 |
|------|--------|
| 退款率 | ≤ 2% |
| NPS | ≥ 40 |
`
