import type { ExportKpi } from '../../domain/export'
import { formatMapping } from '../../domain/result-mapping'
import { formatBenchmarks, formatMilestones, formatThresholds, formatValue, frequencyLabel, stageLabel, statusLabel } from './kpi-text'

/** The KPI's fields as labelled lines for an issue or card body; empty fields are left out. */
export interface DescriptionPart {
  label: string
  value: string
  /** The formula when it is SQL, to be shown as a code block. */
  code?: 'sql'
}

export const isSqlFormula = (formula: string): boolean => /^\s*(select|with)\b/i.test(formula)

export function kpiDescriptionParts(kpi: ExportKpi): DescriptionPart[] {
  const parts: DescriptionPart[] = [
    { label: 'Definition', value: kpi.description },
    { label: 'Target', value: kpi.target?.text ?? '' },
    { label: 'Current value', value: formatValue(kpi.currentValue, kpi.unit) },
    { label: 'Data source', value: kpi.dataSource },
    { label: 'Source note', value: kpi.sourceNote },
    { label: 'Formula', value: kpi.formula, ...(isSqlFormula(kpi.formula) ? { code: 'sql' as const } : {}) },
    { label: 'Result mapping', value: formatMapping(kpi.mapping) },
    { label: 'Category', value: kpi.category },
    { label: 'Unit', value: kpi.unit },
    { label: 'Direction', value: kpi.direction },
    { label: 'Frequency', value: kpi.frequency ? frequencyLabel(kpi.frequency, 'en') : '' },
    { label: 'Owner', value: kpi.owner },
    { label: 'Alert thresholds', value: formatThresholds(kpi.alertThresholds) },
    { label: 'Milestones', value: formatMilestones(kpi.milestones) },
    { label: 'Benchmarks', value: formatBenchmarks(kpi.benchmarks) },
    { label: 'Stage', value: stageLabel(kpi.stage, 'en') },
    { label: 'Status', value: statusLabel(kpi.status, 'en') },
    { label: 'Latest proposal', value: kpi.latestProposal ?? '' },
    { label: 'Version', value: kpi.versionLabel ?? '' },
    { label: 'Tags', value: kpi.tags.join(', ') },
    { label: 'Notes', value: kpi.notes }
  ]
  return parts.filter((p) => p.value.trim() !== '')
}

/** "KPI-U001 月活跃用户数": the title of an issue, card or page. */
export const kpiSummary = (kpi: ExportKpi): string => `${kpi.code} ${kpi.name}`.slice(0, 255)

/** Jira and Trello labels cannot hold spaces; keep them short and stable. */
export function normaliseLabel(text: string): string {
  return text.trim().replace(/\s+/g, '-').slice(0, 255)
}

export function kpiLabels(kpi: ExportKpi): string[] {
  const labels = [`stage-${kpi.stage}`, kpi.category, ...kpi.tags].map(normaliseLabel).filter((l) => l !== '')
  return [...new Set(labels)]
}

/** Plain text with the SQL formula fenced, for Trello's Markdown card descriptions. */
export function kpiMarkdownDescription(kpi: ExportKpi): string {
  return kpiDescriptionParts(kpi)
    .map((p) => (p.code ? `**${p.label}**:\n\`\`\`sql\n${p.value}\n\`\`\`` : `**${p.label}**: ${p.value}`))
    .join('\n\n')
}
