import type { AlertThresholds, Benchmark, ChangeRule, Frequency, Milestone, Stage, Status } from '../../domain/kpi'
import { FREQUENCIES, SEVERITIES, STAGES, STATUSES } from '../../domain/kpi'
import { formatFigure } from '../../domain/judging/format-figure'

/**
 * Readable one-line forms of the structured KPI fields, used in CSV/XLSX cells and Markdown, and
 * their parsers, so that a file edited by hand reads back into the same structure.
 */

export type Locale = 'en' | 'zh-CN'

const DEFAULT_RED = 0.8
const DEFAULT_YELLOW = 0.9

const percent = (ratio: number): string => `${Math.round(ratio * 10000) / 100}%`

export function formatMilestones(milestones: readonly Milestone[]): string {
  return milestones.map((m) => `${m.label}: ${m.target}${m.due ? ` (due ${m.due})` : ''}`).join('; ')
}

export function parseMilestones(text: string): Milestone[] {
  return splitParts(text).map((part) => {
    const colon = part.indexOf(':')
    const label = colon < 0 ? '' : part.slice(0, colon).trim()
    let target = colon < 0 ? part : part.slice(colon + 1).trim()
    const due = /\s*\(due (\d{4}-\d{2}-\d{2})\)$/.exec(target)
    if (due) target = target.slice(0, due.index)
    return { label, target, ...(due ? { due: due[1] } : {}) }
  })
}

export function formatBenchmarks(benchmarks: readonly Benchmark[]): string {
  return benchmarks.map((b) => `${b.label}: ${b.value}${b.source ? ` (source: ${b.source})` : ''}`).join('; ')
}

export function parseBenchmarks(text: string): Benchmark[] {
  return splitParts(text).map((part) => {
    const colon = part.indexOf(':')
    const label = colon < 0 ? '' : part.slice(0, colon).trim()
    let value = colon < 0 ? part : part.slice(colon + 1).trim()
    const source = /\s*\(source: (.+)\)$/.exec(value)
    if (source) value = value.slice(0, source.index)
    return { label, value, ...(source ? { source: source[1] } : {}) }
  })
}

export function formatTags(tags: readonly string[]): string {
  return tags.join(', ')
}

export function parseTags(text: string): string[] {
  return text
    .split(/[,，]/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0)
}

const ruleText = (r: ChangeRule): string => `${r.severity} ${r.period} ${r.direction} > ${r.percent}%`
const RULE = /^(P[0-3]) (day|week|month|period) (drop|rise) > (\d+(?:\.\d+)?)%$/
const RED = /^red < (\d+(?:\.\d+)?)% of target$/
const YELLOW = /^yellow < (\d+(?:\.\d+)?)% of target$/
const RED_VALUE = /^red at (-?\d+(?:\.\d+)?)$/

/** "< 目标值的80%; yellow < 85% of target; P2 week drop > 20%": the PRD text first, then what differs from defaults. */
export function formatThresholds(t: AlertThresholds | null): string {
  if (!t) return ''
  const parts: string[] = []
  if (t.text) parts.push(t.text)
  if (t.redRatio !== DEFAULT_RED) parts.push(`red < ${percent(t.redRatio)} of target`)
  if (t.yellowRatio !== DEFAULT_YELLOW) parts.push(`yellow < ${percent(t.yellowRatio)} of target`)
  if (t.redValue !== null && t.redValue !== undefined) parts.push(`red at ${t.redValue}`)
  for (const rule of t.rules) parts.push(ruleText(rule))
  return parts.join('; ')
}

