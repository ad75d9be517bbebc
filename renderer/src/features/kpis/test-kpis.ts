import type { KpiView } from '../../../../electron/api'
import type { KpiFields } from '../../../../electron/domain/kpi'

let nextId = 1

/** A realistic KPI view for selector tests; fields default the way the core defaults them. */
export function kpiView(fields: Partial<KpiFields> & Pick<KpiFields, 'code' | 'name'>, meta: Partial<KpiView> = {}): KpiView {
  const id = nextId++
  return {
    description: '',
    category: '',
    formula: '',
    dataSource: '',
    sourceNote: '',
    mapping: null,
    target: null,
    unit: '',
    direction: 'higher',
    frequency: null,
    targetPeriod: null,
    aggregation: null,
    owner: '',
    alertThresholds: null,
    benchmarks: [],
    milestones: [],
    stage: 'draft',
    status: 'proposed',
    tags: [],
    notes: '',
    ...fields,
    id,
    boardId: 1,
    revisionId: id * 10,
    revisionNumber: 1,
    major: 1,
    updatedAt: 1_700_000_000_000 + id,
    updatedBy: 'local',
    ...meta
  }
}
