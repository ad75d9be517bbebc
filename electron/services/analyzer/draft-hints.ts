import type { Comparator, Direction, Frequency, KpiFields, ParsedTarget } from '../../domain/kpi'
import { say } from './findings'
import { PERIOD_ZH } from './format'

const VAGUE_CHINESE = ['提升', '优化', '显著', '尽量', '尽可能', '大幅', '改善', '更好', '明显']
const VAGUE_ENGLISH =
  /\b(?:improv(?:e|es|ed|ing|ement)|better|significant(?:ly)?|enhanc(?:e|es|ed|ing|ement)|optimi[sz](?:e|es|ed|ing|ation)|as much as possible)\b/gi

/** Vague words (提升, 优化, improve, significant …) found in a text, in order of appearance, unique. */
export function vagueWords(text: string): string[] {
  const found: { word: string; at: number }[] = []
  for (const word of VAGUE_CHINESE) {
    const at = text.indexOf(word)
    if (at >= 0) found.push({ word, at })
  }
  for (const match of text.matchAll(VAGUE_ENGLISH)) found.push({ word: match[0].toLowerCase(), at: match.index })
  return [...new Set(found.sort((a, b) => a.at - b.at).map((hit) => hit.word))]
}

interface FrequencyHint {
  english: RegExp
  chinese: string[]
  frequency: Frequency
  why: { zh: string; en: string }
}

// Checked in order: the first hint whose words appear in the KPI decides.
const FREQUENCY_HINTS: FrequencyHint[] = [
  {
    english: /\b(?:latency|response time|p9\d|uptime|availability|error rate|throughput|qps|timeout)\b/i,
    chinese: ['延迟', '时延', '响应时间', '可用性', '错误率', '吞吐', '超时'],
    frequency: 'hourly',
    why: {
      zh: '延迟、可用性和错误率几分钟内就会变化，按小时统计才能及时预警（有监控数据流时可用实时）',
      en: 'latency, availability and error rates move within minutes; hourly keeps alerts timely (realtime if a monitoring stream exists)'
    }
  },
  { english: /\b(?:dau|daily active)\b/i, chinese: ['日活'], frequency: 'daily', why: { zh: '日活按天定义', en: 'a daily-active count is defined per day' } },
  {
    english: /\b(?:tickets?|incidents?|resolution)\b/i,
    chinese: ['工单', '故障'],
    frequency: 'daily',
    why: { zh: '工单和故障队列按天处理', en: 'support and incident queues are worked daily' }
  },
  {
    english: /\b(?:retention|churn|wau|weekly active|engagement|conversion|sessions?|vulnerabilit(?:y|ies))\b/i,
    chinese: ['留存', '流失', '周活', '使用频次', '转化', '会话', '漏洞'],
    frequency: 'weekly',
    why: { zh: '留存、活跃度和转化需要一周的同期群数据才稳定', en: 'retention, engagement and conversion need a week of cohort data to be stable' }
  },
  {
    english: /\b(?:revenue|gmv|arr|mrr|cost|profit|mau|monthly active|nps|csat|satisfaction|ltv|cac)\b/i,
    chinese: ['收入', '营收', '成本', '利润', '月活', '满意度', '净推荐', '付费'],
    frequency: 'monthly',
    why: { zh: '收入、成本、月活和满意度调查按月汇报', en: 'revenue, cost, MAU and satisfaction surveys are reported per month' }
  }
]

const UNIT_FREQUENCY: Record<string, FrequencyHint['frequency']> = { ms: 'hourly', s: 'hourly', $: 'monthly', '¥': 'monthly', '€': 'monthly' }

/** A collection frequency suggested from the KPI's wording and unit, with the reason in the KPI's language. */
export function suggestFrequency(fields: KpiFields, zh: boolean): { frequency: Frequency; why: string } {
  const text = [fields.name, fields.description, fields.category, fields.target?.text ?? ''].join(' ')
  for (const hint of FREQUENCY_HINTS) {
    if (hint.english.test(text) || hint.chinese.some((word) => text.includes(word)))
      return { frequency: hint.frequency, why: say(zh, hint.why.zh, hint.why.en) }
  }
  const unit = fields.target?.parsed?.unit || fields.unit
  const byUnit = UNIT_FREQUENCY[unit]
  if (byUnit) return { frequency: byUnit, why: say(zh, `单位是 ${unit}`, `the unit is ${unit}`) }
  const window = fields.target?.parsed?.window
  if (window?.kind === 'per' && (window.unit === 'day' || window.unit === 'week' || window.unit === 'month')) {
    const frequency = ({ day: 'daily', week: 'weekly', month: 'monthly' } as const)[window.unit]
    return { frequency, why: say(zh, `目标按${PERIOD_ZH[window.unit]}设定`, `the target is stated per ${window.unit}`) }
  }
  return {
    frequency: 'weekly',
    why: say(
      zh,
      '措辞和单位都没有指向其他频率，按周复盘是通行做法',
      'nothing in the wording or unit points elsewhere; a weekly review is the common convention'
    )
  }
}

