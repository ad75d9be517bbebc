import type { Heading, List, Root, RootContent } from 'mdast'
import { parseTarget } from '../../domain/target/parse-target'
import { headingKind, isMetricLeadIn, sectionKind, type SectionKind } from './context'
import { newDraft, splitCodeAndName, type Draft } from './draft'
import { labelKind } from './labels'
import { endLine, itemText, sectionCategory, startLine, textOf } from './markdown-tree'
import { isTimeLabel, isVague, severityOf } from './value-maps'

/** A severity-led line ("P1：支付成功率环比下降 > 15%") waiting to be attached to a KPI. */
export interface AlertItem {
  text: string
  line: number
  heading: string
}

const COMPARATOR =
  /[≥≤<>=＜＞≧≦]|不低于|不高于|不超过|不少于|不多于|至少|至多|低于|高于|小于|大于|\bat (?:least|most)\b|\bno (?:more|less) than\b|\bbelow\b|\babove\b|\bunder\b/i
const TARGET_SIGNAL =
  /[≥≤<>＜＞≧≦±]|\bP\d{2}\b|\d\s*\+|目标|以内|以上|以下|不低于|不超过|至少|\btarget\b|\bgoal\b|\bat (?:least|most)\b|\bwithin\b|\bbelow\b|\bunder\b/i
const NOT_A_METRIC =
  /^(kr\d*|o\d+|objective|key result|email|e-mail|邮箱|电话|手机|phone|tel|微信|wechat|地址|address|网址|url|website|版本|version|日期|date|作者|author|价格|price|套餐|plan)$/i
const LEAD_WORD = /^(?:目标值?|target(?: value)?|goal)\s*[:：]?\s*/i

/** Splits "支付成功率: ≥ 99.5%" or "崩溃率 < 0.5%" into a metric name and its target text. */
function splitMetric(text: string, metricContext: boolean): { name: string; value: string } | null {
  const colon = text.search(/[:：]/)
  if (colon > 0 && colon <= 40) return { name: text.slice(0, colon).trim(), value: text.slice(colon + 1).trim() }
  const comparator = text.search(COMPARATOR)
  if (comparator > 0) return { name: text.slice(0, comparator).trim(), value: text.slice(comparator).trim() }
  if (!metricContext) return null
  const digit = /\s(?=(?:P\d{2}\s*)?[$¥￥]?\d)/.exec(text)
  if (digit && digit.index > 0) return { name: text.slice(0, digit.index).trim(), value: text.slice(digit.index).trim() }
  return { name: text.trim(), value: '' }
}

function metricDraft(text: string, kind: SectionKind, start: number, end: number): Draft | null {
  const metricContext = kind === 'metric'
  const split = splitMetric(text, metricContext)
  if (!split || !split.name) return null
  const coded = splitCodeAndName(split.name)
  const name = (coded?.name || split.name)
    .replace(/\s+(?:to|at|of|is|are|be|by|should be|must be|stays?|remains?)$/i, '')
    .replace(/(?:需要达到|应达到|要达到|达到|应为|需为)$/, '')
    .replace(/[\s(（]+$/, '')
    .trim()
  if (!name || name.length > 40 || /[。；;!?！？]/.test(name)) return null
  if (labelKind(name) || isTimeLabel(name) || NOT_A_METRIC.test(name)) return null
  const value = split.value.replace(LEAD_WORD, '').trim()
  if (value) {
    const parsed = parseTarget(value).parsed
    const signal = TARGET_SIGNAL.test(split.value)
    if (!metricContext && !(parsed && signal)) return null
    if (!signal && (value.length > 30 || /[，。；,;]/.test(value))) return null
    if (!parsed && !isVague(value) && !/\d/.test(value)) return null
  } else if (!metricContext || name.length > 24 || /[，,、]/.test(name)) {
    return null
  }
  const draft = newDraft('list', name, start, end)
  draft.code = coded?.code ?? null
  draft.targetText = value
  return draft
}

function leadInKind(previous: RootContent | undefined): SectionKind | null {
  if (!previous || previous.type !== 'paragraph') return null
  const text = textOf(previous)
  if (isMetricLeadIn(text)) return 'metric'
  if (/[:：]$/.test(text) && text.length <= 40) {
    const kind = headingKind(text)
    return kind === 'neutral' ? null : kind
  }
  return null
}

/**
 * Loose metric lists ("- 支付成功率: ≥ 99.5%", "- [ ] 崩溃率 < 0.5%"). Outside a metrics section an item
 * needs a parseable target with an explicit comparator or target word; severity-led items are alert rules.
 */
export function recogniseLists(root: Root, chains: Heading[][], consumed: Set<number>): { drafts: Draft[]; alertItems: AlertItem[] } {
  const drafts: Draft[] = []
  const alertItems: AlertItem[] = []
  const visit = (list: List, kind: SectionKind, heading: string) => {
    for (const item of list.children) {
      const text = itemText(item)
      if (text && severityOf(text)) alertItems.push({ text, line: startLine(item), heading })
      else if (text && (kind === 'metric' || kind === 'neutral')) {
        const draft = metricDraft(text, kind, startLine(item), endLine(item.children[0] ?? item))
        if (draft) drafts.push(draft)
      }
      for (const child of item.children) if (child.type === 'list') visit(child, kind, heading)
    }
  }
  root.children.forEach((node, index) => {
    if (node.type !== 'list' || consumed.has(index)) return
    const chain = chains[index] ?? []
    const nearest = chain[chain.length - 1]
    const kind = leadInKind(root.children[index - 1]) ?? sectionKind(chain)
    const before = drafts.length
    visit(node, kind, nearest ? textOf(nearest) : '')
    const category = sectionCategory(chain)
    for (const draft of drafts.slice(before)) draft.category = category
  })
  return { drafts, alertItems }
}
