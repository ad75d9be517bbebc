import { REGRESSION } from './product-tables'

const SERVICE = (roll: string): string =>
  `CASE floor(${roll} * 4)::INTEGER WHEN 0 THEN 'api-gateway' WHEN 1 THEN 'agent-runtime' WHEN 2 THEN 'sandbox' ELSE 'auth' END`

const REGRESSION_DAY = `(SELECT min(d) FROM calendar WHERE t >= ${REGRESSION.from})`

/**
 * Incidents come first: the product tables read `incident_days` to dip activity and raise failures
 * and latency on bad days. MTTR improves after 60% of the timeline (an on-call runbook).
 */
export const incidentTables = (timelineEnd: string): string[] => [
  `CREATE TABLE incident_management AS
   WITH picked AS (
     SELECT d, day, t, CASE WHEN d = ${REGRESSION_DAY} THEN 0.3 ELSE u(d, 1, 'sev') END AS roll
     FROM calendar WHERE u(d, 0, 'incident') < 0.055 OR d = ${REGRESSION_DAY}
   ), timed AS (
     SELECT *, CASE WHEN roll < 0.12 THEN 'P0' WHEN roll < 0.4 THEN 'P1' WHEN roll < 0.75 THEN 'P2' ELSE 'P3' END AS severity_level,
       day::TIMESTAMP + to_minutes((60 + 1320 * u(d, 3, 'at'))::BIGINT) AS detected_at
     FROM picked
   ), fixed AS (
     SELECT *, detected_at + to_minutes(greatest(5, (CASE severity_level WHEN 'P0' THEN 22 WHEN 'P1' THEN 38 WHEN 'P2' THEN 95 ELSE 180 END)
         * exp(0.4 * z(d, 4, 'mttr')) * CASE WHEN t >= 0.6 THEN 0.7 ELSE 1 END)::BIGINT) AS resolved_candidate
     FROM timed
   )
   SELECT row_number() OVER (ORDER BY detected_at) AS incident_id, severity_level, ${SERVICE("u(d, 2, 'svc')")} AS service,
     CASE severity_level WHEN 'P0' THEN 'Service unavailable' WHEN 'P1' THEN 'Severe degradation'
          WHEN 'P2' THEN 'Partial feature failure' ELSE 'Minor performance impact' END AS title,
     detected_at,
     detected_at + to_minutes((2 + 10 * u(d, 5, 'ack'))::BIGINT) AS acknowledged_at,
     CASE WHEN resolved_candidate < TIMESTAMP '${timelineEnd}' THEN resolved_candidate END AS resolved_at,
     CASE WHEN resolved_candidate < TIMESTAMP '${timelineEnd}' THEN 'resolved' ELSE 'open' END AS status
   FROM fixed`,

  `CREATE TEMP TABLE incident_days AS
   SELECT detected_at::DATE AS day,
     min(CASE WHEN severity_level IN ('P0', 'P1') THEN 0.85 ELSE 1 END) AS activity_factor,
     max(CASE severity_level WHEN 'P0' THEN 0.12 WHEN 'P1' THEN 0.06 WHEN 'P2' THEN 0.01 ELSE 0 END) AS failure_boost,
     max(CASE severity_level WHEN 'P0' THEN 2.2 WHEN 'P1' THEN 1.6 WHEN 'P2' THEN 1.15 ELSE 1 END) AS latency_factor
   FROM incident_management GROUP BY 1`
]

