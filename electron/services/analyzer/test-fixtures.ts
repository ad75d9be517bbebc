import { kpiFieldsSchema, type KpiFieldsInput, type ParsedTarget } from '../../domain/kpi'
import type { Measurement } from '../../domain/measurement'
import { proposalDraftSchema, type ProposalDraft } from '../../domain/proposal'
import type { AnalyzerKpi } from './types'

export function kpi(id: number, fields: KpiFieldsInput, launchedAt?: number): AnalyzerKpi {
  return { id, fields: kpiFieldsSchema.parse(fields), ...(launchedAt === undefined ? {} : { launchedAt }) }
}

export function target(text: string, parsed: ParsedTarget | null): { text: string; parsed: ParsedTarget | null } {
  return { text, parsed }
}

const DAY = 86_400_000

/** One measurement per period from `start` (ISO date), stepping by day, week or calendar month. */
export function series(kpiId: number, start: string, step: 'day' | 'week' | 'month', values: number[]): Measurement[] {
  const startTime = Date.parse(`${start}T00:00:00Z`)
  const at = (index: number): string => {
    if (step === 'month') {
      const date = new Date(startTime)
      date.setUTCMonth(date.getUTCMonth() + index)
      return date.toISOString().slice(0, 10)
    }
    return new Date(startTime + index * (step === 'day' ? DAY : 7 * DAY)).toISOString().slice(0, 10)
  }
  return values.map((value, index) => ({
    id: kpiId * 10_000 + index,
    kpiId,
    periodStart: at(index),
    periodEnd: at(index + 1),
    value,
    source: 'query',
    note: '',
    recordedAt: Date.parse(`${at(index + 1)}T01:00:00Z`)
  }))
}

/** Every proposal the analyzer returns must pass the same schema the assistant's output is held to. */
export function valid(proposals: ProposalDraft[]): ProposalDraft[] {
  return proposals.map((proposal) => proposalDraftSchema.parse(proposal))
}

export function patchOf(proposal: ProposalDraft | null | undefined, field: string): { value: unknown; rationale: string } | undefined {
  if (!proposal || proposal.kind !== 'patch') return undefined
  return proposal.patches.find((patch) => patch.field === field)
}

/** A full KPI as the PRD's KPI-U003 (次日留存率) describes it: nothing for the draft lint to find. */
export const RETENTION_D1: KpiFieldsInput = {
  code: 'KPI-U003',
  name: '用户次日留存率',
  description: '第1天活跃用户在第2天仍然活跃的比例',
  category: '用户价值',
  formula: 'SELECT COUNT(DISTINCT user_id) * 100.0 / (SELECT COUNT(DISTINCT user_id) FROM user_activity) FROM user_activity WHERE task_executed >= 1',
  dataSource: 'analytics',
  target: { text: '≥ 60%', parsed: { comparator: '>=', value: 60, unit: '%' } },
  unit: '%',
  direction: 'higher',
  frequency: 'daily',
  owner: '产品经理',
  alertThresholds: { text: '< 50%', redRatio: 0.8, yellowRatio: 0.9, redValue: 50, rules: [] },
  benchmarks: [{ label: 'SaaS行业平均', value: '35-40%', source: 'PRD' }],
  stage: 'draft'
}
