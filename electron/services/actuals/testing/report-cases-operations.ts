import { MARCH, Q1, YEAR, type ReportCase } from './report-case'

/** Operations and money: latency, task and deployment success, incidents, cost, ROI and revenue. */
export const OPERATIONS_CASES: ReportCase[] = [
  {
    id: 'P95 latency per endpoint per day, one endpoint chosen',
    kpi: { code: 'R-P95T', name: '/v1/tasks P95 延迟', target: 'P95 ≤ 800ms', frequency: 'daily' },
    sql: {
      postgres: `SELECT requested_at::date AS day, endpoint, COUNT(*) AS requests,
  PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY latency_ms) AS p95_ms
FROM api_requests GROUP BY 1, 2 ORDER BY 1, 2`
    },
    range: MARCH,
    grain: 'day',
    proposes: { period: 'day', grain: 'day', value: 'p95_ms' },
    mapping: { period: 'day', grain: 'day', value: 'p95_ms', segment: { column: 'endpoint', value: '/v1/tasks' } },
    expected: `SELECT PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY latency_ms) FROM api_requests
WHERE endpoint = '/v1/tasks' AND requested_at >= $1 AND requested_at < $2`,
    tolerance: 1e-6
  },
  {
    id: 'P95 latency with an all-endpoints row (GROUPING SETS)',
    kpi: { code: 'R-P95', name: 'API P95 响应时间', target: 'P95 ≤ 500ms', frequency: 'daily' },
    sql: {
      postgres: `SELECT requested_at::date AS day, COALESCE(endpoint, 'all') AS endpoint,
  PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY latency_ms) AS p95_latency, COUNT(*) AS requests
FROM api_requests GROUP BY GROUPING SETS ((requested_at::date, endpoint), (requested_at::date)) ORDER BY 1, 2`
    },
    range: MARCH,
    grain: 'day',
    proposes: { period: 'day', grain: 'day', value: 'p95_latency', segment: { column: 'endpoint', value: 'all' } },
    expected: 'SELECT PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY latency_ms) FROM api_requests WHERE requested_at >= $1 AND requested_at < $2',
    tolerance: 1e-6
  },
  {
    id: 'task success rate per type, recomputed per day',
    kpi: { code: 'R-TSR', name: '任务成功率', target: '≥ 95%', frequency: 'daily' },
    sql: {
      postgres: `SELECT DATE_TRUNC('day', created_at)::date AS date, task_type, COUNT(*) AS total_tasks,
  COUNT(*) FILTER (WHERE status = 'completed') AS successful_tasks,
  COUNT(*) FILTER (WHERE status = 'failed') AS failed_tasks,
  ROUND(COUNT(*) FILTER (WHERE status = 'completed') * 100.0 / COUNT(*), 2) AS success_rate
FROM tasks GROUP BY 1, 2 ORDER BY date, success_rate`,
      mysql: `SELECT DATE(created_at) AS date, task_type, COUNT(*) AS total_tasks,
  SUM(status = 'completed') AS successful_tasks, SUM(status = 'failed') AS failed_tasks,
  ROUND(SUM(status = 'completed') * 100.0 / COUNT(*), 2) AS success_rate
FROM tasks GROUP BY 1, 2 ORDER BY date, success_rate`
    },
    range: MARCH,
    grain: 'day',
    proposes: {
      period: 'date',
      grain: 'day',
      value: 'success_rate',
      combine: { kind: 'ratio', numerator: 'successful_tasks', denominator: 'total_tasks', factor: 100 }
    },
    expected: "SELECT COUNT(*) FILTER (WHERE status = 'completed') * 100.0 / COUNT(*) FROM tasks WHERE created_at >= $1 AND created_at < $2",
    tolerance: 1e-9
  },
  {
    id: 'success ratio (0–1) with an all row, against a percent target',
    kpi: { code: 'R-TSA', name: 'Task success rate', target: '≥ 90%', frequency: 'daily' },
    sql: {
      postgres: `SELECT created_at::date AS day, task_type, ROUND(AVG(CASE WHEN status = 'completed' THEN 1.0 ELSE 0 END), 4) AS success_ratio FROM tasks GROUP BY 1, 2
UNION ALL
SELECT created_at::date, 'all', ROUND(AVG(CASE WHEN status = 'completed' THEN 1.0 ELSE 0 END), 4) FROM tasks GROUP BY 1
ORDER BY 1, 2`
    },
    range: MARCH,
    grain: 'day',
    proposes: { period: 'day', grain: 'day', value: 'success_ratio', segment: { column: 'task_type', value: 'all' }, scale: 100 },
    expected: "SELECT COUNT(*) FILTER (WHERE status = 'completed') * 100.0 / COUNT(*) FROM tasks WHERE created_at >= $1 AND created_at < $2",
    tolerance: 0.005
  },
  {
    id: 'cost per user per month (two CTEs joined)',
    kpi: { code: 'R-CPU', name: '单用户运营成本', target: '≤ $50/月', frequency: 'monthly' },
    sql: {
      postgres: `WITH monthly_cost AS (
  SELECT DATE_TRUNC('month', cost_date)::date AS month, SUM(amount) AS total_cost FROM costs GROUP BY 1
), mau AS (
  SELECT DATE_TRUNC('month', activity_date)::date AS month, COUNT(DISTINCT user_id) AS mau FROM activity GROUP BY 1
)
SELECT c.month, c.total_cost, m.mau, ROUND(c.total_cost / m.mau, 2) AS cost_per_user
FROM monthly_cost c JOIN mau m ON m.month = c.month ORDER BY 1`,
      mysql: `WITH monthly_cost AS (
  SELECT DATE_FORMAT(cost_date, '%Y-%m-01') AS month, SUM(amount) AS total_cost FROM costs GROUP BY 1
), mau AS (
  SELECT DATE_FORMAT(activity_date, '%Y-%m-01') AS month, COUNT(DISTINCT user_id) AS mau FROM activity GROUP BY 1
)
SELECT c.month, c.total_cost, m.mau, ROUND(c.total_cost / m.mau, 2) AS cost_per_user
FROM monthly_cost c JOIN mau m ON m.month = c.month ORDER BY 1`
    },
    range: YEAR,
    grain: 'month',
    proposes: { period: 'month', grain: 'month', value: 'cost_per_user' },
    expected: `SELECT (SELECT SUM(amount) FROM costs WHERE cost_date >= $1 AND cost_date < $2)
  / (SELECT COUNT(DISTINCT user_id) FROM activity WHERE activity_date >= $1 AND activity_date < $2)`,
    tolerance: 0.005
  },
  {
    id: 'ROI per quarter, above 100%',
    kpi: { code: 'R-ROI', name: '基础设施ROI', target: '≥ 200%', frequency: 'quarterly' },
    sql: {
      postgres: `SELECT DATE_TRUNC('quarter', month_start)::date AS quarter, SUM(investment) AS infra_investment, SUM(revenue) AS revenue,
  SUM(operating_cost) AS operating_cost, ROUND((SUM(revenue) - SUM(operating_cost)) * 100.0 / SUM(investment), 2) AS roi_percentage
FROM finance GROUP BY 1 ORDER BY 1`,
      mysql: `SELECT MAKEDATE(YEAR(month_start), 1) + INTERVAL (QUARTER(month_start) - 1) QUARTER AS quarter, SUM(investment) AS infra_investment,
  SUM(revenue) AS revenue, SUM(operating_cost) AS operating_cost, ROUND((SUM(revenue) - SUM(operating_cost)) * 100.0 / SUM(investment), 2) AS roi_percentage
FROM finance GROUP BY 1 ORDER BY 1`
    },
    range: YEAR,
    grain: 'quarter',
    proposes: { period: 'quarter', grain: 'quarter', value: 'roi_percentage' },
    expected: 'SELECT (SUM(revenue) - SUM(operating_cost)) * 100.0 / SUM(investment) FROM finance WHERE month_start >= $1 AND month_start < $2',
    tolerance: 0.005
  },
  {
    id: 'MTTR per month and severity, weighted by incidents',
    kpi: { code: 'R-MTTR', name: '平均故障恢复时间 (MTTR)', target: '≤ 60分钟', frequency: 'monthly' },
    sql: {
      postgres: `SELECT DATE_TRUNC('month', resolved_at)::date AS month, severity, COUNT(*) AS incident_count,
  ROUND(AVG(EXTRACT(EPOCH FROM (resolved_at - detected_at)) / 60), 2) AS mttr_minutes
FROM incidents WHERE resolved_at IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`,
      duckdb: `SELECT DATE_TRUNC('month', resolved_at)::date AS month, severity, COUNT(*) AS incident_count,
  ROUND(AVG(date_diff('second', detected_at, resolved_at) / 60), 2) AS mttr_minutes
FROM incidents WHERE resolved_at IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`,
      mysql: `SELECT DATE_FORMAT(resolved_at, '%Y-%m-01') AS month, severity, COUNT(*) AS incident_count,
  ROUND(AVG(TIMESTAMPDIFF(SECOND, detected_at, resolved_at) / 60), 2) AS mttr_minutes
FROM incidents WHERE resolved_at IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`
    },
    range: YEAR,
    grain: 'month',
    proposes: { period: 'month', grain: 'month', value: 'mttr_minutes', combine: { kind: 'weighted', weight: 'incident_count' } },
    expected: 'SELECT AVG(EXTRACT(EPOCH FROM (resolved_at - detected_at)) / 60) FROM incidents WHERE resolved_at >= $1 AND resolved_at < $2',
    tolerance: 0.006
  },
  {
    id: 'incident MTTR in hours per week, bound to the period',
    kpi: { code: 'R-MTTRW', name: 'Incident MTTR', target: '≤ 4h', frequency: 'weekly' },
    sql: {
      postgres: `SELECT DATE_TRUNC('week', detected_at)::date AS week, AVG(EXTRACT(EPOCH FROM (resolved_at - detected_at)) / 3600) AS mttr_hours
FROM incidents WHERE detected_at >= :period_start AND detected_at < :period_end AND resolved_at IS NOT NULL GROUP BY 1`,
      duckdb: `SELECT DATE_TRUNC('week', detected_at)::date AS week, AVG(date_diff('second', detected_at, resolved_at) / 3600) AS mttr_hours
FROM incidents WHERE detected_at >= :period_start AND detected_at < :period_end AND resolved_at IS NOT NULL GROUP BY 1`
    },
    range: Q1,
    grain: 'week',
    proposes: { period: 'week', grain: 'week', value: 'mttr_hours' },
    expected: `SELECT AVG(EXTRACT(EPOCH FROM (resolved_at - detected_at)) / 3600) FROM incidents
WHERE detected_at >= $1 AND detected_at < $2 AND resolved_at IS NOT NULL`,
    tolerance: 1e-9
  },
  {
    id: 'revenue per month, summed over plans',
    kpi: { code: 'R-REV', name: '月收入 (Monthly revenue)', target: '≥ $10000', frequency: 'monthly' },
    sql: {
      postgres: `SELECT DATE_TRUNC('month', paid_on)::date AS month, plan, SUM(amount) AS revenue, COUNT(*) AS payments
FROM payments GROUP BY 1, 2 ORDER BY 1, 2`,
      mysql: `SELECT DATE_FORMAT(paid_on, '%Y-%m-01') AS month, plan, SUM(amount) AS revenue, COUNT(*) AS payments
FROM payments GROUP BY 1, 2 ORDER BY 1, 2`
    },
    range: YEAR,
    grain: 'month',
    proposes: { period: 'month', grain: 'month', value: 'revenue', combine: { kind: 'sum' } },
    expected: 'SELECT SUM(amount) FROM payments WHERE paid_on >= $1 AND paid_on < $2',
    tolerance: 0.001
  },
  {
    id: 'revenue per fiscal quarter label',
    kpi: { code: 'R-QREV', name: '季度收入', target: '≥ $150000', frequency: 'quarterly' },
    sql: {
      postgres: `SELECT EXTRACT(YEAR FROM month_start)::int || '-Q' || EXTRACT(QUARTER FROM month_start)::int AS fiscal_quarter, SUM(revenue) AS revenue
FROM finance GROUP BY 1 ORDER BY 1`,
      mysql: `SELECT CONCAT(YEAR(month_start), '-Q', QUARTER(month_start)) AS fiscal_quarter, SUM(revenue) AS revenue FROM finance GROUP BY 1 ORDER BY 1`
    },
    range: YEAR,
    grain: 'quarter',
    proposes: { period: 'fiscal_quarter', value: 'revenue' },
    expected: 'SELECT SUM(revenue) FROM finance WHERE month_start >= $1 AND month_start < $2',
    tolerance: 0.001
  },
  {
    id: 'deployment success rate per week and kind',
    kpi: { code: 'R-DEP', name: '部署成功率', target: '≥ 99%', frequency: 'weekly' },
    sql: {
      postgres: `SELECT DATE_TRUNC('week', started_at)::date AS week, kind AS deployment_type, COUNT(*) AS total_deployments,
  COUNT(*) FILTER (WHERE status = 'success') AS successful_deployments,
  ROUND(COUNT(*) FILTER (WHERE status = 'success') * 100.0 / COUNT(*), 2) AS success_rate
FROM deployments GROUP BY 1, 2 ORDER BY week DESC`
    },
    range: Q1,
    grain: 'week',
    proposes: {
      period: 'week',
      grain: 'week',
      value: 'success_rate',
      combine: { kind: 'ratio', numerator: 'successful_deployments', denominator: 'total_deployments', factor: 100 }
    },
    expected: "SELECT COUNT(*) FILTER (WHERE status = 'success') * 100.0 / NULLIF(COUNT(*), 0) FROM deployments WHERE started_at >= $1 AND started_at < $2",
    tolerance: 1e-9
  },
  {
    id: 'tasks created per day, bound to the range (one query backfill)',
    kpi: { code: 'R-TPD', name: 'Tasks created per day', target: '≥ 10 tasks', frequency: 'daily' },
    sql: {
      postgres:
        'SELECT created_at::date AS day, COUNT(*) AS tasks_created FROM tasks WHERE created_at >= :period_start AND created_at < :period_end GROUP BY 1',
      mysql: 'SELECT DATE(created_at) AS day, COUNT(*) AS tasks_created FROM tasks WHERE created_at >= :period_start AND created_at < :period_end GROUP BY 1'
    },
    range: MARCH,
    grain: 'day',
    proposes: { period: 'day', grain: 'day', value: 'tasks_created' },
    expected: 'SELECT COUNT(*) FROM tasks WHERE created_at >= $1 AND created_at < $2',
    tolerance: 0
  }
]
