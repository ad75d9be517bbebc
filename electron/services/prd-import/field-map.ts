import type { Code } from 'mdast'
import { parseTarget } from '../../domain/target/parse-target'
import { parseChangeRule } from '../../domain/target/alert-threshold'
import type { Draft } from './draft'
import { normalizeCode, splitPair } from './draft'
import type { FieldKind } from './labels'
import { isTimeLabel, mapStage, mapStatus, severityOf } from './value-maps'

/** A labelled field of a KPI block: the label, the text on its line, and what follows it. */
export interface Entry {
  kind: FieldKind | null
  label: string
  inline: string
  items: string[]
  code: Code[]
  prose: string[]
}

const SQL_LANGS = new Set([
  'sql',
  'postgresql',
  'postgres',
  'pgsql',
  'psql',
  'mysql',
  'sqlite',
  'plsql',
  'tsql',
  'clickhouse',
  'duckdb',
  'hive',
  'hql',
  'sparksql',
  'bigquery',
  'snowflake'
])

/** Only SQL fences are formulas; yaml/bash/k6 snippets describe tooling, not a calculation. */
export function isSqlFence(code: Code): boolean {
  const lang = (code.lang ?? '').toLowerCase()
  if (lang) return SQL_LANGS.has(lang)
  return /^\s*(select|with)\b/i.test(code.value)
}

function join(parts: string[], separator = '; '): string {
  return parts
    .map((part) => part.trim())
    .filter(Boolean)
    .join(separator)
}

export function applyEntry(draft: Draft, entry: Entry): void {
  const { inline, items, prose } = entry
  switch (entry.kind) {
    case 'target':
      draft.targetText ||= inline || items[0] || prose[0] || ''
      return
    case 'description':
      draft.description = join([draft.description, inline, ...items, ...prose])
      return
    case 'formula': {
      const sql = entry.code.find(isSqlFence)
      if (sql) draft.formula = sql.value
      else draft.formula ||= join([inline, ...items, ...prose], '\n')
      return
    }
    case 'dataSource':
      draft.dataSource ||= join([inline, ...items])
      return
    case 'frequency':
      draft.frequencyText ||= inline || items[0] || ''
      return
    case 'owner':
      draft.owner ||= join([inline, ...items], '、')
      return
    case 'alert':
      applyAlert(draft, entry)
      return
    case 'benchmarks':
      applyBenchmarks(draft, entry)
      return
    case 'breakdown':
      applyBreakdown(draft, entry)
      return
    case 'unit':
      draft.unit ||= inline
      return
    case 'category':
      draft.category = inline || draft.category
      return
    case 'code':
      draft.code ??= normalizeCode(inline)
      return
    case 'name':
      draft.name ||= inline
      return
    case 'current':
      draft.currentValue ??= inline || null
      return
    case 'stage':
      draft.stage ??= mapStage(inline)
      return
    case 'status':
      draft.status ??= mapStatus(inline)
      return
    case null: {
      // A SQL fence under any other label ("MTTR计算", "API使用分析") is still the KPI's formula.
      const sql = entry.code.find(isSqlFence)
      if (sql && !draft.formula) draft.formula = sql.value
    }
  }
}

function applyAlert(draft: Draft, entry: Entry): void {
  const texts: string[] = []
  for (const text of [entry.inline, ...entry.items]) {
    if (!text) continue
    const rule = severityOf(text) ? parseChangeRule(text) : null
    if (rule) draft.alertRules.push(rule)
    else texts.push(text)
  }
  draft.alertText = join([draft.alertText, ...texts])
}

function applyBenchmarks(draft: Draft, entry: Entry): void {
  const label = entry.label.replace(/[*:：]/g, '').trim()
  if (entry.inline) draft.benchmarks.push({ label, value: entry.inline })
  for (const item of entry.items) {
    const pair = splitPair(item)
    draft.benchmarks.push(pair ? { label: pair.label, value: pair.value } : { label, value: item })
  }
}

// Time-phased items become milestones; other breakdowns (per priority, per layer) stay as notes.
function applyBreakdown(draft: Draft, entry: Entry): void {
  if (entry.inline && entry.items.length === 0) {
    if (!draft.targetText) draft.targetText = entry.inline
    else draft.notes.push(`${entry.label}: ${entry.inline}`)
    return
  }
  const others: string[] = []
  for (const item of entry.items) {
    const pair = splitPair(item)
    if (pair && isTimeLabel(pair.label)) {
      const parsed = parseTarget(pair.value).parsed
      draft.milestones.push({ label: pair.label, target: pair.value, value: parsed ? parsed.value : null })
    } else {
      others.push(item)
    }
  }
  if (others.length) draft.notes.push(`${entry.label}: ${others.join('; ')}`)
}
