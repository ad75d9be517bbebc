import type { Benchmark, Direction } from '../../domain/kpi'

/**
 * Standard definitions of common product and engineering metrics, recognised by name in English and
 * Chinese. A benchmark is given only where a public, well-known reference states one; the rest have none
 * rather than a made-up industry average.
 */
export interface MetricDefinition {
  id: string
  label: { zh: string; en: string }
  /** Formula template, in prose: the draft stage names what is counted; the feasibility stage writes the SQL. */
  formula: { zh: string; en: string }
  unit: string
  direction: Direction
  /** Where the definition itself comes from, when it is one body's definition (NPS). */
  definedBy?: string
  /** A choice the library made because the KPI's name did not (the retention day). */
  assumed?: { zh: string; en: string }
  benchmark?: { label: { zh: string; en: string }; value: string; source: string }
}

interface Entry extends MetricDefinition {
  english: RegExp
  chinese: string[]
}

// First match wins: the compound names (DAU/MAU) come before their parts, error rate before success rate.
const LIBRARY: Entry[] = [
  {
    id: 'stickiness',
    english: /\b(?:dau\s*\/\s*mau|stickiness)\b/i,
    chinese: ['日活/月活', '粘性', '黏性'],
    label: { zh: '用户粘性（DAU/MAU）', en: 'stickiness (DAU/MAU)' },
    formula: {
      zh: '当日活跃用户数 ÷ 截至当日 30 天内活跃用户数 × 100%，按统计周期取日值的平均',
      en: 'users active on the day ÷ users active in the 30 days ending that day × 100%, averaged over the days of the period'
    },
    unit: '%',
    direction: 'higher'
  },
  {
    id: 'dau',
    english: /\b(?:dau|daily active users?)\b/i,
    chinese: ['日活', '日活跃用户'],
    label: { zh: '日活跃用户数（DAU）', en: 'daily active users (DAU)' },
    formula: {
      zh: '当日至少完成一次核心行为（需写明是哪种行为）的去重用户数；周期值取日值的平均',
      en: 'distinct users who performed at least one core action (name it) on the day; a period takes the mean of its days'
    },
    unit: 'users',
    direction: 'higher'
  },
  {
    id: 'wau',
    english: /\b(?:wau|weekly active users?)\b/i,
    chinese: ['周活', '周活跃用户'],
    label: { zh: '周活跃用户数（WAU）', en: 'weekly active users (WAU)' },
    formula: { zh: '自然周内至少完成一次核心行为的去重用户数', en: 'distinct users who performed at least one core action in the calendar week' },
    unit: 'users',
    direction: 'higher'
  },
  {
    id: 'mau',
    english: /\b(?:mau|monthly active users?)\b/i,
    chinese: ['月活', '月活跃用户'],
    label: { zh: '月活跃用户数（MAU）', en: 'monthly active users (MAU)' },
    formula: { zh: '自然月内至少完成一次核心行为的去重用户数', en: 'distinct users who performed at least one core action in the calendar month' },
    unit: 'users',
    direction: 'higher'
  },
  {
    id: 'churn',
    english: /\bchurn(?:ed)?\b/i,
    chinese: ['流失率', '流失'],
    label: { zh: '流失率', en: 'churn rate' },
    formula: {
      zh: '期初客户中在本周期内取消或停止付费的数量 ÷ 期初客户数 × 100%',
      en: 'customers at the start of the period who cancelled or stopped paying during it ÷ customers at the start of the period × 100%'
    },
    unit: '%',
    direction: 'lower'
  },
  {
    id: 'retention',
    english: /\bretention\b|\bretained\b/i,
    chinese: ['留存'],
    label: { zh: '第 N 日留存率', en: 'day-N retention' },
    formula: {
      zh: '第 0 天首次活跃的用户（同期群）中，第 N 天仍活跃的用户数 ÷ 同期群用户数 × 100%',
      en: 'users of the cohort first active on day 0 who are active again on day N ÷ users in the cohort × 100%'
    },
    unit: '%',
    direction: 'higher'
  },
  {
    id: 'conversion',
    english: /\bconversion\b|\bconvert(?:ed|s)?\b/i,
    chinese: ['转化率', '转化'],
    label: { zh: '转化率', en: 'conversion rate' },
    formula: {
      zh: '本周期内完成目标行为（如付费）的用户数 ÷ 进入上一步（如试用）的用户数 × 100%，分子分母取同一批用户',
      en: 'users who completed the target action (e.g. paid) ÷ users who entered the step before it (e.g. started a trial) in the period × 100%, both counted on the same cohort'
    },
    unit: '%',
    direction: 'higher'
  },
  {
    id: 'latency',
    // Request latency only: a support team's "first response time" (工单响应时间) is another metric, in minutes.
    english: /\b(?:p9\d|p50|latency)\b|\b(?:api|request|server|endpoint|page)s? response times?\b/i,
    chinese: ['延迟', '时延', '接口响应', '请求耗时', '接口耗时'],
    label: { zh: '响应延迟（P95）', en: 'P95 latency' },
    formula: {
      zh: '本周期内全部请求耗时的第 95 百分位（用原始耗时计算，百分位不能跨周期平均）',
      en: '95th percentile of the request durations in the period, computed from raw durations (percentiles are never averaged across periods)'
    },
    unit: 'ms',
    direction: 'lower'
  },
  {
    id: 'nps',
    english: /\b(?:nps|net promoter)\b/i,
    chinese: ['净推荐', 'NPS'],
    label: { zh: '净推荐值（NPS）', en: 'Net Promoter Score (NPS)' },
    formula: {
      zh: '“你有多大可能向朋友推荐我们？”（0–10 分）：推荐者（9–10 分）占比 − 贬损者（0–6 分）占比，取值 −100 到 100',
      en: '"How likely are you to recommend us to a friend?" (0–10): % promoters (9–10) − % detractors (0–6), from −100 to 100'
    },
    unit: 'score',
    direction: 'higher',
    definedBy: 'Reichheld, "The One Number You Need to Grow", Harvard Business Review, 2003'
  },
  {
    id: 'csat',
    english: /\b(?:csat|customer satisfaction|satisfaction)\b/i,
    chinese: ['满意度', 'CSAT'],
    label: { zh: '客户满意度（CSAT）', en: 'customer satisfaction (CSAT)' },
    formula: {
      zh: '满意度调查（1–5 分）中给出 4 分或 5 分的回答数 ÷ 全部回答数 × 100%',
      en: 'responses scoring 4 or 5 on a 1–5 satisfaction survey ÷ all responses × 100%'
    },
    unit: '%',
    direction: 'higher'
  },
  {
    id: 'mttr',
    english: /\b(?:mttr|mean time to (?:recover|restore|repair|resolve)|time to restore)\b/i,
    chinese: ['平均修复时间', '平均恢复时间', '故障恢复时间', 'MTTR'],
    label: { zh: '平均恢复时间（MTTR）', en: 'mean time to restore (MTTR)' },
    formula: {
      zh: '本周期内恢复的故障：Σ（恢复时间 − 开始时间）÷ 故障数',
      en: 'over the incidents restored in the period: Σ (restored at − started at) ÷ number of incidents'
    },
    unit: 'h',
    direction: 'lower',
    benchmark: {
      label: { zh: 'DORA 精英团队的服务恢复时间', en: 'time to restore service, DORA elite performers' },
      value: '< 1 h',
      source: 'DORA, Accelerate State of DevOps Report (Google Cloud)'
    }
  },
  {
    id: 'error-rate',
    english: /\b(?:error|failure) rate\b/i,
    chinese: ['错误率', '失败率', '报错率'],
    label: { zh: '错误率', en: 'error rate' },
    formula: { zh: '本周期内失败的请求数 ÷ 全部请求数 × 100%', en: 'failed requests ÷ all requests in the period × 100%' },
    unit: '%',
    direction: 'lower'
  },
  {
    id: 'success-rate',
    english: /\bsuccess(?:ful)? rate\b/i,
    chinese: ['成功率'],
    label: { zh: '成功率', en: 'success rate' },
    formula: {
      zh: '本周期内成功完成的操作数 ÷ 发起的全部操作数 × 100%（需写明什么算成功）',
      en: 'operations that succeeded ÷ all operations attempted in the period × 100% (state what counts as success)'
    },
    unit: '%',
    direction: 'higher'
  },
  {
    id: 'availability',
    english: /\b(?:uptime|availability)\b/i,
    chinese: ['可用性', '可用率'],
    label: { zh: '可用性', en: 'availability' },
    formula: {
      zh: '（周期总分钟数 − 不可用分钟数）÷ 周期总分钟数 × 100%',
      en: '(minutes in the period − minutes of outage) ÷ minutes in the period × 100%'
    },
    unit: '%',
    direction: 'higher'
  },
  {
    id: 'lcp',
    english: /\b(?:lcp|largest contentful paint|page load(?: time)?)\b/i,
    chinese: ['页面加载', '首屏'],
    label: { zh: '最大内容绘制（LCP）', en: 'Largest Contentful Paint (LCP)' },
    formula: {
      zh: '本周期内页面访问 LCP 的第 75 百分位',
      en: '75th percentile of the page loads’ LCP in the period'
    },
    unit: 's',
    direction: 'lower',
    benchmark: {
      label: { zh: 'Core Web Vitals “良好”阈值（第 75 百分位）', en: 'Core Web Vitals "good" threshold (75th percentile)' },
      value: '≤ 2.5 s',
      source: 'Google, web.dev Core Web Vitals'
    }
  }
]

