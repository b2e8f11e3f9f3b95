--
-- Survey metrics (SPEC section 2): nps, nps_breakdown, csat, ces.
-- A readable walk through their values, states, errors and plans; the
-- exhaustive checks are in test/survey.sql and test/state.sql (pgTAP).
--
-- One small survey, every metric and its state.
CREATE TABLE answers (id int, nps_score int, csat_score int, happy boolean, effort int);
INSERT INTO answers VALUES
    (1, 10, 5, true, 2), (2, 9, 4, true, 1), (3, 8, 3, NULL, 4), (4, 6, 2, false, 7),
    (5, 0, 1, false, 6), (6, NULL, NULL, true, NULL), (7, 7, 5, NULL, 3), (8, 10, NULL, true, 2);
SELECT round(nps(nps_score)::numeric, 2) AS nps,
       round(csat(csat_score)::numeric, 2) AS csat,
       round(csat(csat_score, 7)::numeric, 2) AS csat_7,
       round(csat(happy)::numeric, 2) AS csat_bool,
       round(ces(effort)::numeric, 2) AS ces,
       round(ces(effort, 10)::numeric, 2) AS ces_10
FROM answers;
SELECT nps_state(nps_score), csat_state(csat_score), csat_state(happy), ces_state(effort), ces_state(effort, 10)
FROM answers;
SELECT (nps_breakdown(nps_state(nps_score))).* FROM answers;
-- The plain SQL the same numbers come from.
SELECT round(100.0 * (count(*) FILTER (WHERE nps_score >= 9) - count(*) FILTER (WHERE nps_score <= 6)) / count(nps_score), 2) AS nps,
       round(100.0 * count(*) FILTER (WHERE csat_score >= 4) / count(csat_score), 2) AS csat,
       round(100.0 * count(*) FILTER (WHERE csat_score >= 6) / count(csat_score), 2) AS csat_7,
       round(100.0 * count(*) FILTER (WHERE happy) / count(happy), 2) AS csat_bool,
       round(avg(effort), 2) AS ces
FROM answers;

-- No rows, all NULL, one row: NULL where there is no answer.
SELECT nps(nps_score), csat(csat_score), csat(happy), ces(effort), nps_state(nps_score) FROM answers WHERE false;
SELECT nps(s), csat(s), csat(s, 7), csat(b), ces(s), ces(s, 10), nps_state(s), csat_state(s), csat_state(s, 7)
FROM (VALUES (NULL::int, NULL::boolean), (NULL, NULL)) v(s, b);
SELECT nps(nps_score), csat(csat_score), ces(effort), nps_state(nps_score), csat_state(csat_score)
FROM answers WHERE id = 6;
SELECT (nps_breakdown(nps_state(nps_score))).* FROM answers WHERE id = 6;
SELECT nps(nps_score), csat(csat_score), csat(happy), ces(effort) FROM answers WHERE id = 1;

-- Errors: the message names the value, the hint says what is accepted.
SELECT nps(-1);
\echo :LAST_ERROR_SQLSTATE
SELECT nps(11);
\echo :LAST_ERROR_SQLSTATE
SELECT csat(0);
\echo :LAST_ERROR_SQLSTATE
SELECT csat(6);
\echo :LAST_ERROR_SQLSTATE
SELECT csat(8, 7);
\echo :LAST_ERROR_SQLSTATE
SELECT ces(0);
\echo :LAST_ERROR_SQLSTATE
SELECT ces(8);
\echo :LAST_ERROR_SQLSTATE
SELECT ces(11, 10);
\echo :LAST_ERROR_SQLSTATE
SELECT csat(3, 1);
\echo :LAST_ERROR_SQLSTATE
SELECT ces(3, 1);
\echo :LAST_ERROR_SQLSTATE
SELECT csat(3, NULL);
\echo :LAST_ERROR_SQLSTATE
SELECT ces(s, sc) FROM (VALUES (3, 7), (3, 10)) v(s, sc);
\echo :LAST_ERROR_SQLSTATE
SELECT csat(x) FROM (VALUES ((SELECT csat_state(true))), ((SELECT csat_state(4)))) v(x);
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 responses=2 satisfied=3 scale_max=5'::csat_state;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 promoters=1 passives=0'::nps_state;
\echo :LAST_ERROR_SQLSTATE
SELECT 'v1 responses=3 total=22 scale_max=7'::ces_state;
\echo :LAST_ERROR_SQLSTATE
SELECT nps_state_uncombine('v1 promoters=1 passives=0 detractors=0', 'v1 promoters=0 passives=1 detractors=0');
\echo :LAST_ERROR_SQLSTATE

-- Extreme values: the widest scale is accepted.
SELECT csat(2147483647, 2147483647) AS top_box, csat(2147483645, 2147483647) AS third_box,
       ces(2147483647, 2147483647) AS ces_max;
SELECT ces_state(s, 2147483647) FROM (VALUES (2147483647), (2147483647), (1)) v(s);

-- A year of deterministic answers by channel.
SELECT setseed(0.42);
CREATE TABLE survey AS
SELECT i AS id,
       date '2024-01-01' + floor(random() * 366)::int AS d,
       (ARRAY['web', 'app', 'phone'])[1 + floor(random() * 3)::int] AS ch,
       CASE WHEN random() < 0.1 THEN NULL ELSE floor(random() * 11)::int END AS s,
       CASE WHEN random() < 0.1 THEN NULL ELSE 1 + floor(random() * 5)::int END AS c5,
       CASE WHEN random() < 0.1 THEN NULL ELSE 1 + floor(random() * 7)::int END AS e7