export const operationsTables = (timelineEnd: string): string[] => [
  // Every 10 minutes per service; down during P0 incidents (all services) and P1 incidents (their service).
  `CREATE TABLE system_health_checks AS
   WITH ticks AS (SELECT d, day, unnest(range(144)) AS k FROM calendar),
   checks AS (
     SELECT k.d, k.k, s.service, k.day::TIMESTAMP + to_minutes(k.k * 10) AS ts, h(k.d * 144 + k.k, s.service) AS r
     FROM ticks k, (VALUES ('api-gateway'), ('agent-runtime'), ('sandbox')) s(service)
   ),
   outages AS (
     SELECT detected_at, coalesce(resolved_at, TIMESTAMP '${timelineEnd}') AS until, severity_level, service
     FROM incident_management WHERE severity_level IN ('P0', 'P1')
   )
   SELECT row_number() OVER (ORDER BY c.ts, c.service) AS check_id, c.ts AS "timestamp", c.service, 'availability' AS check_type,
     CASE WHEN count(o.detected_at) > 0 OR ub(c.r, 2) < 0.0003 THEN 'down' ELSE 'up' END AS status,
     round(35 * exp(0.3 * zb(c.r)))::INTEGER AS response_time_ms
   FROM checks c LEFT JOIN outages o
     ON c.ts >= o.detected_at AND c.ts < o.until AND (o.severity_level = 'P0' OR o.service = c.service)
   GROUP BY c.d, c.k, c.service, c.ts, c.r`,

  `CREATE TABLE deployment_logs AS
   WITH slots AS (SELECT d, day, t, wf, unnest(range(4)) AS k FROM calendar),
   picked AS (SELECT * FROM slots WHERE u(d, k, 'deploy') < 0.55 * wf OR (d = ${REGRESSION_DAY} AND k = 0))
   SELECT row_number() OVER (ORDER BY d, k) AS deployment_id, ${SERVICE("u(d, k, 'dsvc')")} AS service,
     CASE WHEN u(d, k, 'dtype') < 0.78 THEN 'automated' WHEN u(d, k, 'dtype') < 0.90 THEN 'manual'
          WHEN u(d, k, 'dtype') < 0.96 THEN 'blue_green' ELSE 'rollback' END AS deployment_type,
     'build-' || (d * 4 + k + 1000) AS version,
     day::TIMESTAMP + to_minutes((540 + 540 * u(d, k, 'dat'))::BIGINT) AS started_at,
     day::TIMESTAMP + to_minutes((540 + 540 * u(d, k, 'dat'))::BIGINT) + to_seconds((90 + 600 * u(d, k, 'dlen'))::BIGINT) AS finished_at,
     CASE WHEN d = ${REGRESSION_DAY} AND k = 0 THEN 'failed'
          WHEN u(d, k, 'dfail') < CASE WHEN t < 0.5 THEN 0.05 ELSE 0.015 END THEN 'failed' ELSE 'success' END AS status
   FROM picked`,

  `CREATE TABLE support_tickets AS
   WITH picked AS (
     SELECT user_id, d, t, day::TIMESTAMP + to_minutes((480 + 720 * u(user_id, d, 'tat'))::BIGINT) AS created_at,
       CASE WHEN u(user_id, d, 'prio') < 0.15 THEN 'high' WHEN u(user_id, d, 'prio') < 0.65 THEN 'medium' ELSE 'low' END AS priority
     FROM active_days WHERE u(user_id, d, 'ticket') < 0.012
   ), timed AS (
     SELECT *, created_at + to_minutes((60 * exp(CASE priority WHEN 'high' THEN 0.4 WHEN 'medium' THEN 1.55 ELSE 2.5 END
         + 0.6 * z(user_id, d, 'res')) * CASE WHEN t >= 0.6 THEN 0.75 ELSE 1 END)::BIGINT) AS resolved_candidate
     FROM picked
   )
   SELECT row_number() OVER (ORDER BY created_at, user_id) AS ticket_id, user_id, created_at,
     CASE WHEN resolved_candidate < TIMESTAMP '${timelineEnd}' THEN resolved_candidate END AS resolved_at,
     CASE WHEN resolved_candidate < TIMESTAMP '${timelineEnd}' THEN 'resolved' ELSE 'open' END AS status,
     priority,
     CASE WHEN u(user_id, d, 'cat') < 0.35 THEN 'bug' WHEN u(user_id, d, 'cat') < 0.6 THEN 'how-to'
          WHEN u(user_id, d, 'cat') < 0.8 THEN 'billing' ELSE 'feature-request' END AS category
   FROM timed`,

  `CREATE TABLE nps_surveys AS
   WITH picked AS (
     SELECT a.user_id, a.d, a.day, 0.22 - 0.08 * a.t + CASE WHEN i.activity_factor < 1 THEN 0.1 ELSE 0 END AS detractor
     FROM active_days a LEFT JOIN incident_days i ON i.day = a.day WHERE u(a.user_id, a.d, 'nps') < 0.012
   )
   SELECT row_number() OVER (ORDER BY day, user_id) AS response_id, user_id, day AS survey_date,
     CASE WHEN u(user_id, d, 'npsr') < detractor THEN floor(7 * u(user_id, d, 'npsv'))
          WHEN u(user_id, d, 'npsr') < detractor + 0.35 THEN 7 + floor(2 * u(user_id, d, 'npsv'))
          ELSE 9 + floor(2 * u(user_id, d, 'npsv')) END::INTEGER AS score
   FROM picked`,

  `CREATE TABLE user_satisfaction_surveys AS
   SELECT row_number() OVER (ORDER BY a.day, a.user_id) AS survey_id, a.user_id, a.day AS survey_date,
     CASE WHEN u(a.user_id, a.d, 'stype') < 0.3 THEN 'day7' WHEN u(a.user_id, a.d, 'stype') < 0.8 THEN 'monthly' ELSE 'feature' END AS survey_type,
     least(5, greatest(1, round(3.95 + 0.35 * a.t - CASE WHEN i.activity_factor < 1 THEN 0.3 ELSE 0 END
       + 0.75 * z(a.user_id, a.d, 'csat'))))::INTEGER AS score
   FROM active_days a LEFT JOIN incident_days i ON i.day = a.day
   WHERE u(a.user_id, a.d, 'survey') < 0.015`
]
