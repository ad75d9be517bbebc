import type { ExportKpi } from '../../domain/export'
import type { Locale } from './kpi-text'
import { formatThresholds, formatValue, frequencyLabel, stageLabel, statusLabel } from './kpi-text'

export interface BoardMarkdownInput {
  boardName: string
  versionLabel: string | null
  kpis: readonly ExportKpi[]
  locale: Locale
}

const LABELS = {
  'zh-CN': {
    columns: ['KPI 编号', '描述', '数据来源', '目标值', '当前值', '阶段', '最新建议', '状态'],
    details: 'KPI 详情',
    uncategorised: '未分类',
    target: '目标',
    definition: '衡量定义',
    dataSource: '数据源',
    formula: '计算公式',
    breakdown: '目标分解',
    benchmarks: '基准值',
    frequency: '监控频率',
    owner: '负责人',
    threshold: '预警阈值',
    current: '当前值',
    stage: '阶段',
    status: '状态',
    proposal: '最新建议',
    tags: '标签',
    notes: '备注',
    source: '来源'
  },
  en: {
    columns: ['KPI code', 'Description', 'Data source', 'Target', 'Current value', 'Stage', 'Latest proposal', 'Status'],
    details: 'KPI details',
    uncategorised: 'Uncategorised',
    target: 'Target',
    definition: 'Definition',
    dataSource: 'Data source',
    formula: 'Formula',
    breakdown: 'Target breakdown',
    benchmarks: 'Benchmarks',
    frequency: 'Monitoring frequency',
    owner: 'Owner',
    threshold: 'Alert threshold',
    current: 'Current value',
    stage: 'Stage',
    status: 'Status',
    proposal: 'Latest proposal',
    tags: 'Tags',
    notes: 'Notes',
    source: 'source'
  }
} as const

type Labels = (typeof LABELS)[Locale]

/**
 * Backslash-escapes only what Markdown would read as syntax, so the parsed text equals the value
 * and a plain-text reader of the PRD sees few backslashes.
 */
export function escapeInline(text: string): string {
  return text
    .replace(/\\(?=[!-/:-@[-`{-~])/g, '\\\\')
    .replace(/[`*_[\]~]/g, '\\$&')
    .replace(/<(?=[A-Za-z/!?])/g, '\\<')
    .replace(/&(?=#|\w+;)/g, '\\&')
}

/** A table cell: inline-escaped (pipes included), line breaks kept as `<br>`. */
export function escapeCell(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => escapeInline(line.trim()).replace(/\|/g, '\\|'))
    .join('<br>')
}

/** A list item or paragraph start must not open a nested list, heading or quote. */
function escapeLineStart(text: string): string {
  return escapeInline(text)
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^([-+=#>])/, '\\$1')
}

/** A closing `#` sequence would be dropped from a heading. */
const escapeHeading = (text: string): string => escapeInline(text).replace(/#/g, '\\#')

function fenceFor(code: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length))
  return '`'.repeat(longest + 1)
}

const looksLikeSql = (formula: string): boolean => /^\s*(select|with)\b/i.test(formula)

function field(label: string, value: string): string[] {
  return value.trim() === '' ? [] : [`**${label}**: ${escapeLineStart(value.trim())}`, '']
}

function listField(label: string, items: readonly string[]): string[] {
  if (items.length === 0) return []
  return [`**${label}**:`, ...items.map((item) => `- ${escapeLineStart(item)}`), '']
}

function kpiDetail(kpi: ExportKpi, locale: Locale, l: Labels): string[] {
  const lines = [`#### ${escapeHeading(`${kpi.code}: ${kpi.name}`)}`]
  lines.push(...field(l.target, kpi.target?.text ?? ''))
  const definition = kpi.description
    .split(/\r?\n/)
    .map((s) => s.replace(/^\s*[-*]\s+/, '').trim())
    .filter(Boolean)
  if (definition.length === 1) lines.push(...field(l.definition, definition[0]!))
  else lines.push(...listField(l.definition, definition))
  lines.push(...field(l.dataSource, kpi.dataSource))
  if (looksLikeSql(kpi.formula)) {
    const fence = fenceFor(kpi.formula)
    lines.push(`**${l.formula}**:`, `${fence}sql`, kpi.formula.replace(/\s+$/, ''), fence, '')
  } else lines.push(...field(l.formula, kpi.formula))
  lines.push(
    ...listField(
      l.breakdown,
      kpi.milestones.map((m) => `${m.label}: ${m.target}`)
    )
  )
  lines.push(
    ...listField(
      l.benchmarks,
      kpi.benchmarks.map((b) => `${b.label}: ${b.value}${b.source ? ` (${l.source}: ${b.source})` : ''}`)
    )
  )
  lines.push(...field(l.frequency, kpi.frequency ? frequencyLabel(kpi.frequency, locale) : ''))
  lines.push(...field(l.owner, kpi.owner))
  lines.push(...field(l.threshold, formatThresholds(kpi.alertThresholds)))
  lines.push(...field(l.current, formatValue(kpi.currentValue, kpi.unit)))
  lines.push(...field(l.stage, stageLabel(kpi.stage, locale)))
  lines.push(...field(l.status, statusLabel(kpi.status, locale)))
  lines.push(...field(l.proposal, kpi.latestProposal ?? ''))
  lines.push(...field(l.tags, kpi.tags.join(', ')))
  lines.push(...field(l.notes, kpi.notes.replace(/\r?\n/g, ' ')))
  lines.push('---', '')
  return lines
}

/** A Markdown table of plain cells (escaped here). */
export function markdownTable({ columns, rows }: { columns: string[]; rows: string[][] }): string[] {
  return [`| ${columns.join(' | ')} |`, `|${columns.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.map(escapeCell).join(' | ')} |`)]
}

function tableRow(kpi: ExportKpi, locale: Locale): string[] {
  return [
    kpi.code,
    kpi.name,
    kpi.dataSource,
    kpi.target?.text ?? '',
    formatValue(kpi.currentValue, kpi.unit),
    stageLabel(kpi.stage, locale),
    kpi.latestProposal ?? '',
    statusLabel(kpi.status, locale)
  ]
}

/** The board's tracking table (the columns the board shows), as plain cell text: the launch notice posts it. */
export function boardTable(kpis: readonly ExportKpi[], locale: Locale): { columns: string[]; rows: string[][] } {
  return { columns: [...LABELS[locale].columns], rows: kpis.map((kpi) => tableRow(kpi, locale)) }
}

/**
 * A board version as Markdown for a PRD: the tracking table, then one block per KPI in the
 * PRD's own structured shape (`#### CODE: name`, `**目标**: …`), so the PRD importer reads it back.
 */
export function boardToMarkdown({ boardName, versionLabel, kpis, locale }: BoardMarkdownInput): string {
  const l = LABELS[locale]
  const title = versionLabel ? `${boardName} ${versionLabel}` : boardName
  const lines = [`# ${escapeHeading(title)}`, '']
  lines.push(...markdownTable(boardTable(kpis, locale)))
  lines.push('', `## ${l.details}`, '')
  const categories = [...new Set(kpis.map((k) => k.category.trim()))]
  for (const category of categories) {
    if (categories.length > 1 || category !== '') lines.push(`### ${escapeHeading(category || l.uncategorised)}`, '')
    for (const kpi of kpis.filter((k) => k.category.trim() === category)) lines.push(...kpiDetail(kpi, locale, l))
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`
}
