import { kpiFieldsSchema, type KpiFields, type KpiFieldsInput } from '../../../domain/kpi'

const kpi = (fields: KpiFieldsInput): KpiFields => kpiFieldsSchema.parse(fields)

/** A Chinese support-desk board at mixed stages, like the user's own tracking board. */
export const supportBoard: KpiFields[] = [
  kpi({
    code: 'KPI-001',
    name: '工单平均响应时间',
    description: '从工单创建到客服首次回复的平均时长',
    formula: 'SELECT AVG(EXTRACT(EPOCH FROM first_reply_at - created_at)) / 60 FROM tickets WHERE created_at >= :period_start AND created_at < :period_end',
    dataSource: '工单系统日志',
    target: { text: '≤ 30 分钟', parsed: { comparator: '<=', value: 30, unit: 'min' } },
    unit: 'min',
    direction: 'lower',
    frequency: 'daily',
    owner: '客服主管',
    stage: 'trial',
    status: 'adjusting'
  }),
  kpi({
    code: 'KPI-002',
    name: 'AI 推荐准确率',
    description: '用户采纳的 AI 推荐占全部推荐的比例',
    dataSource: 'postgres://analytics:S3cretPw!@10.0.0.5:5432/prod',
    target: { text: '90%', parsed: { comparator: '>=', value: 90, unit: '%' } },
    unit: '%',
    stage: 'draft',
    notes: '连接备用库时 password=Hunter2Pass'
  }),
  kpi({
    code: 'KPI-003',
    name: 'SLA 达成率',
    description: '在 SLA 时限内解决的工单占比',
    dataSource: 'SLA 监控',
    target: { text: '≥ 95%', parsed: { comparator: '>=', value: 95, unit: '%' } },
    unit: '%',
    frequency: 'weekly',
    owner: '运维经理',
    stage: 'launched',
    status: 'stable'
  })
]

/** An English growth board. */
export const growthBoard: KpiFields[] = [
  kpi({
    code: 'G-01',
    name: 'Weekly active teams',
    description: 'Teams with at least one completed task in the week',
    target: { text: '≥ 400 teams', parsed: null },
    unit: 'teams',
    frequency: 'weekly',
    stage: 'operating',
    status: 'stable'
  }),
  kpi({
    code: 'G-02',
    name: 'Onboarding completion',
    description: 'Share of new sign-ups finishing onboarding within 7 days',
    target: { text: '≥ 60%', parsed: null },
    unit: '%',
    stage: 'operating',
    status: 'stable'
  })
]
