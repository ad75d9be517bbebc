import type { FieldChange, KpiView, RevisionView, VersionDiff } from '../domain/views'
import { formatTarget } from '../domain/target/parse-target'
import { judgingOf } from '../domain/judging/judging'

/** Fixed-width text table for terminals; CJK characters count double. */
export function table(headers: string[], rows: string[][]): string {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uFFDC]/.test(ch) ? 2 : 1), 0)
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))))
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c + ' '.repeat((widths[i] ?? 0) - width(c)))
      .join('  ')
      .trimEnd()
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}

export const show = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '—'
  if (typeof value === 'object' && value !== null && 'text' in value) return String((value as { text: string }).text)
  return typeof value === 'string' ? value : JSON.stringify(value)
}

export const when = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 16)

export function kpiDetail(kpi: KpiView): string {
  const target = kpi.target
  const parsed = target?.parsed
  const lines = [
    `${kpi.code}  ${kpi.name}   (revision ${kpi.revisionNumber}, ${kpi.stage}, ${kpi.status})`,
    `target:       ${target ? target.text : '—'}${parsed ? `  →  ${formatTarget(parsed, 'en')}` : target ? `  (not understood: ${target.issue ?? 'unparsed'})` : ''}`
  ]
  for (const field of ['description', 'category', 'unit', 'direction', 'frequency', 'owner', 'dataSource', 'formula', 'tags', 'notes'] as const) {
    lines.push(`${(field + ':').padEnd(14)}${show(kpi[field])}`)
  }
  // What is not set is inferred: shown as such, the way the drawer shows it.
  const judging = judgingOf(kpi)
  const period = judging.targetPeriod ?? judging.valueGrain
  lines.push(`${'judged over:'.padEnd(14)}${period ?? '—'}${judging.inferred.targetPeriod && period ? ' (inferred)' : ''}`)
  lines.push(`${'aggregation:'.padEnd(14)}${judging.aggregation}${judging.inferred.aggregation ? ' (inferred)' : ''}`)
  if (kpi.milestones.length) lines.push(`milestones:   ${kpi.milestones.map((m) => `${m.label}: ${m.target}`).join('; ')}`)
  if (kpi.benchmarks.length) lines.push(`benchmarks:   ${kpi.benchmarks.map((b) => `${b.label}: ${b.value}`).join('; ')}`)
  if (kpi.alertThresholds)
    lines.push(
      `alerts:       ${kpi.alertThresholds.text ?? `red < ${kpi.alertThresholds.redRatio * 100}%, yellow < ${kpi.alertThresholds.yellowRatio * 100}% of target`}`
    )
  return lines.join('\n')
}

export function historyTable(revisions: RevisionView[]): string {
  return table(
    ['#', 'when', 'who', 'source', 'kind', 'target', 'reason'],
    revisions.map((r) => [String(r.number), when(r.createdAt), r.author, r.source, r.kind, show(r.target), r.reason])
  )
}

export const changeLines = (changes: FieldChange[], indent = '  ') => changes.map((c) => `${indent}${c.field}: ${show(c.from)} → ${show(c.to)}`)

export function versionDiffText(diff: VersionDiff): string {
  const lines = [
    `${diff.from} → ${diff.to}: ${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed, ${diff.unchanged} unchanged`
  ]
  for (const k of diff.added) lines.push(`+ ${k.code} ${k.name}`)
  for (const k of diff.removed) lines.push(`- ${k.code} ${k.name}`)
  for (const k of diff.changed) lines.push(`~ ${k.code} ${k.name} (r${k.fromRevision} → r${k.toRevision})`, ...changeLines(k.changes, '    '))
  return lines.join('\n')
}
