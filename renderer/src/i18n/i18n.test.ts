import { describe, expect, it } from 'vitest'
import { ERROR_CODES } from '../../../electron/domain/errors'
import { en } from './en'
import { pickLocale } from './locale'
import { zhCN } from './zh-CN'

function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (typeof child === 'string') out.set(prefix + key, child)
    else for (const [k, v] of leaves(child, `${prefix}${key}.`)) out.set(k, v)
  }
  return out
}

describe('translations', () => {
  it('give every error code a message in both languages', () => {
    for (const code of ERROR_CODES) {
      expect(en.errors[code], code).toBeTruthy()
      expect(zhCN.errors[code], code).toMatch(/[\u4e00-\u9fff]/)
    }
  })

  it('use the same interpolation variables in Chinese as in English', () => {
    const zh = leaves(zhCN)
    for (const [key, text] of leaves(en)) {
      const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()
      expect(vars(zh.get(key) ?? ''), key).toEqual(vars(text))
    }
  })
})

describe('pickLocale', () => {
  it('follows a Chinese OS until the user saves a choice', () => {
    expect(pickLocale(null, 'zh-TW')).toBe('zh-CN')
    expect(pickLocale(null, 'en-GB')).toBe('en')
    expect(pickLocale(null, undefined)).toBe('en')
    expect(pickLocale('en', 'zh-CN')).toBe('en')
    expect(pickLocale('fr', 'zh-CN')).toBe('zh-CN')
  })
})