const NUMBER = /(?<![A-Za-z\d.])[$¥€]?\s?-?\d[\d,]*(?:\.\d+)?/g

// Unit words as they follow a number in PRD text, mapped to the normalised unit names of ParsedTarget.
const UNIT_WORDS: [string, string][] = [
  ['%', '%'],
  ['％', '%'],
  ['毫秒', 'ms'],
  ['ms', 'ms'],
  ['秒', 's'],
  ['分钟', 'min'],
  ['min', 'min'],
  ['小时', 'h'],
  ['minutes', 'min'],
  ['seconds', 's'],
  ['sec', 's'],
  ['hours', 'h'],
  ['hour', 'h'],
  ['天', 'day'],
  ['days', 'day'],
  ['用户', 'users'],
  ['人', 'users'],
  ['users', 'users'],
  ['元', '¥'],
  ['次', 'count'],
  ['个', 'count'],
  ['分', 'score'],
  ['s', 's'],
  ['h', 'h']
]

/** The unit word the text starts with; an English word must end there ("5 stars" is not seconds). */
function unitAt(text: string): string | null {
  for (const [word, unit] of UNIT_WORDS) {
    if (!text.startsWith(word)) continue
    if (/^[a-z]/.test(word) && /^[a-z]/.test(text.slice(word.length))) continue
    return unit
  }
  return null
}
// Chinese comparator words sit right before the number (不超过30) or right after its unit (30分钟内).
const LOWER_BEFORE = ['不超过', '低于', '少于', '小于', '降至', '降低到', '减少到', '控制在']
const LOWER_AFTER = ['内', '以下']
const HIGHER_BEFORE = ['至少', '不低于', '超过', '达到', '大于', '提升到', '提高到', '增长到']
const HIGHER_AFTER = ['以上', '+']
const LOWER_ENGLISH = /\b(?:within|under|below|less than|at most|no more than|reduce[sd]? to)\b/i
const HIGHER_ENGLISH = /\b(?:at least|over|above|more than|reach(?:es)?)\b/i
const NEAR = 8

export interface NumberGuess {
  parsed: ParsedTarget
  /** Every number seen, so the rationale can say which one was used. */
  numbers: number[]
  comparatorFrom: 'wording' | 'direction'
}

/** A structured target guessed from text the target parser could not place; the last number wins. */
export function guessTargetFromText(text: string, direction: Direction): NumberGuess | null {
  const matches = [...text.matchAll(NUMBER)]
  if (matches.length === 0) return null
  const numbers = matches.map((match) => Number(match[0].replace(/[$¥€,\s]/g, '')))
  const last = matches[matches.length - 1]!
  const after = text
    .slice(last.index + last[0].length)
    .trimStart()
    .toLowerCase()
  const currency = last[0].trimStart()[0]
  const unit = currency === '$' || currency === '¥' || currency === '€' ? currency : unitAt(after)
  let comparator: Comparator = direction === 'lower' ? '<=' : direction === 'range' ? '=' : '>='
  let comparatorFrom: NumberGuess['comparatorFrom'] = 'direction'
  const before = text.slice(Math.max(0, last.index - NEAR), last.index)
  const near = after.slice(0, NEAR)
  if (LOWER_ENGLISH.test(text) || LOWER_BEFORE.some((word) => before.includes(word)) || LOWER_AFTER.some((word) => near.includes(word))) {
    comparator = '<='
    comparatorFrom = 'wording'
  } else if (HIGHER_ENGLISH.test(text) || HIGHER_BEFORE.some((word) => before.includes(word)) || HIGHER_AFTER.some((word) => near.includes(word))) {
    comparator = '>='
    comparatorFrom = 'wording'
  }
  return { parsed: { comparator, value: numbers[numbers.length - 1]!, unit }, numbers, comparatorFrom }
}
