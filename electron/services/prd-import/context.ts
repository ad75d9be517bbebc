import type { Heading } from 'mdast'
import { cleanHeading, textOf } from './markdown-tree'

export type SectionKind = 'metric' | 'alert' | 'excluded' | 'neutral'

// Sections whose lists and tables are never KPIs, even when they hold numbers.
const EXCLUDED =
  /频率|周期|联系|contact|定价|价格|报价|套餐|pricing|plans?\b|路线图|roadmap|里程碑|时间线|timeline|排期|schedule|功能|feature|文档信息|document info|版本记录|变更|changelog|revision|okr|风险|risk|附录|appendix|术语|glossary|参考资料|references|团队|team|依赖|dependenc|假设|assumption|范围|scope|用户故事|user stor|仪表板|dashboard|验收|acceptance|测试用例|test cases?/i
const ALERT = /预警|告警|报警|alert|alarm|escalation|on-?call/i
const METRIC = /指标|kpi|成功标准|衡量标准|度量|metrics?\b|measures?\b|success criteria|measurement|北极星|north star/i

/** What the nearest telling heading above a node says about its lists and tables. */
export function sectionKind(chain: readonly Heading[]): SectionKind {
  for (let i = chain.length - 1; i >= 0; i--) {
    const kind = headingKind(cleanHeading(textOf(chain[i]!)))
    if (kind !== 'neutral') return kind
  }
  return 'neutral'
}

export function headingKind(text: string): SectionKind {
  if (ALERT.test(text)) return 'alert'
  if (METRIC.test(text)) return 'metric'
  if (EXCLUDED.test(text)) return 'excluded'
  return 'neutral'
}

/** A lead-in paragraph such as "**成功指标**:" or "Success metrics:" makes the next list a metric list. */
export function isMetricLeadIn(text: string): boolean {
  const trimmed = text.trim()
  return trimmed.length <= 40 && /[:：]$/.test(trimmed) && METRIC.test(trimmed) && !EXCLUDED.test(trimmed)
}
