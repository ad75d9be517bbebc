import { MARCH, Q1, YEAR, type ReportCase } from './report-case'

/** Users: activity, retention, funnels, surveys and growth. */
export const USER_CASES: ReportCase[] = [
  {
    id: 'daily active users',
    kpi: { code: 'R-DAU', name: '日活跃用户数 (DAU)', target: '≥ 60 users', frequency: 'daily' },
    sql: {
      postgres: 'SELECT activity_date AS day, COUNT(DISTINCT user_id) AS dau, SUM(sessions) AS sessions FROM activity GROUP BY activity_date ORDER BY 1',
      mysql: 'SELECT activity_date AS day, COUNT(DISTINCT user_id) AS dau, SUM(sessions) AS sessions FROM activity GROUP BY activity_date ORDER BY 1'
    },
    range: MARCH,
    grain: 'day',
    proposes: { period: 'day', grain: 'day', value: 'dau' },
    expected: 'SELECT COUNT(DISTINCT user_id) FROM activity WHERE activity_date >= $1 AND activity_date < $2',
    tolerance: 0
  },
  {
    id: 'weekly active users by ISO week label',
    kpi: { code: 'R-WAU', name: 'Weekly active users (WAU)', target: '≥ 150 users', frequency: 'weekly' },
    sql: {
      postgres: `SELECT to_char(activity_date, 'IYYY-"W"IW') AS iso_week, COUNT(DISTINCT user_id) AS wau, COUNT(*) AS active_days
FROM activity GROUP BY 1 ORDER BY 1`,
      duckdb: `SELECT strftime(activity_date, '%G-W%V') AS iso_week, COUNT(DISTINCT user_id) AS wau, COUNT(*) AS active_days
FROM activity GROUP BY 1 ORDER BY 1`
    },
    range: Q1,
    grain: 'week',
    proposes: { period: 'iso_week', value: 'wau' },
    expected: 'SELECT COUNT(DISTINCT user_id) FROM activity WHERE activity_date >= $1 AND activity_date < $2',
    tolerance: 0
  },
  {
    id: 'D1 retention per sign-up day, bound to the period',
    kpi: { code: 'R-D1', name: '次日留存率', target: '≥ 40%', frequency: 'daily' },
    sql: {
      postgres: `WITH cohort AS (
  SELECT user_id, signup_date FROM users WHERE signup_date >= :period_start AND signup_date < :period_end
)
SELECT c.signup_date AS cohort_day, COUNT(*) AS cohort_size, COUNT(a.user_id) AS retained,
       ROUND(COUNT(a.user_id) * 100.0 / COUNT(*), 2) AS d1_retention_rate
FROM cohort c LEFT JOIN activity a ON a.user_id = c.user_id AND a.activity_date = c.signup_date + 1
GROUP BY c.signup_date ORDER BY 1`,
      mysql: `WITH cohort AS (
  SELECT user_id, signup_date FROM users WHERE signup_date >= :period_start AND signup_date < :period_end
)
SELECT c.signup_date AS cohort_day, COUNT(*) AS cohort_size, COUNT(a.user_id) AS retained,
       ROUND(COUNT(a.user_id) * 100.0 / COUNT(*), 2) AS d1_retention_rate
FROM cohort c LEFT JOIN activity a ON a.user_id = c.user_id AND a.activity_date = c.signup_date + INTERVAL 1 DAY
GROUP BY c.signup_date ORDER BY 1`
    },
    range: MARCH,
    grain: 'day',
    proposes: { period: 'cohort_day', grain: 'day', value: 'd1_retention_rate' },
    expected: `SELECT COUNT(a.user_id) * 100.0 / NULLIF(COUNT(*), 0) FROM users c
LEFT JOIN activity a ON a.user_id = c.user_id AND a.activity_date = c.signup_date + 1 WHERE c.signup_date >= $1 AND c.signup_date < $2`,
    tolerance: 0.005
  },
  {
    id: 'week-1 retention per weekly cohort',
    kpi: { code: 'R-W1', name: '7日留存率', target: '≥ 30%', frequency: 'weekly' },
    sql: {
      postgres: `SELECT DATE_TRUNC('week', u.signup_date)::date AS cohort_week, COUNT(DISTINCT u.user_id) AS cohort_users,
  COUNT(DISTINCT a.user_id) AS retained_users,
  ROUND(COUNT(DISTINCT a.user_id) * 100.0 / COUNT(DISTINCT u.user_id), 1) AS week1_retention
FROM users u LEFT JOIN activity a ON a.user_id = u.user_id AND a.activity_date >= u.signup_date + 7 AND a.activity_date < u.signup_date + 14
GROUP BY 1 ORDER BY 1`
    },
    range: Q1,
    grain: 'week',
    proposes: { period: 'cohort_week', grain: 'week', value: 'week1_retention' },
    expected: `SELECT COUNT(DISTINCT a.user_id) * 100.0 / COUNT(DISTINCT u.user_id) FROM users u
LEFT JOIN activity a ON a.user_id = u.user_id AND a.activity_date >= u.signup_date + 7 AND a.activity_date < u.signup_date + 14
WHERE u.signup_date >= $1 AND u.signup_date < $2 HAVING COUNT(*) > 0`,
    tolerance: 0.05
  },
  {
    id: 'daily visit-to-activation funnel',
    kpi: { code: 'R-FUN', name: '访问到激活转化率', target: '≥ 15%', frequency: 'daily' },
    sql: {
      postgres: `SELECT event_date,
  COUNT(DISTINCT user_id) FILTER (WHERE step = 'visit') AS visitors,
  COUNT(DISTINCT user_id) FILTER (WHERE step = 'signup') AS signups,
  COUNT(DISTINCT user_id) FILTER (WHERE step = 'activate') AS activated,
  ROUND(COUNT(DISTINCT user_id) FILTER (WHERE step = 'activate') * 100.0 / COUNT(DISTINCT user_id) FILTER (WHERE step = 'visit'), 2) AS conversion_rate
FROM funnel_events GROUP BY event_date ORDER BY event_date`
    },
    range: MARCH,
    grain: 'day',
    proposes: { period: 'event_date', grain: 'day', value: 'conversion_rate' },
    expected: `SELECT COUNT(DISTINCT user_id) FILTER (WHERE step = 'activate') * 100.0 / COUNT(DISTINCT user_id) FILTER (WHERE step = 'visit')
FROM funnel_events WHERE event_date >= $1 AND event_date < $2`,
    tolerance: 0.005
  },
  {
    id: 'weekly paid conversion per channel, recomputed from its counts',
    kpi: { code: 'R-PAY', name: 'Paid conversion rate', target: '≥ 2%', frequency: 'weekly' },
    sql: {
      postgres: `SELECT DATE_TRUNC('week', event_date)::date AS week, channel,
  COUNT(DISTINCT user_id) FILTER (WHERE step = 'visit') AS visitors,
  COUNT(DISTINCT user_id) FILTER (WHERE step = 'pay') AS payers,
  ROUND(COUNT(DISTINCT user_id) FILTER (WHERE step = 'pay') * 100.0 / NULLIF(COUNT(DISTINCT user_id) FILTER (WHERE step = 'visit'), 0), 2) AS pay_conversion
FROM funnel_events GROUP BY 1, 2 ORDER BY 1, 2`,
      mysql: `SELECT DATE_SUB(event_date, INTERVAL WEEKDAY(event_date) DAY) AS week, channel,
  COUNT(DISTINCT CASE WHEN step = 'visit' THEN user_id END) AS visitors,
  COUNT(DISTINCT CASE WHEN step = 'pay' THEN user_id END) AS payers,
  ROUND(COUNT(DISTINCT CASE WHEN step = 'pay' THEN user_id END) * 100.0 / NULLIF(COUNT(DISTINCT CASE WHEN step = 'visit' THEN user_id END), 0), 2) AS pay_conversion
FROM funnel_events GROUP BY 1, 2 ORDER BY 1, 2`
    },
    range: Q1,
    grain: 'week',
    proposes: { period: 'week', grain: 'week', value: 'pay_conversion', combine: { kind: 'ratio', numerator: 'payers', denominator: 'visitors', factor: 100 } },
    expected: `SELECT SUM(p) * 100.0 / SUM(v) FROM (
  SELECT DATE_TRUNC('week', event_date) AS w, channel, COUNT(DISTINCT user_id) FILTER (WHERE step = 'pay') AS p, COUNT(DISTINCT user_id) FILTER (WHERE step = 'visit') AS v
  FROM funnel_events WHERE event_date >= $1 AND event_date < $2 GROUP BY 1, 2) x`,
    tolerance: 1e-9
  },
  {
    id: 'NPS per month',
    kpi: { code: 'R-NPS', name: '净推荐值 (NPS)', target: '≥ 40', frequency: 'monthly' },
    sql: {
      postgres: `SELECT DATE_TRUNC('month', answered_on)::date AS month, COUNT(*) AS total_responses,
  COUNT(*) FILTER (WHERE score >= 9) AS promoters, COUNT(*) FILTER (WHERE score <= 6) AS detractors,
  ROUND((COUNT(*) FILTER (WHERE score >= 9) - COUNT(*) FILTER (WHERE score <= 6)) * 100.0 / COUNT(*), 1) AS nps_score
FROM nps_responses GROUP BY 1 ORDER BY 1`,
      mysql: `SELECT DATE_FORMAT(answered_on, '%Y-%m-01') AS month, COUNT(*) AS total_responses,
  SUM(score >= 9) AS promoters, SUM(score <= 6) AS detractors,
  ROUND((SUM(score >= 9) - SUM(score <= 6)) * 100.0 / COUNT(*), 1) AS nps_score
FROM nps_responses GROUP BY 1 ORDER BY 1`
    },
    range: YEAR,
    grain: 'month',
    proposes: { period: 'month', grain: 'month', value: 'nps_score' },
    expected: `SELECT (COUNT(*) FILTER (WHERE score >= 9) - COUNT(*) FILTER (WHERE score <= 6)) * 100.0 / COUNT(*)
FROM nps_responses WHERE answered_on >= $1 AND answered_on < $2`,
    tolerance: 0.05
  },
  {
    id: 'CSAT average per week',
    kpi: { code: 'R-CSAT', name: '用户满意度评分 (CSAT)', target: '≥ 4.2/5.0', frequency: 'weekly' },
    sql: {
      postgres: `SELECT DATE_TRUNC('week', answered_on)::date AS week_start, ROUND(AVG(score), 2) AS avg_csat, COUNT(*) AS responses
FROM csat_responses GROUP BY 1 ORDER BY 1`
    },
    range: Q1,
    grain: 'week',
    proposes: { period: 'week_start', grain: 'week', value: 'avg_csat' },
    expected: 'SELECT AVG(score) FROM csat_responses WHERE answered_on >= $1 AND answered_on < $2',
    tolerance: 0.005
  },
  {
    id: 'sessions per active user per week',
    kpi: { code: 'R-SPU', name: '用户平均使用频次', target: '≥ 3次/周', frequency: 'weekly' },
    sql: {
      postgres: `SELECT DATE_TRUNC('week', activity_date)::date AS week, SUM(sessions) AS total_sessions, COUNT(DISTINCT user_id) AS active_users,
  ROUND(SUM(sessions) * 1.0 / COUNT(DISTINCT user_id), 2) AS sessions_per_user
FROM activity GROUP BY 1 ORDER BY 1`
    },
    range: Q1,
    grain: 'week',
    proposes: { period: 'week', grain: 'week', value: 'sessions_per_user' },
    expected: 'SELECT SUM(sessions) * 1.0 / COUNT(DISTINCT user_id) FROM activity WHERE activity_date >= $1 AND activity_date < $2',
    tolerance: 0.005
  },
  {
    id: 'monthly verified sign-up growth (LAG), first month empty',
    kpi: { code: 'R-GRO', name: '新用户注册增长率', target: '每月增长20%', frequency: 'monthly' },
    sql: {
      postgres: `WITH monthly AS (
  SELECT DATE_TRUNC('month', signup_date)::date AS month, COUNT(*) AS new_users FROM users WHERE email_verified GROUP BY 1
)
SELECT month, new_users, LAG(new_users) OVER (ORDER BY month) AS prev_new_users,
  ROUND((new_users - LAG(new_users) OVER (ORDER BY month)) * 100.0 / LAG(new_users) OVER (ORDER BY month), 2) AS growth_rate
FROM monthly ORDER BY month`
    },
    range: YEAR,
    grain: 'month',
    proposes: { period: 'month', grain: 'month', value: 'growth_rate' },
    expected: `SELECT (cur - prev) * 100.0 / prev FROM (
  SELECT (SELECT COUNT(*) FROM users WHERE email_verified AND signup_date >= $1 AND signup_date < $2) AS cur,
         NULLIF((SELECT COUNT(*) FROM users WHERE email_verified AND signup_date >= $1::date - INTERVAL '1 month' AND signup_date < $1), 0) AS prev) x`,
    tolerance: 0.005
  },
  {
    id: 'monthly active users, one number per bound month',
    kpi: { code: 'R-MAU', name: '月活跃用户数 (MAU)', target: '≥ 300 users', frequency: 'monthly' },
    sql: { postgres: 'SELECT COUNT(DISTINCT user_id) FROM activity WHERE activity_date >= :period_start AND activity_date < :period_end' },
    range: { from: '2025-04-01', to: '2025-07-01' },
    grain: 'month',
    expected: 'SELECT COUNT(DISTINCT user_id) FROM activity WHERE activity_date >= $1 AND activity_date < $2',
    tolerance: 0
  },
  {
    id: 'month-1 retention from a cohort matrix, the offset chosen by the user',
    kpi: { code: 'R-M1', name: '次月留存率', target: '≥ 25%', frequency: 'monthly' },
    sql: {
      postgres: `WITH cohorts AS (SELECT user_id, DATE_TRUNC('month', signup_date)::date AS cohort_month FROM users),
active AS (SELECT DISTINCT user_id, DATE_TRUNC('month', activity_date)::date AS active_month FROM activity)
SELECT c.cohort_month,
  ((EXTRACT(YEAR FROM a.active_month) - EXTRACT(YEAR FROM c.cohort_month)) * 12 + EXTRACT(MONTH FROM a.active_month) - EXTRACT(MONTH FROM c.cohort_month))::int AS months_since,
  COUNT(DISTINCT a.user_id) AS active_users,
  (SELECT COUNT(*) FROM cohorts c2 WHERE c2.cohort_month = c.cohort_month) AS cohort_size,
  ROUND(COUNT(DISTINCT a.user_id) * 100.0 / (SELECT COUNT(*) FROM cohorts c2 WHERE c2.cohort_month = c.cohort_month), 2) AS retention_pct
FROM cohorts c JOIN active a ON a.user_id = c.user_id AND a.active_month >= c.cohort_month
GROUP BY 1, 2 ORDER BY 1, 2`
    },
    range: { from: '2025-01-01', to: '2025-12-01' },
    grain: 'month',
    mapping: { period: 'cohort_month', grain: 'month', value: 'retention_pct', segment: { column: 'months_since', value: '1' } },
    expected: `SELECT COUNT(DISTINCT a.user_id) * 100.0 / NULLIF((SELECT COUNT(*) FROM users WHERE signup_date >= $1 AND signup_date < $2), 0)
FROM users u JOIN activity a ON a.user_id = u.user_id AND a.activity_date >= $2 AND a.activity_date < $2::date + INTERVAL '1 month'
WHERE u.signup_date >= $1 AND u.signup_date < $2`,
    tolerance: 0.005
  }
]
