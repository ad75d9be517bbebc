/**
 * PostgreSQL tables of the shape the reference PRD's formulas read, filled with a seeded year of rows
 * up to today (several formulas read CURRENT_DATE windows). Test setup only.
 */
export const PRD_WAREHOUSE_SQL = [
  'SELECT setseed(0.2025)',
  `CREATE TABLE users AS SELECT g AS user_id, (CURRENT_DATE - (random() * 400)::int) AS registration_date, random() < 0.8 AS email_verified
   FROM generate_series(1, 300) g`,
  `CREATE TABLE user_activity AS SELECT (1 + random() * 299)::int AS user_id, d::date AS activity_date, (random() * 3)::int AS task_executed
   FROM generate_series(CURRENT_DATE - 400, CURRENT_DATE, interval '1 day') d, generate_series(1, 25)`,
  `CREATE TABLE user_sessions AS SELECT (1 + random() * 299)::int AS user_id, d + random() * interval '20 hours' AS session_start,
     d::date AS activity_date, round((5 + random() * 55)::numeric, 1) AS session_duration
   FROM generate_series(CURRENT_DATE - 400, CURRENT_DATE, interval '1 day') d, generate_series(1, 20)`,
  `CREATE TABLE feature_usage_log AS SELECT (1 + random() * 299)::int AS user_id,
     (ARRAY['agent_creation', 'sandbox_execution', 'monitoring', 'tools', 'data_management'])[1 + (random() * 4)::int] AS feature_type
   FROM generate_series(1, 2000)`,
  `CREATE TABLE agents AS SELECT CURRENT_DATE - (random() * 400)::int + random() * interval '1 day' AS created_at, (1 + random() * 299)::int AS created_by
   FROM generate_series(1, 900)`,
  `CREATE TABLE user_satisfaction_surveys AS SELECT CURRENT_DATE - (random() * 120)::int AS survey_date, (1 + random() * 4)::int AS score FROM generate_series(1, 600)`,
  `CREATE TABLE nps_surveys AS SELECT CURRENT_DATE - (random() * 120)::int AS survey_date, (random() * 10)::int AS score FROM generate_series(1, 600)`,
  `CREATE TABLE support_tickets AS SELECT t AS created_at, t + random() * interval '20 hours' AS resolved_at,
     (ARRAY['resolved', 'resolved', 'open'])[1 + (random() * 2)::int] AS status, (ARRAY['high', 'medium', 'low'])[1 + (random() * 2)::int] AS priority
   FROM (SELECT CURRENT_DATE - random() * interval '200 days' AS t FROM generate_series(1, 500)) x`,
  `CREATE TABLE system_health_checks AS SELECT t AS "timestamp", CASE WHEN random() < 0.999 THEN 'up' ELSE 'down' END AS status, 'availability' AS check_type
   FROM generate_series(CURRENT_DATE - 120, CURRENT_DATE, interval '10 minutes') t`,
  `CREATE TABLE api_logs AS SELECT CURRENT_DATE - random() * interval '20 days' AS "timestamp",
     (ARRAY['/v1/tasks', '/v1/agents', '/v1/search'])[1 + (random() * 2)::int] AS endpoint, (50 + random() * 900)::int AS response_time
   FROM generate_series(1, 4000)`,
  `CREATE TABLE tasks AS SELECT c AS created_at, c + random() * interval '2 hours' AS completed_at, (ARRAY['research', 'coding', 'writing'])[1 + (random() * 2)::int] AS task_type,
     CASE WHEN random() < 0.95 THEN 'completed' ELSE 'failed' END AS status, (1 + random() * 299)::int AS user_id
   FROM (SELECT CURRENT_DATE - random() * interval '90 days' AS c FROM generate_series(1, 5000)) x`,
  `CREATE TABLE server_metrics AS SELECT t AS "timestamp", s AS server_id, round((40 + random() * 50)::numeric, 1) AS cpu_usage, round((50 + random() * 40)::numeric, 1) AS memory_usage
   FROM generate_series(CURRENT_DATE - 3, CURRENT_DATE + interval '20 hours', interval '15 minutes') t, generate_series(1, 3) s`,
  `CREATE TABLE container_metrics AS SELECT t AS "timestamp", (ARRAY['sandbox', 'worker'])[1 + (random())::int] AS container_type,
     round((0.2 + random())::numeric, 2) AS actual_cpu, 2.0 AS allocated_cpu, round((0.5 + random() * 3)::numeric, 2) AS actual_memory, 4.0 AS allocated_memory
   FROM generate_series(CURRENT_DATE - 3, CURRENT_DATE + interval '20 hours', interval '15 minutes') t`,
  `CREATE TABLE cost_breakdown AS SELECT d::date AS date, round((300 + random() * 100)::numeric, 2) AS infrastructure_cost,
     round((500 + random() * 100)::numeric, 2) AS personnel_cost, round((50 + random() * 50)::numeric, 2) AS third_party_cost
   FROM generate_series(CURRENT_DATE - 400, CURRENT_DATE, interval '1 day') d`,
  `CREATE TABLE financial_metrics AS SELECT d::date AS date, round((500 + random() * 300)::numeric, 2) AS infrastructure_investment,
     round((2000 + random() * 800)::numeric, 2) AS revenue, round((800 + random() * 200)::numeric, 2) AS operating_cost
   FROM generate_series(CURRENT_DATE - 400, CURRENT_DATE, interval '1 day') d`,
  `CREATE TABLE community_tools AS SELECT CURRENT_DATE - random() * interval '300 days' AS published_at,
     (ARRAY['dev', 'data', 'automation', 'other'])[1 + (random() * 3)::int] AS tool_category FROM generate_series(1, 80)`,
  `CREATE TABLE api_usage_logs AS SELECT CURRENT_DATE - random() * interval '60 days' AS "timestamp", (ARRAY['free', 'paid'])[1 + (random())::int] AS api_key_type,
     'key-' || (random() * 40)::int AS api_key, (30 + random() * 400)::int AS response_time, (ARRAY[200, 200, 200, 404, 500])[1 + (random() * 4)::int] AS status_code,
     (ARRAY['third_party', 'internal'])[1 + (random())::int] AS source
   FROM generate_series(1, 3000)`,
  `CREATE TABLE community_content AS SELECT CURRENT_DATE - random() * interval '300 days' AS created_at, (ARRAY['template', 'case', 'tutorial'])[1 + (random() * 2)::int] AS content_type,
     (1 + random() * 299)::int AS created_by, (random() * 400)::int AS download_count, round((3 + random() * 2)::numeric, 1) AS rating
   FROM generate_series(1, 200)`,
  `CREATE TABLE security_incidents AS SELECT g AS incident_id, t AS detected_at, t + interval '10 minutes' AS confirmed_at, t + interval '25 minutes' AS response_initiated_at,
     t + (30 + random() * 60) * interval '1 minute' AS resolved_at
   FROM (SELECT g, CURRENT_DATE - random() * interval '200 days' AS t FROM generate_series(1, 12) g) x`,
  `CREATE TABLE deployment_logs AS SELECT CURRENT_DATE - random() * interval '120 days' AS started_at, (ARRAY['auto', 'manual', 'rollback'])[1 + (random() * 2)::int] AS deployment_type,
     CASE WHEN random() < 0.97 THEN 'success' ELSE 'failed' END AS status FROM generate_series(1, 300)`,
  `CREATE TABLE incident_management AS SELECT t AS detected_at, t + (5 + random() * 90) * interval '1 minute' AS resolved_at,
     (ARRAY['P0', 'P1', 'P2', 'P3'])[1 + (random() * 3)::int] AS severity_level, 'resolved' AS status
   FROM (SELECT CURRENT_DATE - random() * interval '300 days' AS t FROM generate_series(1, 60)) x`
]
