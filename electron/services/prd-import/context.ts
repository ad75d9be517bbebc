import type { Heading } from 'mdast'
import type { SkipReason } from '../../domain/prd-candidates'
import { cleanHeading, textOf } from './markdown-tree'
import { NO_TARGET } from './watched-metrics'

export type SectionKind = 'metric' | 'okr' | 'alert' | 'summary' | 'excluded' | 'neutral'

// Sections whose lists and tables are never KPIs, even when they hold numbers; checked before the metric words
// so that "验收指标" or "acceptance criteria" stay out.
const NEVER: [RegExp, SkipReason][] = [
  [/验收|\bacceptance\b/i, 'acceptance'],
  [/测试|\btest (?:plan|cases?)\b|\bqa\b|\bsign-?off\b/i, 'tests'],
  [
    /需求(?:列表|清单|编号|说明)?$|功能需求|非功能|\bnon-?functional\b|\brequirements?\b|\buser stor(?:y|ies)\b|用户故事|\b(?:REQ|FR|NFR|US)-?\d/i,
    'requirements'
  ],
  [/定价|价格|报价|收费|套餐|计费|\bpricing\b|\bplans?\b|\bbudget\b|预算|补贴/i, 'pricing'],
  [
    /版本记录|修订记录|变更记录|口径变更|仅供参考|\bfor reference\b|不是本(?:期|季度?)目标|与上一?版|主要变化|\bwhat changed\b|\bchanges since\b|\bchangelog\b|\bversion history\b|\brevisions?\b|\brelease notes\b|what'?s in this release/i,
    'history'
  ],
  [
    /\bout of scope\b|\bnon-?goals\b|\bnot (?:in scope|this quarter|doing|measuring|goals?)\b|\bwhat we(?:'re| are| will)? not\b|本期不做|不在[^，。]{0,4}(?:范围|约定|考核)|范围外|非目标|不是目标|不做的事|不做什么/i,
    'out-of-scope'
  ],
  [/背景|现状|\bbackground\b|\bcontext\b|\bproblem\b|\bwhy now\b|为什么|\bwhy (?:we|this)\b|\bthe bet\b|产品定位|\bpositioning\b/i, 'background']
]
const ALERT = /预警|告警|报警|\balerts?\b|\balerting\b|\balarms?\b|\bescalation\b|\bon-?call\b/i
const OKR = /\bokrs?\b|^(?:objective|目标\s*o?)\s*\d|^o\d+\b/i
const SUMMARY = /总结|小结|回顾|摘要|\btl;?dr\b|\bsummary\b|\brecap\b|\bat a glance\b/i
const METRIC =
  /指标|kpi|okr|目标(?!用户|人群|客户|市场)|成功标准|想?达成什么|希望达成|\bwhat we want (?:to )?(?:achieve|change|see)\b|\bwhat (?:good|success|done) looks like\b|\boutcomes?\b|衡量|度量|考核|效果|北极星|服务水平|服务等级|\bsl[aoi]s?\b|\bservice levels?\b|\bmetrics?\b|\bmeasures?\b|\bsuccess\b|\bgoals?\b|\btargets?\b|\bobjectives?\b|\bkey results?\b|\bcriteria\b|\bcommitments?\b|\bsign(?:ing|ed)? up for\b|\b(?:things|what|metrics?) we (?:track|watch|monitor)\b|\btrack but\b|\bcommit(?:ting|ted)? to\b|承诺|\bhow we will know\b|\bnorth star\b|\bscorecard\b|\bguardrails?\b|\b(?:quality |release |rollout )?gates?\b|\bgo\/no-go\b|准入标准|放量标准/i
const OTHER: [RegExp, SkipReason][] = [
  [
    /频率|周期|联系|\bcontacts?\b|团队|\bteams?\b|值班|\bownership\b|负责人|依赖|\bdependenc(?:y|ies)\b|假设|\bassumptions?\b|风险|\brisks?\b/i,
    'team-and-risks'
  ],
  [/路线图|\broadmap\b|里程碑|时间线|\btimeline\b|排期|\bschedule\b|上线计划|项目计划|\brelease plan\b|\brollout\b|\blaunch\b|计划$/i, 'schedule'],
  [
    /功能|\bfeatures?\b|\bscope\b|交互|设计|\bdesign\b|字段|\bfields?\b|术语|\bglossary\b|附录|\bappendix\b|参考|\breferences\b|\bdashboards?\b|仪表板|\brunbooks?\b|约束|\bconstraints?\b|注意|\bopen questions\b|待定问题/i,
    'features'
  ],
  [/文档信息|\bdocument info\b|项目信息|基本信息|\bnotes?\b|备注|\brelated pages\b/i, 'document-info'],
  [
    /怎么做|行动|措施|举措|待办|\b(?:key )?initiatives\b|\bwhat we will do\b|\baction items?\b|\bnext steps\b|\bhow we get there\b|\bplan of action\b/i,
    'actions'
  ]
]

export interface SectionContext {
  kind: SectionKind
  /** Why an excluded section is never read for KPIs. */
  reason: SkipReason | null
}

/** What one heading's words say about the lists and tables under it. */
function headingContext(text: string): SectionContext {
  for (const [pattern, reason] of NEVER) if (pattern.test(text)) return { kind: 'excluded', reason }
  // "Reported for information only", "不作为 KR 的跟踪项": metrics named under it are KPIs that need a target.
  if (NO_TARGET.test(text)) return { kind: 'metric', reason: null }
  if (ALERT.test(text)) return { kind: 'alert', reason: null }
  if (OKR.test(text)) return { kind: 'okr', reason: null }
  if (SUMMARY.test(text)) return { kind: 'summary', reason: null }
  if (METRIC.test(text)) return { kind: 'metric', reason: null }
  for (const [pattern, reason] of OTHER) if (pattern.test(text)) return { kind: 'excluded', reason }
  return { kind: 'neutral', reason: null }
}

const contexts = new WeakMap<Heading, SectionContext>()

function ownContext(heading: Heading): SectionContext {
  let context = contexts.get(heading)
  if (!context) {
    const raw = textOf(heading)
    // "O1 让新用户坚持练下去": the objective marker is cleaned off the category, not off the context.
    context = OKR.test(raw.replace(/^[^\p{L}\p{N}]+/u, '')) ? { kind: 'okr', reason: null } : headingContext(cleanHeading(raw))
    contexts.set(heading, context)
  }
  return context
}

/** The context of the nearest telling heading above a node. */
export function sectionContext(chain: readonly Heading[]): SectionContext {
  for (let i = chain.length - 1; i >= 0; i--) {
    const context = ownContext(chain[i]!)
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