export function parseThresholds(text: string): AlertThresholds | null {
  const parts = splitParts(text)
  if (parts.length === 0) return null
  const result: AlertThresholds = { redRatio: DEFAULT_RED, yellowRatio: DEFAULT_YELLOW, rules: [] }
  const free: string[] = []
  for (const part of parts) {
    const red = RED.exec(part)
    const yellow = YELLOW.exec(part)
    const redValue = RED_VALUE.exec(part)
    const rule = RULE.exec(part)
    if (red) result.redRatio = Number(red[1]) / 100
    else if (yellow) result.yellowRatio = Number(yellow[1]) / 100
    else if (redValue) result.redValue = Number(redValue[1])
    else if (rule && (SEVERITIES as readonly string[]).includes(rule[1]!)) {
      result.rules.push({
        severity: rule[1] as ChangeRule['severity'],
        period: rule[2] as ChangeRule['period'],
        direction: rule[3] as ChangeRule['direction'],
        percent: Number(rule[4])
      })
    } else free.push(part)
  }
  if (free.length > 0) result.text = free.join('; ')
  return result
}

function splitParts(text: string): string[] {
  return text
    .split(/;\s*|\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
}

const STAGE_LABELS: Record<Locale, Record<Stage, string>> = {
  en: { draft: 'Draft', feasibility: 'Feasibility', trial: 'Trial', launched: 'Launched', operating: 'Operating', retired: 'Retired' },
  'zh-CN': { draft: '初稿', feasibility: '可行性', trial: '试运行', launched: '上线', operating: '运营', retired: '退役' }
}
const STATUS_LABELS: Record<Locale, Record<Status, string>> = {
  en: { proposed: 'Proposed', adjusting: 'Adjusting', adopted: 'Adopted', stable: 'Stable', 'at-risk': 'At risk', retired: 'Retired' },
  'zh-CN': { proposed: '提议', adjusting: '调整中', adopted: '已采纳', stable: '稳定', 'at-risk': '有风险', retired: '已退役' }
}
const FREQUENCY_LABELS: Record<Locale, Record<Frequency, string>> = {
  en: { realtime: 'Real-time', hourly: 'Hourly', daily: 'Daily', weekly: 'Weekly', monthly: 'Monthly', quarterly: 'Quarterly' },
  'zh-CN': { realtime: '实时', hourly: '每小时', daily: '每日', weekly: '每周', monthly: '每月', quarterly: '每季度' }
}
const STAGE_VERSIONS: Record<string, Stage> = { 'v0.1': 'draft', 'v0.9': 'feasibility', 'v1.0': 'trial', 'v1.0+': 'launched' }
const EXTRA_ALIASES: Record<string, string> = {
  'real time': 'realtime',
  实时: 'realtime',
  每天: 'daily',
  日: 'daily',
  周: 'weekly',
  月: 'monthly',
  季度: 'quarterly',
  初稿定义: 'draft',
  开发冻结前: 'feasibility',
  试运行阶段: 'trial',
  正式上线: 'launched',
  持续运营: 'operating',
  已提议: 'proposed',
  风险: 'at-risk',
  退役: 'retired',
  'at risk': 'at-risk'
}

export const stageLabel = (stage: Stage, locale: Locale): string => STAGE_LABELS[locale][stage]
export const statusLabel = (status: Status, locale: Locale): string => STATUS_LABELS[locale][status]
export const frequencyLabel = (frequency: Frequency, locale: Locale): string => FREQUENCY_LABELS[locale][frequency]

function enumFrom<T extends string>(keys: readonly T[], labels: Record<Locale, Record<T, string>>, text: string): T | undefined {
  const wanted = text.trim().toLowerCase()
  if (wanted === '') return undefined
  const alias = EXTRA_ALIASES[wanted]
  for (const key of keys) {
    if (key === wanted || key === alias) return key
    if (Object.values(labels).some((byKey) => byKey[key].toLowerCase() === wanted)) return key
  }
  return undefined
}

export const parseStage = (text: string): Stage | undefined => STAGE_VERSIONS[text.trim().toLowerCase()] ?? enumFrom(STAGES, STAGE_LABELS, text)
export const parseStatus = (text: string): Status | undefined => enumFrom(STATUSES, STATUS_LABELS, text)
export const parseFrequency = (text: string): Frequency | undefined => enumFrom(FREQUENCIES, FREQUENCY_LABELS, text)

/** "87%", "45 min", "1200": the board's way of showing a number beside its unit. */
export function formatValue(value: number | null, unit: string): string {
  return value === null ? '' : formatFigure(value, unit)
}
