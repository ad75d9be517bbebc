import type { KpiFieldsInput } from '../../electron/domain/kpi'
import { DEMO_CATEGORIES, DEMO_TEXT, type SampleLocale } from './demo-kpi-text'

/** A sample KPI without the words a user reads: those come per language from `demo-kpi-text.ts`. */
type DemoKpiBase = Omit<KpiFieldsInput, 'name' | 'description' | 'category' | 'owner' | 'notes'> & { code: string }

/**
 * The sample board of a new workspace: an AI-assistant product's KPIs at every lifecycle stage,
 * all measured on the demo warehouse (`dataSource: 'demo'`). Each formula returns one number for
 * any period (week or month) through `:period_start` / `:period_end`. The two drafts are vague and
 * incomplete on purpose, so that the draft analyzer has something to say. The texts are in
 * `demo-kpi-text.ts`, one set per language: `demoKpis(locale)` joins them.
 */

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

export const DEMO_KPIS: DemoKpiBase[] = [
  {
    code: 'KPI-D001',
    formula: `SELECT ROUND(COUNT(*) * 1.0 / COUNT(DISTINCT activity_date), 1)
FROM user_activity
WHERE activity_date >= :period_start AND activity_date < :period_end`,
    dataSource: 'demo',
    stage: 'draft',
    status: 'proposed'
  },
  {
    code: 'KPI-D002',
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
    formula: retention(7),
    dataSource: 'demo',
    target: { text: '≥ 40%', parsed: { comparator: '>=', value: 40, unit: '%' } },
    unit: '%',
    direction: 'higher',
    frequency: 'weekly',
    alertThresholds: { text: '< 30%', redValue: 30 },
    stage: 'feasibility',
    status: 'adjusting'
  },
  {
    code: 'KPI-T008',
    formula: `SELECT ROUND(COUNT(*) FILTER (WHERE status = 'success') * 100.0 / COUNT(*), 2)
FROM deployment_logs
WHERE started_at >= :period_start AND started_at < :period_end`,
    dataSource: 'demo',
    target: { text: '≥ 99%', parsed: { comparator: '>=', value: 99, unit: '%' } },
    unit: '%',
    direction: 'higher',
    frequency: 'weekly',
    alertThresholds: { text: '成功率 < 95%', redValue: 95 },
    stage: 'feasibility',
    status: 'adjusting'
  },
  {
    code: 'KPI-U003',
    formula: retention(1),
    dataSource: 'demo',
    target: { text: '≥ 60%', parsed: { comparator: '>=', value: 60, unit: '%' } },
    unit: '%',
    direction: 'higher',
    frequency: 'weekly',
    alertThresholds: { text: '< 50%', redValue: 50 },
    benchmarks: [{ label: 'Productivity SaaS, day-1', value: '35–45%', source: 'Illustrative sample value' }],
    stage: 'trial',
    status: 'adjusting'
  },
  {
    code: 'KPI-U007',
    formula: `SELECT ROUND(AVG(session_duration), 2)
FROM user_sessions
WHERE session_start >= :period_start AND session_start < :period_end`,
    dataSource: 'demo',
    target: { text: '≥ 25分钟', parsed: { comparator: '>=', value: 25, unit: 'min' } },
    unit: 'min',
    direction: 'higher',
    frequency: 'weekly',
    alertThresholds: { text: '< 15分钟', redValue: 15 },
    stage: 'trial',
    status: 'adjusting'
  },
  {
    code: 'KPI-B002',
    formula: `SELECT ROUND(quantile_cont(response_time, 0.95), 1)
FROM api_logs
WHERE timestamp >= :period_start AND timestamp < :period_end`,
    dataSource: 'demo',
    target: { text: 'P95 ≤ 500ms', parsed: { comparator: '<=', value: 500, unit: 'ms', percentile: 95 } },
    unit: 'ms',
    direction: 'lower',
    frequency: 'daily',
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
    formula: `SELECT COUNT(*)
FROM users
WHERE email_verified AND registration_date >= :period_start AND registration_date < :period_end`,
    dataSource: 'demo',
    target: { text: '≥ 600/月', parsed: { comparator: '>=', value: 600, unit: 'users', window: { kind: 'per', unit: 'month' } } },
    unit: 'users',
    direction: 'higher',
    frequency: 'weekly',
    alertThresholds: { rules: [{ severity: 'P2', period: 'month', direction: 'drop', percent: 15, text: '月环比下降 > 15%' }] },
    stage: 'launched',
    status: 'adopted'
  },
  {
    code: 'KPI-U010',
    formula: `SELECT ROUND(AVG(score), 2)
FROM user_satisfaction_surveys
WHERE survey_date >= :period_start AND survey_date < :period_end`,
    dataSource: 'demo',
    target: { text: '≥ 4.2/5.0', parsed: { comparator: '>=', value: 4.2, unit: 'score', scale: 5 } },
    unit: 'score/5',
    direction: 'higher',
    frequency: 'weekly',
    alertThresholds: { text: '< 4.0', redValue: 4 },
    stage: 'launched',
    status: 'adopted'
  },
  {
    code: 'KPI-B003',
    formula: `SELECT ROUND(COUNT(*) FILTER (WHERE status = 'completed') * 100.0 / COUNT(*), 2)
FROM tasks
WHERE created_at >= :period_start AND created_at < :period_end`,
    dataSource: 'demo',
    target: { text: '≥ 95%', parsed: { comparator: '>=', value: 95, unit: '%' } },
    unit: '%',
    direction: 'higher',
    frequency: 'daily',
    alertThresholds: { text: '< 90%', redValue: 90 },
    stage: 'launched',
    status: 'adopted'
  },
  {
    code: 'KPI-U001',
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
    formula: `SELECT ROUND((COUNT(*) FILTER (WHERE score >= 9) - COUNT(*) FILTER (WHERE score <= 6)) * 100.0 / COUNT(*), 1)
FROM nps_surveys
WHERE survey_date >= :period_start AND survey_date < :period_end`,
    dataSource: 'demo',
    target: { text: '≥ 40', parsed: { comparator: '>=', value: 40, unit: null } },
    direction: 'higher',
    frequency: 'monthly',
    alertThresholds: { text: '< 30', redValue: 30 },
    benchmarks: [{ label: 'B2B SaaS', value: '30–40', source: 'Illustrative sample value' }],
    stage: 'operating',
    status: 'at-risk'
  },
  {
    code: 'KPI-B001',
    formula: `SELECT ROUND(COUNT(*) FILTER (WHERE status = 'up') * 100.0 / COUNT(*), 3)
FROM system_health_checks
WHERE check_type = 'availability' AND timestamp >= :period_start AND timestamp < :period_end`,
    dataSource: 'demo',
    target: { text: '≥ 99.9%', parsed: { comparator: '>=', value: 99.9, unit: '%' } },
    unit: '%',
    direction: 'higher',
    frequency: 'realtime',
    alertThresholds: { text: '< 99.5%', redValue: 99.5 },
    stage: 'operating',
    status: 'stable'
  },
  {
    code: 'KPI-T009',
    formula: `SELECT ROUND(AVG(date_diff('minute', detected_at, resolved_at)), 1)
FROM incident_management
WHERE status = 'resolved'
  AND detected_at >= :period_end - INTERVAL 90 DAY AND detected_at < :period_end`,
    dataSource: 'demo',
    target: { text: '≤ 60分钟', parsed: { comparator: '<=', value: 60, unit: 'min' } },
    unit: 'min',
    direction: 'lower',
    frequency: 'monthly',
    alertThresholds: { text: 'MTTR > 90分钟', redValue: 90 },
    stage: 'operating',
    status: 'stable'
  }
]

