import { describe, expect, it } from 'vitest'
import { issueText, TARGET_ISSUE_TEXT, type TargetIssueCode } from './issues'
import { parseTarget, targetIssues } from './parse-target'

// Texts the parser sets aside or refuses, each for a different reason.
const TROUBLED = [
  '',
  'TBD',
  '≥ 5% ≥ 3%',
  '≥ 5% ≤ 3%',
  '≥ B级',
  '用户满意',
  '提升并降低 5%',
  '50 and 60',
  'between 5%',
  '5% - 3%',
  '5m',
  '$5 ¥',
  '1,2,3 users',
  '约 50%',
  'from 24% to 30%',
  '≥ 60%用户使用≥3个核心功能',
  '-3个月内 达到 10%',
  '每月 1000 每周',
  'P95 P99 < 3s',
  '≥ 99% (by Q3 2026)'
]

describe('target issues by code', () => {
  it('word the stored English issue exactly as the code and its quoted words say', () => {
    for (const text of TROUBLED) {
      const issue = parseTarget(text).issue
      const issues = targetIssues(text)
      expect(issue === undefined ? [] : [issue], text).toEqual(issues.length ? [issueText(issues, 'stored')] : [])
    }
  })

  it('say every issue the troubled texts raise in Chinese, with every quoted word filled in', () => {
    const seen = new Set<TargetIssueCode>()
    for (const text of TROUBLED) {
      for (const issue of targetIssues(text)) {
        seen.add(issue.code)
        const zh = issueText([issue], 'zh-CN')
        expect(zh, `${text}: ${issue.code}`).toMatch(/[\u4e00-\u9fff]/)
        expect(zh).not.toContain('{{')
      }
    }
    // The list above reaches most codes, so the Chinese sentences are exercised, not only present.
    expect(seen.size).toBeGreaterThanOrEqual(10)
  })

  it('have a sentence in both languages for every code, quoting the same words', () => {
    const words = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()
    for (const code of Object.keys(TARGET_ISSUE_TEXT.en) as TargetIssueCode[]) {
      expect(TARGET_ISSUE_TEXT['zh-CN'][code], code).toMatch(/[\u4e00-\u9fff]/)
      expect(words(TARGET_ISSUE_TEXT['zh-CN'][code]), code).toEqual(words(TARGET_ISSUE_TEXT.en[code]))
    }
  })
})
