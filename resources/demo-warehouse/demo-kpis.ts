import type { KpiFieldsInput } from '../../electron/domain/kpi'

/**
 * The sample board of a new workspace: an AI-assistant product's KPIs at every lifecycle stage,
 * all measured on the demo warehouse (`dataSource: 'demo'`). Each formula returns one number for
 * any period (week or month) through `:period_start` / `:period_end`. The two drafts are vague and
 * incomplete on purpose, so that the draft analyzer has something to say.
 */
const USER = '用户价值 / User value'
const BUSINESS = '业务 / Business'
const TECH = '技术 / Technical'

/** Share of the users first active in the period who are active again `days` days later. */
const retention = (days: number) => `WITH first_days AS (
  SELECT user_id, MIN(activity_date) AS first_day
  FROM user_activity WHERE task_executed >= 1 GROUP BY user_id
)
SELECT ROUND(COUNT(DISTINCT a.user_id) * 100.0 / NULLIF(COUNT(DISTINCT f.user_id), 0), 2)
FROM first_days f
LEFT JOIN user_activity a
  ON a.user_id = f.user_id AND a.activity_date = f.first_day + ${days} AND a.task_executed >= 1
WHERE f.first_day >= :period_start AND f.first_day < :period_end`

export const DEMO_KPIS: KpiFieldsInput[] = [
  {
    code: 'KPI-D001',
    name: '用户活跃度提升 (Engagement)',
    description: '让更多用户更频繁地使用助手，显著提升整体活跃度。',
    category: USER,
    formula: `SELECT ROUND(COUNT(*) * 1.0 / COUNT(DISTINCT activity_date), 1)
FROM user_activity
WHERE activity_date >= :period_start AND activity_date < :period_end`,
    dataSource: 'demo',
    stage: 'draft',
    status: 'proposed',
    notes: 'Draft from the kickoff notes: no target, owner or frequency yet.'
  },
  {
    code: 'KPI-D002',
    name: '优化响应速度 (Responsiveness)',
    description: 'Make the assistant feel noticeably faster for users.',
    category: TECH,
    formula: `SELECT ROUND(AVG(response_time), 1)
FROM api_logs
WHERE timestamp >= :period_start AND timestamp < :period_end`,
    dataSource: 'demo',
    target: { text: '明显更快', parsed: null, issue: 'No number or comparator in the target.' },
    unit: 'ms',
    direction: 'lower',
    stage: 'draft',
    status: 'proposed'
  },
  {
    code: 'KPI-U004',
    name: '7日留存率 (D7 retention)',
    description: 'Share of users whose first active day falls in the period and who are active again 7 days later.',
    category: USER,
    formula: retention(7),
    dataSource: 'demo',
    target: { text: '≥ 40%', parsed: { comparator: '>=', value: 40, unit: '%' } },
    unit: '%',
    direction: 'higher',
    frequency: 'weekly',
    owner: '增长经理 (Growth PM)',
    alertThresholds: { text: '< 30%', redValue: 30 },
    stage: 'feasibility',
    status: 'adjusting'
  },
  {
    code: 'KPI-T008',
    name: '部署成功率 (Deployment success)',
    description: 'Successful deployments over all deployments started in the period.',
    category: TECH,
    formula: `SELECT ROUND(COUNT(*) FILTER (WHERE status = 'success') * 100.0 / COUNT(*), 2)
FROM deployment_logs
WHERE started_at >= :period_start AND started_at < :period_end`,
    dataSource: 'demo',
    target: { text: '≥ 99%', parsed: { comparator: '>=', value: 99, unit: '%' } },
    unit: '%',
    direction: 'higher',
    frequency: 'weekly',
    owner: 'SRE 负责人 (SRE lead)',
    alertThresholds: { text: '成功率 < 95%', redValue: 95 },
    stage: 'feasibility',
    status: 'adjusting'
  },
  {
    code: 'KPI-U003',
    name: '次日留存率 (D1 retention)',
    description: 'Share of users whose first active day falls in the period and who run a task again the next day.',
    category: USER,
    formula: retention(1),
    dataSource: 'demo',
    target: { text: '≥ 60%', parsed: { comparator: '>=', value: 60, unit: '%' } },
    unit: '%',
    direction: 'higher',
    frequency: 'weekly',
    owner: '产品经理 (PM)',
    alertThresholds: { text: '< 50%', redValue: 50 },
    benchmarks: [{ label: 'Productivity SaaS, day-1', value: '35–45%', source: 'Illustrative sample value' }],
    stage: 'trial',
    status: 'adjusting'
  },
  {
    code: 'KPI-U007',
    name: '会话平均时长 (Avg session length)',
    description: 'Average length of the sessions started in the period.',
    category: USER,
    formula: `SELECT ROUND(AVG(session_duration), 2)
FROM user_sessions
WHERE session_start >= :period_start AND session_start < :period_end`,
    dataSource: 'demo',
    target: { text: '≥ 25分钟', parsed: { comparator: '>=', value: 25, unit: 'min' } },
    unit: 'min',
    direction: 'higher',
    frequency: 'weekly',
    owner: '产品经理 (PM)',
    alertThresholds: { text: '< 15分钟', redValue: 15 },
    stage: 'trial',
    status: 'adjusting'
  },
  {
    code: 'KPI-B002',
    name: 'API 响应时间 P95 (API latency P95)',
    description: '95th percentile of API response times in the period.',
    category: BUSINESS,
    formula: `SELECT ROUND(quantile_cont(response_time, 0.95), 1)
FROM api_logs
WHERE timestamp >= :period_start AND timestamp < :period_end`,
    dataSource: 'demo',
    target: { text: 'P95 ≤ 500ms', parsed: { comparator: '<=', value: 500, unit: 'ms', percentile: 95 } },
    unit: 'ms',
    direction: 'lower',
    frequency: 'daily',
    owner: '后端负责人 (Backend lead)',
    alertThresholds: {
      text: 'P95 > 800ms',
      redValue: 800,
      rules: [{ severity: 'P2', period: 'week', direction: 'rise', percent: 20, text: '周环比上升 > 20%' }]
    },
    stage: 'trial',
    status: 'adopted'
  },
  {
    code: 'KPI-U002',
    name: '新增验证用户数 (Verified sign-ups)',
    description: 'Users who registered in the period and verified their e-mail.',
    category: USER,
    formula: `SELECT COUNT(*)
FROM users
WHERE email_verified AND registration_date >= :period_start AND registration_date < :period_end`,
    dataSource: 'demo',
    target: { text: '≥ 600/月', parsed: { comparator: '>=', value: 600, unit: 'users', window: { kind: 'per', unit: 'month' } } },
    unit: 'users',
    direction: 'higher',
    frequency: 'weekly',
    owner: '市场经理 (Marketing)',
    alertThresholds: { rules: [{ severity: 'P2', period: 'month', direction: 'drop', percent: 15, text: '月环比下降 > 15%' }] },
    stage: 'launched',
    status: 'adopted'
  },
  {
    code: 'KPI-U010',
    name: '用户满意度 (CSAT)',
    description: 'Average score of the in-product satisfaction survey (1–5).',
    category: USER,
    formula: `SELECT ROUND(AVG(score), 2)
FROM user_satisfaction_surveys
WHERE survey_date >= :period_start AND survey_date < :period_end`,
    dataSource: 'demo',
    target: { text: '≥ 4.2/5.0', parsed: { comparator: '>=', value: 4.2, unit: 'score', scale: 5 } },
    unit: 'score/5',
    direction: 'higher',
    frequency: 'weekly',
    owner: '产品经理 (PM)',
    alertThresholds: { text: '< 4.0', redValue: 4 },
    stage: 'launched',
    status: 'adopted'
  },
  {
    code: 'KPI-B003',
    name: '任务成功率 (Task success rate)',
    description: 'Completed tasks over all tasks created in the period.',
    category: BUSINESS,
    formula: `SELECT ROUND(COUNT(*) FILTER (WHERE status = 'completed') * 100.0 / COUNT(*), 2)
FROM tasks
WHERE created_at >= :period_start AND created_at < :period_end`,
    dataSource: 'demo',
    target: { text: '≥ 95%', parsed: { comparator: '>=', value: 95, unit: '%' } },
    unit: '%',
    direction: 'higher',
    frequency: 'daily',
    owner: '后端负责人 (Backend lead)',
    alertThresholds: { text: '< 90%', redValue: 90 },
    stage: 'launched',
    status: 'adopted'
  },
  {
    code: 'KPI-U001',
    name: '月活跃用户数 (MAU)',
    description: 'Distinct external users who ran at least one task in the period.',
    category: USER,
    formula: `SELECT COUNT(DISTINCT a.user_id)
FROM user_activity a JOIN users u ON u.user_id = a.user_id
WHERE a.activity_date >= :period_start AND a.activity_date < :period_end
  AND a.task_executed >= 1 AND NOT u.is_internal`,
    dataSource: 'demo',
    target: {
      text: '12个月内达到3,000 MAU',
      parsed: { comparator: '>=', value: 3000, unit: 'users', window: { kind: 'within', amount: 12, unit: 'month' } }
    },
    unit: 'users',
    direction: 'higher',
    frequency: 'monthly',
    owner: '产品经理 (PM)',
    alertThresholds: { text: '< 目标值的80%' },
    milestones: [
      { label: 'Month 3', target: '300 MAU', value: 300 },
      { label: 'Month 6', target: '800 MAU', value: 800 },
      { label: 'Month 9', target: '2,000 MAU', value: 2000 },
      { label: 'Month 12', target: '3,000 MAU', value: 3000 }
    ],
    stage: 'operating',
    status: 'stable'
  },
  {
    code: 'KPI-U011',
    name: '净推荐值 (NPS)',
    description: 'Promoters (9–10) minus detractors (0–6), in percent of survey responses.',
    category: USER,
    formula: `SELECT ROUND((COUNT(*) FILTER (WHERE score >= 9) - COUNT(*) FILTER (WHERE score <= 6)) * 100.0 / COUNT(*), 1)
FROM nps_surveys
WHERE survey_date >= :period_start AND survey_date < :period_end`,
    dataSource: 'demo',
    target: { text: '≥ 40', parsed: { comparator: '>=', value: 40, unit: null } },
    direction: 'higher',
    frequency: 'monthly',
    owner: '产品经理 (PM)',
    alertThresholds: { text: '< 30', redValue: 30 },
    benchmarks: [{ label: 'B2B SaaS', value: '30–40', source: 'Illustrative sample value' }],
    stage: 'operating',
    status: 'at-risk'
  },
  {
    code: 'KPI-B001',
    name: '系统可用性 (Availability)',
    description: 'Share of availability checks that found the service up.',
    category: BUSINESS,
    formula: `SELECT ROUND(COUNT(*) FILTER (WHERE status = 'up') * 100.0 / COUNT(*), 3)
FROM system_health_checks
WHERE check_type = 'availability' AND timestamp >= :period_start AND timestamp < :period_end`,
    dataSource: 'demo',
    target: { text: '≥ 99.9%', parsed: { comparator: '>=', value: 99.9, unit: '%' } },
    unit: '%',
    direction: 'higher',
    frequency: 'realtime',
    owner: 'SRE 负责人 (SRE lead)',
    alertThresholds: { text: '< 99.5%', redValue: 99.5 },
    stage: 'operating',
    status: 'stable'
  },
  {
    code: 'KPI-T009',
    name: '近90天平均故障恢复时间 (MTTR, 90d)',
    description: 'Mean minutes from detection to resolution of incidents detected in the 90 days before the period ends.',
    category: TECH,
    formula: `SELECT ROUND(AVG(date_diff('minute', detected_at, resolved_at)), 1)
FROM incident_management
WHERE status = 'resolved'
  AND detected_at >= :period_end - INTERVAL 90 DAY AND detected_at < :period_end`,
    dataSource: 'demo',
    target: { text: '≤ 60分钟', parsed: { comparator: '<=', value: 60, unit: 'min' } },
    unit: 'min',
    direction: 'lower',
    frequency: 'monthly',
    owner: 'SRE 负责人 (SRE lead)',
    alertThresholds: { text: 'MTTR > 90分钟', redValue: 90 },
    stage: 'operating',
    status: 'stable'
  }
]
