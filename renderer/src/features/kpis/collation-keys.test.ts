import { describe, expect, it } from 'vitest'
import { collationKeys, sortTexts } from './collation-keys'

/** Sorts by the keys alone, the way the board does: plain `<`, no collator. */
function byKeys(values: string[], locale: string): string[] {
  const keys = collationKeys(values, locale)
  return values
    .map((value, i) => ({ value, key: keys[i]! }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((e) => e.value)
}

const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0)

describe('collationKeys', () => {
  it('orders numbers inside names by value: KPI-2 before KPI-10, 007 equal to 7', () => {
    expect(byKeys(['KPI-10', 'KPI-2', 'KPI-1', 'KPI-100', 'KPI-9'], 'en')).toEqual(['KPI-1', 'KPI-2', 'KPI-9', 'KPI-10', 'KPI-100'])
    expect(byKeys(['v1.10', 'v1.9', 'v1.2', 'v10.0'], 'zh-CN')).toEqual(['v1.2', 'v1.9', 'v1.10', 'v10.0'])
    const [padded, plain] = collationKeys(['KPI-007', 'KPI-7'], 'en')
    expect(padded).toBe(plain)
  })

  it('orders Chinese names by pinyin in zh-CN (before Latin, as the zh collation does), English names ignoring case', () => {
    expect(byKeys(['张伟', 'weekly active users', '李娜', 'Apdex', '阿里云', 'nps', '北京'], 'zh-CN')).toEqual([
      '阿里云',
      '北京',
      '李娜',
      '张伟',
      'Apdex',
      'nps',
      'weekly active users'
    ])
    const [upper, lower] = collationKeys(['SLA achievement', 'sla Achievement'], 'zh-CN')
    expect(upper).toBe(lower)
  })

  it('follows the UI locale: English collates Chinese characters in Unicode order, not by pinyin', () => {
    const zh = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' })
    const en = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })
    const names = ['张伟', '李娜', '阿里云', '北京']
    expect(byKeys(names, 'zh-CN')).toEqual([...names].sort(zh.compare))
    expect(byKeys(names, 'en')).toEqual([...names].sort(en.compare))
    expect(byKeys(names, 'en')).not.toEqual(byKeys(names, 'zh-CN'))
  })

  it('agrees with Intl.Collator on every pair of generated mixed zh/en names', () => {
    const alphabet = [
      '指',
      '标',
      '用',
      '户',
      '活',
      '跃',
      '率',
      '张',
      '李',
      '阿',
      'a',
      'B',
      'é',
      'e',
      'Z',
      ' ',
      '-',
      '_',
      '(',
      '0',
      '1',
      '2',
      '9',
      '%',
      '😀',
      'Ｋ'
    ]
    let seed = 19
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648
    const names = Array.from({ length: 300 }, () =>
      Array.from({ length: 1 + Math.floor(next() * 8) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('')
    )
    for (const locale of ['zh-CN', 'en']) {
      const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' })
      const keys = collationKeys(names, locale)
      const disagreements: string[] = []
      for (let i = 0; i < names.length; i++) {
        for (let j = i + 1; j < names.length; j++) {
          const byKey = keys[i]! < keys[j]! ? -1 : keys[i]! > keys[j]! ? 1 : 0
          if (byKey !== sign(collator.compare(names[i]!, names[j]!))) disagreements.push(`${names[i]} / ${names[j]}`)
        }
      }
      expect(disagreements.slice(0, 5), locale).toEqual([])
    }
  })

  it('keeps keys comparable when later boards bring characters the locale has not ranked yet', () => {
    const first = collationKeys(['指标 2', '指标 10'], 'zh-CN')
    expect(first[0]! < first[1]!).toBe(true)
    expect(byKeys(['鑫', '指标', '爱', 'Alpha'], 'zh-CN')).toEqual(['爱', '鑫', '指标', 'Alpha'])
  })
})

describe('sortTexts', () => {
  it('puts empty and blank values last', () => {
    expect(sortTexts(['', '张伟', ' ', '李娜'], 'zh-CN')).toEqual(['李娜', '张伟', '', ' '])
  })
})
