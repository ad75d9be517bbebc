import type { KpiFields } from '../../domain/kpi'

/** Chinese metric words and the English words report columns use for them. */
const CHINESE: [string, string[]][] = [
  ['留存', ['retention', 'retained']],
  ['活跃', ['active', 'mau', 'dau', 'wau']],
  ['注册', ['registration', 'signup', 'signups', 'new']],
  ['增长', ['growth']],
  ['成功', ['success', 'successful']],
  ['失败', ['failed', 'failure']],
  ['满意', ['csat', 'satisfaction']],
  ['推荐', ['nps']],
  ['响应', ['response', 'latency']],
  ['延迟', ['latency']],
  ['时长', ['duration']],
  ['解决', ['resolution', 'resolved']],
  ['恢复', ['mttr', 'recovery']],
  ['故障', ['mttr', 'incident']],
  ['可用', ['uptime', 'availability']],
  ['成本', ['cost']],
  ['收入', ['revenue']],
  ['利用', ['utilization', 'usage', 'cpu']],
  ['效率', ['efficiency']],
  ['覆盖', ['coverage', 'percentage']],
  ['转化', ['conversion']],
  ['频次', ['sessions', 'frequency']],
  ['会话', ['session', 'sessions']],
  ['调用', ['calls', 'call']],
  ['吞吐', ['throughput']],
  ['工具', ['tools']],
  ['内容', ['content']],
  ['部署', ['deployment', 'deployments']],
  ['创建', ['created']],
  ['任务', ['tasks', 'task']],
  ['并发', ['concurrent']],
  ['评分', ['score', 'rating']],
  ['平均', ['avg', 'average', 'mean', 'per']],
  ['人均', ['per', 'user']],
  ['用户', ['user', 'users']],
  ['收入', ['revenue']]
]

/** Words that say nothing about which column holds the KPI. */
const STOP = new Set(['the', 'of', 'per', 'and', 'a', 'an', 'in', 'by', 'to', 'for', 'kpi', 'number', 'avg', 'average', 'total', 'rate'])

/** Column words that fit a unit: a `%` target reads from a `_rate` column, a `ms` target from a `_time` one. */
const UNIT_WORDS: Record<string, string[]> = {
  '%': ['rate', 'percentage', 'percent', 'pct', 'ratio', 'share', 'retention', 'conversion', 'uptime', 'coverage', 'efficiency'],
  ms: ['time', 'latency', 'response', 'duration', 'ms', 'p95', 'p99', 'p50'],
  s: ['time', 'latency', 'duration', 'seconds'],
  min: ['minutes', 'mttr', 'time', 'duration'],
  h: ['hours', 'time', 'resolution', 'duration'],
  day: ['days', 'time'],
  $: ['cost', 'revenue', 'price', 'spend', 'arpu'],
  '¥': ['cost', 'revenue', 'price', 'spend', 'arpu'],
  score: ['score', 'csat', 'nps', 'rating'],
  users: ['users', 'mau', 'dau', 'active', 'creators'],
  count: ['count', 'total', 'new'],
  tasks: ['tasks', 'completed'],
  requests: ['requests', 'calls']
}

export interface KpiWord {
  word: string
  from: 'name' | 'description' | 'target' | 'unit'
}

/** The words a value column of this KPI might be named with, strongest first. */
export function kpiWords(fields: Pick<KpiFields, 'name' | 'description' | 'unit' | 'target'>): KpiWord[] {
  const words: KpiWord[] = []
  const add = (text: string, from: KpiWord['from']) => {
    const lower = text.toLowerCase()
    for (const [zh, en] of CHINESE) if (text.includes(zh)) for (const word of en) words.push({ word, from })
    for (const word of lower.split(/[^a-z0-9]+/)) if (word.length > 1 && !STOP.has(word)) words.push({ word, from })
  }
  add(fields.name, 'name')
  add(fields.description, 'description')
  if (fields.target) add(fields.target.text, 'target')
  const unit = fields.target?.parsed?.unit ?? (fields.unit.trim() || null)
  if (unit) for (const word of UNIT_WORDS[unit] ?? UNIT_WORDS[unit.toLowerCase()] ?? []) words.push({ word, from: 'unit' })
  return words
}

/** A column name's words: `retention_rate_7d` → retention, rate, 7d. */
export function columnWords(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
}

export const wordMatches = (columnWord: string, kpiWord: string) =>
  columnWord === kpiWord || (kpiWord.length >= 5 && columnWord.startsWith(kpiWord)) || (columnWord.length >= 5 && kpiWord.startsWith(columnWord))
