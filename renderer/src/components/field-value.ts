import type { AlertThresholds, Benchmark, KpiField, Milestone, Target } from '../../../electron/domain/kpi'
import { formatMapping, type ResultMapping } from '../../../electron/domain/result-mapping'

type T = (key: string, vars?: Record<string, unknown>) => string

const pct = (ratio: number) => `${Math.round(ratio * 1000) / 10}%`

/** A field's value as one line of plain text for diffs and the timeline; null when empty. */
export function formatFieldValue(field: KpiField, value: unknown, t: T): string | null {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return null
  switch (field) {
    case 'target':
      return (value as Target).text
    case 'stage':
    case 'status':
    case 'direction':
    case 'frequency':
      return t(`${field}.${String(value)}`)
    case 'targetPeriod':
      return t(`grain.${String(value)}`)
    case 'aggregation':
      return t(`aggregation.${String(value)}`)
    case 'tags':
      return (value as string[]).join(', ')
    case 'mapping':
      return formatMapping(value as ResultMapping)
    case 'benchmarks':
      return (value as Benchmark[]).map((b) => `${b.label}: ${b.value}${b.source ? ` (${b.source})` : ''}`).join('; ')
    case 'milestones':
      return (value as Milestone[]).map((m) => `${m.label}: ${m.target}${m.due ? ` @${m.due}` : ''}`).join('; ')
    case 'alertThresholds': {
      const a = value as AlertThresholds
      const parts = [t('drawer.redBelow', { pct: pct(a.redRatio) }), t('drawer.yellowBelow', { pct: pct(a.yellowRatio) })]
      if (a.text) parts.push(a.text)
      if (a.rules?.length) parts.push(a.rules.map((r) => r.text ?? `${r.severity} ${r.direction} > ${r.percent}%/${r.period}`).join(', '))
      return parts.join(' · ')
    }
    default:
      return typeof value === 'string' ? value : JSON.stringify(value)
  }
}
