import type { Heading } from 'mdast'
import type { SkipReason } from '../../domain/prd-candidates'
import { cleanHeading, textOf } from './markdown-tree'

export type SectionKind = 'metric' | 'okr' | 'alert' | 'summary' | 'excluded' | 'neutral'

// Sections whose lists and tables are never KPIs, even when they hold numbers; checked before the metric words
// so that "验收指标" or "acceptance criteria" stay out.
const NEVER: [RegExp, SkipReason][] = [
  [/验收|acceptance/i, 'acceptance'],
  [/测试|test (?:plan|cases?)|\bqa\b|sign-?off/i, 'tests'],
  [/需求(?:列表|清单|编号|说明)?$|功能需求|非功能|requirements?\b|user stor|用户故事|\b(?:REQ|FR|NFR|US)-?\d/i, 'requirements'],
  [/定价|价格|报价|收费|套餐|计费|pricing|\bplans?\b|budget|预算|补贴/i, 'pricing'],
  [/版本记录|修订记录|变更记录|口径变更|changelog|version history|revision|release notes|what'?s in this release/i, 'history'],
  [/out of scope|non-?goals|not (?:in scope|this quarter)|本期不做|不在范围|范围外/i, 'out-of-scope'],
  [/背景|现状|background|context|problem|why now|the bet|产品定位|positioning/i, 'background']
]
const ALERT = /预警|告警|报警|alert|alarm|escalation|on-?call/i
const OKR = /\bokrs?\b|^(?:objective|目标\s*o?)\s*\d|^o\d+\b/i
const SUMMARY = /总结|小结|回顾|摘要|tl;?dr|summary|recap|at a glance/i
const METRIC =
  /指标|kpi|okr|目标(?!用户|人群|客户|市场)|成功标准|衡量|度量|考核|效果|北极星|sla|slo|sli|metrics?\b|measures?\b|success|goals?\b|targets?\b|objectives?|key results?|criteria|how we will know|north star|scorecard|guardrails?/i
const OTHER: [RegExp, SkipReason][] = [
  [/频率|周期|联系|contact|团队|team|值班|ownership|负责人|依赖|dependenc|假设|assumption|风险|risk/i, 'team-and-risks'],
  [/路线图|roadmap|里程碑|时间线|timeline|排期|schedule|上线计划|项目计划|release plan|rollout|launch|计划$/i, 'schedule'],
  [
    /功能|feature|交互|设计|design|字段|field|术语|glossary|附录|appendix|参考|references|dashboard|仪表板|runbook|约束|constraints|注意|open questions|待定问题/i,
    'features'
  ],
  [/文档信息|document info|项目信息|基本信息/i, 'document-info']
]

export interface SectionContext {
  kind: SectionKind
  /** Why an excluded section is never read for KPIs. */
  reason: SkipReason | null
}

/** What one heading's words say about the lists and tables under it. */
export function headingContext(text: string): SectionContext {
  for (const [pattern, reason] of NEVER) if (pattern.test(text)) return { kind: 'excluded', reason }
  if (ALERT.test(text)) return { kind: 'alert', reason: null }
  if (OKR.test(text)) return { kind: 'okr', reason: null }
  if (SUMMARY.test(text)) return { kind: 'summary', reason: null }
  if (METRIC.test(text)) return { kind: 'metric', reason: null }
  for (const [pattern, reason] of OTHER) if (pattern.test(text)) return { kind: 'excluded', reason }
  return { kind: 'neutral', reason: null }
}

/** The context of the nearest telling heading above a node. */
export function sectionContext(chain: readonly Heading[]): SectionContext {
  for (let i = chain.length - 1; i >= 0; i--) {
    const context = headingContext(cleanHeading(textOf(chain[i]!)))
    if (context.kind !== 'neutral') return context
  }
  return { kind: 'neutral', reason: null }
}

export function sectionKind(chain: readonly Heading[]): SectionKind {
  return sectionContext(chain).kind
}

export function headingKind(text: string): SectionKind {
  return headingContext(text).kind
}

/** A lead-in paragraph such as "**成功指标**:" or "Additional measures:" sets the context of the lines after it. */
export function leadInKind(text: string): SectionKind | null {
  const trimmed = text.trim()
  if (trimmed.length > 48 || !/[:：]$/.test(trimmed)) return null
  const kind = headingKind(trimmed.replace(/[:：]$/, ''))
  return kind === 'neutral' ? null : kind
}
