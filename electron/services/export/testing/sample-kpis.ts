import type { ExportKpi } from '../../../domain/export'

/** A small realistic board: Chinese and English text, SQL and prose formulas, every structured field. */
export function sampleKpis(): ExportKpi[] {
  return [
    {
      id: 1,
      revisionId: 11,
      code: 'KPI-U001',
      name: '月活跃用户数 (MAU)',
      description: '自然月内登录并至少完成一次任务的去重用户数\n不含内部与测试账号',
      category: '用户价值',
      formula:
        'SELECT COUNT(DISTINCT user_id)\nFROM user_activity\nWHERE activity_date >= :period_start\n  AND activity_date < :period_end\n  AND task_executed >= 1;',
      dataSource: 'analytics-pg',
      sourceNote: '',
      mapping: null,
      target: { text: '6个月内达到1,000 MAU', parsed: { comparator: '>=', value: 1000, unit: 'users', window: { kind: 'within', amount: 6, unit: 'month' } } },
      unit: 'users',
      direction: 'higher',
      frequency: 'daily',
      targetPeriod: null,
      aggregation: null,
      owner: '产品经理',
      alertThresholds: { text: '< 目标值的80%', redRatio: 0.8, yellowRatio: 0.9, rules: [] },
      benchmarks: [],
      milestones: [
        { label: 'Month 1', target: '60 MAU' },
        { label: 'Month 2', target: '180 MAU' },
        { label: 'Month 3', target: '400 MAU', due: '2026-03-31' }
      ],
      stage: 'trial',
      status: 'adjusting',
      tags: ['增长', 'north-star'],
      notes: '',
      currentValue: 412,
      latestProposal: '把第3个月目标下调到 350 MAU，并增加周环比 > 20% 的下跌预警',
      versionLabel: 'v1.0'
    },
    {
      id: 2,
      revisionId: 12,
      code: 'KPI-B002',
      name: 'API P95 latency | gateway',
      description: 'Time to first byte at the API gateway, 95th percentile over all authenticated requests.',
      category: 'Technical',
      formula: 'P95 of gateway request duration, read from the monitoring dashboard',
      dataSource: 'manual',
      sourceNote: '',
      mapping: null,
      target: { text: 'P95 ≤ 500ms', parsed: { comparator: '<=', value: 500, unit: 'ms', percentile: 95 } },
      unit: 'ms',
      direction: 'lower',
      frequency: 'hourly',
      targetPeriod: null,
      aggregation: null,
      owner: 'SRE team',
      alertThresholds: {
        text: 'P95 > 800ms',
        redRatio: 0.75,
        yellowRatio: 0.9,
        redValue: 800,
        rules: [{ severity: 'P1', period: 'week', direction: 'rise', percent: 25 }]
      },
      benchmarks: [
        { label: 'SaaS median', value: '600-800ms', source: 'public status pages 2025' },
        { label: 'Best in class', value: '< 300ms (edge cached)' }
      ],
      milestones: [],
      stage: 'launched',
      status: 'stable',
      tags: ['performance'],
      notes: 'Measured at the edge; excludes *batch* uploads.',
      currentValue: 430,
      latestProposal: null,
      versionLabel: 'v1.0+'
    },
    {
      id: 3,
      revisionId: 13,
      code: 'KPI-U010',
      name: '用户满意度评分 (CSAT)',
      description: '问卷 5 分制平均分',
      category: '用户价值',
      formula: 'WITH s AS (\n  SELECT score FROM satisfaction_survey WHERE answered_at >= :period_start\n)\nSELECT AVG(score) FROM s;',
      dataSource: '问卷系统',
      sourceNote: '问卷系统每周导出；渠道 = 应用内 + 邮件',
      mapping: { value: 'avg_csat', period: 'week', grain: 'week', combine: { kind: 'weighted', weight: 'responses' }, scale: 1 },
      target: { text: '≥ 4.2/5.0', parsed: { comparator: '>=', value: 4.2, unit: 'score', scale: 5 } },
      unit: 'score/5',
      direction: 'higher',
      frequency: 'weekly',
      targetPeriod: null,
      aggregation: null,
      owner: '客服经理',
      alertThresholds: null,
      benchmarks: [{ label: 'SaaS行业平均', value: '3.8-4.0' }],
      milestones: [],
      stage: 'draft',
      status: 'proposed',
      tags: [],
      notes: '',
      currentValue: null,
      latestProposal: null,
      versionLabel: null
    }
  ]
}