/** The sample board in one language: the shared formulas and numbers with that language's words. */
export function demoKpis(locale: SampleLocale): KpiFieldsInput[] {
  return DEMO_KPIS.map((base) => {
    const text = DEMO_TEXT[locale][base.code]!
    const { target, alertThresholds, benchmarks, milestones } = base
    return {
      ...base,
      name: text.name,
      description: text.description,
      category: DEMO_CATEGORIES[locale][text.category],
      ...(text.owner ? { owner: text.owner } : {}),
      ...(text.notes ? { notes: text.notes } : {}),
      ...(target && text.target ? { target: { ...target, text: text.target, ...(text.targetIssue ? { issue: text.targetIssue } : {}) } } : {}),
      ...(alertThresholds
        ? {
            alertThresholds: {
              ...alertThresholds,
              ...(text.alert ? { text: text.alert } : {}),
              ...(alertThresholds.rules ? { rules: alertThresholds.rules.map((rule, i) => ({ ...rule, text: text.rules?.[i] ?? rule.text })) } : {})
            }
          }
        : {}),
      ...(benchmarks && text.benchmark ? { benchmarks: benchmarks.map((b) => ({ ...b, ...text.benchmark })) } : {}),
      ...(milestones && text.milestones ? { milestones: milestones.map((m, i) => ({ ...m, label: text.milestones?.[i] ?? m.label })) } : {})
    }
  })
}