const RETENTION_DAY = [/次日/, /(\d+)\s*日留存/, /\bd(\d+)\b/i, /\bday[- ]?(\d+)\b/i, /\b(\d+)[- ]day\b/i]

/** The day of a retention KPI's name (次日 = 1, D7, 30-day); 7 when it names none, the common weekly check. */
function retentionDay(text: string): { day: number; stated: boolean } {
  for (const pattern of RETENTION_DAY) {
    const match = pattern.exec(text)
    if (match) return { day: match[1] ? Number(match[1]) : 1, stated: true }
  }
  return { day: 7, stated: false }
}

/** A definition made concrete for the KPI's own name: its retention day, its percentile. */
function specialise(entry: Entry, text: string): MetricDefinition {
  const { english: _english, chinese: _chinese, ...definition } = entry
  const swap = (pattern: RegExp, by: string) => ({
    label: { zh: definition.label.zh.replace(pattern, by), en: definition.label.en.replace(pattern, by) },
    formula: { zh: definition.formula.zh.replace(pattern, by), en: definition.formula.en.replace(pattern, by) }
  })
  if (entry.id === 'retention') {
    const { day, stated } = retentionDay(text)
    return {
      ...definition,
      ...swap(/\bN\b/g, String(day)),
      assumed: stated ? undefined : { zh: 'PRD 未写明第几日，按常用的第 7 日', en: 'the PRD names no day; day 7 is the common check' }
    }
  }
  const percentile = entry.id === 'latency' ? /\bp(\d{2})\b/i.exec(text) : null
  if (percentile && percentile[1] !== '95') {
    const p = percentile[1]!
    return {
      ...definition,
      label: { zh: `响应延迟（P${p}）`, en: `P${p} latency` },
      formula: { zh: definition.formula.zh.replace('95', p), en: definition.formula.en.replace('95th', `${p}th`) }
    }
  }
  return definition
}

/** The standard definition a KPI's name or description names, if any, made concrete for it. */
export function metricDefinition(...texts: string[]): MetricDefinition | null {
  const text = texts.join(' ')
  const entry = LIBRARY.find((candidate) => candidate.english.test(text) || candidate.chinese.some((word) => text.includes(word)))
  return entry ? specialise(entry, text) : null
}

/** The definition's benchmark as a KPI benchmark, in the KPI's language. */
export function benchmarkOf(definition: MetricDefinition, zh: boolean): Benchmark | null {
  const found = definition.benchmark
  return found ? { label: zh ? found.label.zh : found.label.en, value: found.value, source: found.source } : null
}
