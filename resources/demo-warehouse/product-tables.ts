/**
 * SQL for the product side of the demo warehouse: users, their daily activity, sessions, tasks and
 * API calls. Randomness comes from seeded hashes of each row's keys (see generate.ts): `u`/`z` for
 * small tables, one `h(a, b)` per row split into four 16-bit uniforms `ub(h, k)` for the big ones,
 * so the data is the same for the same seed on any number of threads.
 *
 * Story told by the data: steady growth, quieter weekends, an onboarding redesign at 40% of the
 * timeline (better retention, longer sessions), a launch campaign at 55% (more sign-ups), and a
 * latency regression between 78% and 84% after a bad deployment.
 */
export const ONBOARDING_T = 0.4
export const CAMPAIGN_T = 0.55
export const REGRESSION = { from: 0.78, to: 0.84 }

export const productTables = (): string[] => [
  `CREATE TEMP TABLE signups AS
   SELECT c.d, c.day, c.t, unnest(range(greatest(0, round(
     (9 + 22 * pow(c.t, 1.4)) * (CASE WHEN c.t >= ${CAMPAIGN_T} THEN 1.6 ELSE 1 END) * c.wf * (1 + 0.25 * z(c.d, 0, 'signup'))
   )::BIGINT))) AS i
   FROM calendar c`,

  // Each user gets an engagement propensity and a lifetime (days until churn), longer after the redesign.
  `CREATE TEMP TABLE people AS
   SELECT row_number() OVER (ORDER BY d, i) AS user_id, d AS reg_d, day, t AS reg_t,
     0.6 + 0.8 * u(d, i, 'propensity') AS propensity,
     (-ln(u(d, i, 'lifetime') + 1e-9) * CASE WHEN t < ${ONBOARDING_T} THEN 45 ELSE 90 END)::INTEGER AS lifetime
   FROM signups`,

  `CREATE TABLE users AS
   SELECT user_id,
     'user' || user_id || '@example.com' AS email,
     day::TIMESTAMP + to_minutes((u(user_id, 0, 'reg_min') * 1439)::BIGINT) AS registration_date,
     u(user_id, 0, 'verified') < 0.86 AS email_verified,
     CASE WHEN u(user_id, 0, 'plan') < 0.80 THEN 'free' WHEN u(user_id, 0, 'plan') < 0.97 THEN 'pro' ELSE 'team' END AS plan,
     CASE WHEN u(user_id, 0, 'country') < 0.45 THEN 'CN' WHEN u(user_id, 0, 'country') < 0.65 THEN 'US'
          WHEN u(user_id, 0, 'country') < 0.75 THEN 'DE' WHEN u(user_id, 0, 'country') < 0.85 THEN 'JP' ELSE 'SG' END AS country,
     CASE WHEN reg_t >= ${CAMPAIGN_T} AND u(user_id, 0, 'channel') < 0.45 THEN 'campaign'
          WHEN u(user_id, 0, 'channel2') < 0.55 THEN 'organic' WHEN u(user_id, 0, 'channel2') < 0.8 THEN 'referral'
          ELSE 'community' END AS acquisition_channel,
     u(user_id, 0, 'internal') < 0.015 AS is_internal
   FROM people`,

  // Activity: each user-day of a user's lifetime is a candidate; the chance decays with age, is higher
  // after the onboarding redesign, and drops on weekends and on bad incident days.
  `CREATE TEMP TABLE active_days AS
   SELECT user_id, d, day, t, h FROM (
     SELECT p.user_id, c.d, c.day, c.t, h(p.user_id, c.d) AS h,
       CASE WHEN c.d = p.reg_d THEN 0.9 ELSE p.propensity * c.wf * coalesce(i.activity_factor, 1) *
         CASE WHEN p.reg_t < ${ONBOARDING_T} THEN 0.22 + 0.30 * exp(-(c.d - p.reg_d) / 6.0)
              ELSE 0.26 + 0.32 * exp(-(c.d - p.reg_d) / 8.0) END END AS chance
     FROM people p JOIN calendar c ON c.d >= p.reg_d AND c.d <= p.reg_d + p.lifetime
     LEFT JOIN incident_days i ON i.day = c.day
   ) WHERE ub(h, 0) < chance`,

  `CREATE TABLE user_activity AS
   SELECT user_id, day AS activity_date,
     CASE WHEN ub(h, 1) < 0.12 THEN 0 ELSE least(15, 1 + floor(-ln(ub(h, 2)) * 1.8))::INTEGER END AS task_executed,
     (1 + (ub(h, 3) < 0.35)::INTEGER + (ub(h, 3) < 0.10)::INTEGER) AS session_count
   FROM active_days`,

  `CREATE TABLE user_sessions AS
   SELECT row_number() OVER (ORDER BY a.day, a.user_id, s.i) AS session_id, a.user_id, a.day AS activity_date,
     a.day::TIMESTAMP + to_minutes((480 + 900 * ub(h(a.h, s.i), 2))::BIGINT) AS session_start,
     round(least(240, exp(2.85 + 0.55 * zb(h(a.h, s.i))) * CASE WHEN a.t >= ${ONBOARDING_T} THEN 1.18 ELSE 1 END), 1) AS session_duration
   FROM active_days a, (SELECT unnest(range(3)) AS i) s
   WHERE s.i < 1 + (ub(a.h, 3) < 0.35)::INTEGER + (ub(a.h, 3) < 0.10)::INTEGER`,

  `ALTER TABLE user_sessions ADD COLUMN session_end TIMESTAMP`,
  `UPDATE user_sessions SET session_end = session_start + to_seconds((session_duration * 60)::BIGINT)`,

  `CREATE TABLE tasks AS
   WITH expanded AS (
     SELECT a.user_id, a.day, a.t, s.i, h(a.h, s.i + 10) AS k, coalesce(i.failure_boost, 0) AS boost
     FROM active_days a LEFT JOIN incident_days i ON i.day = a.day, (SELECT unnest(range(15)) AS i) s
     WHERE ub(a.h, 1) >= 0.12 AND s.i < least(15, 1 + floor(-ln(ub(a.h, 2)) * 1.8))
   )
   SELECT row_number() OVER (ORDER BY day, user_id, i) AS task_id, user_id,
     CASE WHEN ub(k, 0) < 0.30 THEN 'research' WHEN ub(k, 0) < 0.55 THEN 'coding' WHEN ub(k, 0) < 0.75 THEN 'data_analysis'
          WHEN ub(k, 0) < 0.90 THEN 'writing' ELSE 'automation' END AS task_type,
     CASE WHEN ub(k, 1) < 0.035 + boost
               + (CASE WHEN t >= ${REGRESSION.from} AND t < ${REGRESSION.to} THEN 0.03 ELSE 0 END)
               - (CASE WHEN t >= 0.66 THEN 0.012 ELSE 0 END) THEN 'failed'
          WHEN ub(k, 1) > 0.985 THEN 'cancelled' ELSE 'completed' END AS status,
     day::TIMESTAMP + to_seconds((28800 + 54000 * ub(k, 2))::BIGINT) AS created_at,
     greatest(3, exp(3 + 4 * ub(k, 3)))::INTEGER AS run_seconds
   FROM expanded`,

  `ALTER TABLE tasks ADD COLUMN completed_at TIMESTAMP`,
  `UPDATE tasks SET completed_at = created_at + to_seconds(run_seconds) WHERE status = 'completed'`,
  `ALTER TABLE tasks DROP COLUMN run_seconds`,

  // The task call, plus a model/tool call for most tasks; slower during the regression and incidents.
  `CREATE TABLE api_logs AS
   WITH calls AS (
     SELECT k.task_id, k.user_id, k.created_at, s.i, h(k.task_id, s.i) AS r, h(k.task_id, s.i + 2) AS q,
       coalesce(i.failure_boost, 0) AS boost, coalesce(i.latency_factor, 1) AS slow, c.t
     FROM tasks k JOIN calendar c ON c.day = k.created_at::DATE
     LEFT JOIN incident_days i ON i.day = c.day, (SELECT unnest(range(2)) AS i) s
     WHERE s.i = 0 OR ub(h(k.task_id, 7), 0) < 0.6
   )
   SELECT row_number() OVER (ORDER BY task_id, i) AS log_id, user_id,
     created_at + to_seconds(i * 2) AS "timestamp",
     CASE WHEN i = 0 THEN '/v1/tasks' WHEN ub(r, 0) < 0.35 THEN '/v1/agents/run' WHEN ub(r, 0) < 0.70 THEN '/v1/chat/completions'
          WHEN ub(r, 0) < 0.90 THEN '/v1/tools/invoke' ELSE '/v1/files' END AS endpoint,
     CASE WHEN ub(r, 1) < 0.004 + boost / 2 THEN 503
          WHEN ub(r, 2) < 0.02 THEN CASE WHEN ub(r, 3) < 0.5 THEN 400 WHEN ub(r, 3) < 0.8 THEN 429 ELSE 404 END
          ELSE 200 END AS status_code,
     round(CASE WHEN i = 0 THEN 120 ELSE 240 END * exp(0.5 * zb(q))
       * (CASE WHEN t >= ${REGRESSION.from} AND t < ${REGRESSION.to} THEN 1.7 ELSE 1 END) * slow)::INTEGER AS response_time
   FROM calls`
]