FROM generate_series(1, 3000) i;
ANALYZE survey;
SELECT ch, count(*) AS rows, count(s) AS answers,
       round(nps(s)::numeric, 2) AS nps, round(csat(c5)::numeric, 2) AS csat, round(ces(e7)::numeric, 3) AS ces
FROM survey GROUP BY ch ORDER BY ch;
-- ... equal to the plain-SQL formulas in every channel and quarter.
SELECT count(*) AS groups,
       bool_and(abs(nps - p_nps) < 1e-9 AND abs(csat - p_csat) < 1e-9 AND abs(ces - p_ces) < 1e-9) AS all_equal
FROM (SELECT nps(s), csat(c5), ces(e7),
             100.0 * (count(*) FILTER (WHERE s >= 9) - count(*) FILTER (WHERE s <= 6)) / count(s) AS p_nps,
             100.0 * count(*) FILTER (WHERE c5 >= 4) / count(c5) AS p_csat, avg(e7) AS p_ces
      FROM survey GROUP BY ch, date_trunc('quarter', d)) q;

-- A forced parallel plan computes the same numbers.
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
ALTER TABLE survey SET (parallel_workers = 2);
EXPLAIN (COSTS OFF) SELECT nps(s), csat(c5), ces(e7) FROM survey;
SELECT round(nps(s)::numeric, 6) AS nps, round(csat(c5)::numeric, 6) AS csat, round(ces(e7)::numeric, 6) AS ces,
       nps_state(s) FROM survey;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
SELECT round(nps(s)::numeric, 6) AS nps, round(csat(c5)::numeric, 6) AS csat, round(ces(e7)::numeric, 6) AS ces,
       nps_state(s) FROM survey;

-- Partitionwise aggregation combines per-partition states.
CREATE TABLE survey_part (LIKE survey) PARTITION BY LIST (ch);
CREATE TABLE survey_part_web PARTITION OF survey_part FOR VALUES IN ('web');
CREATE TABLE survey_part_other PARTITION OF survey_part DEFAULT;
INSERT INTO survey_part SELECT * FROM survey;
ANALYZE survey_part;
SET enable_partitionwise_aggregate = on;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT date_trunc('quarter', d), nps(s) FROM survey_part GROUP BY 1;
SELECT date_trunc('quarter', d)::date AS quarter, round(nps(s)::numeric, 2) AS nps,
       round(csat(c5)::numeric, 2) AS csat, round(ces(e7)::numeric, 3) AS ces
FROM survey_part GROUP BY 1 ORDER BY 1;
RESET enable_partitionwise_aggregate;
RESET enable_hashagg;
SELECT date_trunc('quarter', d)::date AS quarter, round(nps(s)::numeric, 2) AS nps,
       round(csat(c5)::numeric, 2) AS csat, round(ces(e7)::numeric, 3) AS ces
FROM survey GROUP BY 1 ORDER BY 1;

-- Rollups: daily states in a table, merged per month, equal the direct
-- monthly metrics.
CREATE TABLE daily AS
SELECT d, ch, nps_state(s) AS nps_st, csat_state(c5) AS csat_st, ces_state(e7) AS ces_st
FROM survey GROUP BY d, ch;
SELECT m.month, m.nps, m.csat, m.ces,
       (m.nps, m.csat, m.ces) = (r.nps, r.csat, r.ces) AS same_as_rollup
FROM (SELECT date_trunc('month', d)::date AS month, round(nps(s)::numeric, 4) AS nps,
             round(csat(c5)::numeric, 4) AS csat, round(ces(e7)::numeric, 4) AS ces
      FROM survey GROUP BY 1) m
JOIN (SELECT date_trunc('month', d)::date AS month, round(nps(nps_st)::numeric, 4) AS nps,
             round(csat(csat_st)::numeric, 4) AS csat, round(ces(ces_st)::numeric, 4) AS ces
      FROM daily GROUP BY 1) r USING (month)
ORDER BY 1;
-- Months merged to the year with m_state(m_state).
SELECT nps(month_st), nps_state(month_st), (SELECT nps(s) FROM survey) AS direct
FROM (SELECT nps_state(nps_st) AS month_st FROM daily GROUP BY date_trunc('month', d)) q;

-- Rolling windows: rows, a 30-day range, and the same over daily states.
SELECT d, s,
       round(nps(s) OVER (ORDER BY d, id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)::numeric, 2) AS nps_3_rows,
       round(nps(s) OVER (ORDER BY d RANGE BETWEEN '30 days' PRECEDING AND CURRENT ROW)::numeric, 2) AS nps_30_days
FROM survey WHERE ch = 'web' AND id <= 60 ORDER BY d, id;
SELECT d, nps_st,
       round(nps(nps_st) OVER (ORDER BY d RANGE BETWEEN '30 days' PRECEDING AND CURRENT ROW)::numeric, 2) AS nps_30_days,
       (SELECT round(nps(s)::numeric, 2) FROM survey x WHERE x.ch = 'web' AND x.id <= 60
          AND x.d BETWEEN daily.d - 30 AND daily.d) AS recomputed
FROM (SELECT d, nps_state(s) AS nps_st FROM survey WHERE ch = 'web' AND id <= 60 GROUP BY d) daily ORDER BY d;
