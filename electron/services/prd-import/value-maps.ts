import type { Frequency, Stage, Status } from '../../domain/kpi'

const FREQUENCY_WORDS: [RegExp, Frequency][] = [
  [/实时|real[-\s]?time|streaming|continuous/i, 'realtime'],
  [/每小时|小时级|hourly|every hour|per hour/i, 'hourly'],
  [/每日|每天|日报|天级|daily|every day|per day|nightly/i, 'daily'],
  [/每周|周报|weekly|every week|per week/i, 'weekly'],
  [/每季度|季度|quarterly|every quarter|per quarter/i, 'quarterly'],
  [/每月|月报|monthly|every month|per month/i, 'monthly']
]

/** 每日 → daily … ; event-driven cadences ("每次CI/CD运行") have no period and return null. */
export function mapFrequency(text: string): Frequency | null {
  if (/每次|每一次|\bper (build|deploy|commit|run|release|incident)|\bon (each|every)\b|\bevery (build|deploy|commit|run|release|incident)/i.test(text)) {
    return null
  }
  for (const [pattern, frequency] of FREQUENCY_WORDS) if (pattern.test(text)) return frequency
  return null
}

const STAGE_WORDS: [RegExp, Stage][] = [
  [/退役|下线|废弃|retired?|deprecated/i, 'retired'],
  [/初稿|草稿|草案|draft|v0\.1\b/i, 'draft'],
  [/可行性|技术校准|开发冻结|技术评审|feasib|v0\.9\b/i, 'feasibility'],
  [/试运行|试点|灰度|trial|pilot|beta|v1\.0(?!\+)\b/i, 'trial'],
  [/持续运营|运营|迭代|operat|v\d+\.[1-9]/i, 'operating'],
  [/上线|正式|发布|launch|\blive\b|v1\.0\+/i, 'launched']
]

export function mapStage(text: string): Stage | null {
  for (const [pattern, stage] of STAGE_WORDS) if (pattern.test(text)) return stage
  return null
}

const STATUS_WORDS: [RegExp, Status][] = [
  [/调整中|调整|adjust/i, 'adjusting'],
  [/已采纳|采纳|adopted|accepted/i, 'adopted'],
  [/稳定|达标|stable|on track/i, 'stable'],
  [/风险|预警|告警|偏离|at[-\s]?risk|off track|\bred\b/i, 'at-risk'],
  [/退役|废弃|retired/i, 'retired'],
  [/提议|建议|待定|新增|proposed|\bnew\b|pending/i, 'proposed']
]

export function mapStatus(text: string): Status | null {
  for (const [pattern, status] of STATUS_WORDS) if (pattern.test(text)) return status
  return null
}

/** Words of a goal that is not yet measurable (PRODUCT.md §4's quantifiability lint). */
export function isVague(text: string): boolean {
  return /提升|提高|优化|改善|改进|增强|显著|明显|更好|更快|尽量|降低|减少|improve|increase|reduce|better|faster|boost|enhance|significant/i.test(text)
}

/** Labels of time-phased targets: Month 1, Week 5-8, Q2 2026, Year 1, 第3个月, MVP阶段. */
export function isTimeLabel(label: string): boolean {
  return /^(month|week|day|year|quarter|sprint|phase|stage|q[1-4]|h[12]|m\d|w\d|\d{4}|\d+\s*(个)?[月周天年]|第.+[月周天年季期]|[一二三四五六七八九十]+月)|阶段$|期$|phase$|stage$/i.test(
    label.trim()
  )
}

/** Severity-led alert rule such as "P1：支付成功率环比下降 > 15%". */
export function severityOf(text: string): 'P0' | 'P1' | 'P2' | 'P3' | null {
  const match = /^\s*(P[0-3])(?:\s*级)?(?:\s*[:：\-—]|\s+)/i.exec(text)
  return match ? (match[1]!.toUpperCase() as 'P0' | 'P1' | 'P2' | 'P3') : null
}

// The head noun of a measure: a name without a target is a KPI only when it names something countable.
export const MEASURE_NOUN =
  /(?:率|比|比例|量|数|额|值|价|长|时|间|效|度|分|费|本|入|润|占比|规模|指数|[a-z]*(?:rate|ratio|time|count|score|volume|revenue|cost|nps|csat|dau|mau|wau|gmv|arr|mrr|usage|share|adoption|retention|conversion|latency|uptime|availability|index|value|size|spend|sessions|users|orders))$/iu
