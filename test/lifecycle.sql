-- pgTAP tests of the lifecycle window function, against the lag()-based
-- SQL on random activity, and of the growth-accounting recipe in the docs.
BEGIN;
SELECT plan(36);

-- Random activity: 300 customers, each active in a random subset of 30
-- months (one row per customer and month), starting at different months.
SELECT setseed(0.17);
CREATE TABLE act (customer int, period_start date);
INSERT INTO act
SELECT c, (DATE '2022-01-01' + make_interval(months => m))::date
FROM generate_series(1, 300) c, generate_series(0, 29) m
WHERE random() < 0.35;
ANALYZE act;

-- The reference: lag() SQL.
CREATE FUNCTION pg_temp.lag_label(prev date, cur date, period interval) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN prev IS NULL THEN 'new' WHEN prev + period = cur THEN 'retained' ELSE 'resurrected' END $$;

-- ---------- no rows, one row, NULLs ----------
SELECT is((SELECT count(*) FROM (SELECT lifecycle(period_start) OVER (PARTITION BY customer ORDER BY period_start) FROM act WHERE false) s),
          0::bigint, 'no rows, no labels');
SELECT is((SELECT lifecycle(DATE '2024-03-01') OVER ()), 'new', 'one row is new');
SELECT results_eq($$SELECT lifecycle(d) OVER (ORDER BY d) FROM (VALUES (NULL::date), (NULL)) v(d)$$,
                  $$VALUES (NULL::text), (NULL)$$, 'all NULL period_start gives NULL labels');
SELECT results_eq($$SELECT d, lifecycle(d) OVER (ORDER BY d NULLS FIRST)
                    FROM (VALUES (DATE '2024-01-01'), (NULL), (DATE '2024-02-01'), (NULL), (DATE '2024-04-01')) v(d)
                    ORDER BY d NULLS FIRST$$,
                  $$VALUES (NULL::date, NULL::text), (NULL, NULL), (DATE '2024-01-01', 'new'),
                           (DATE '2024-02-01', 'retained'), (DATE '2024-04-01', 'resurrected')$$,
                  'NULL period_start rows get NULL and do not count as activity');
SELECT results_eq($$SELECT c, d, lifecycle(d) OVER (PARTITION BY c ORDER BY d)
                    FROM (VALUES (1, DATE '2024-01-01'), (1, DATE '2024-02-01'), (1, DATE '2024-04-01'), (1, DATE '2024-05-01'),
                                 (2, DATE '2024-02-01'), (2, DATE '2024-03-01')) v(c, d) ORDER BY c, d$$,
                  $$VALUES (1, DATE '2024-01-01', 'new'), (1, DATE '2024-02-01', 'retained'), (1, DATE '2024-04-01', 'resurrected'),
                           (1, DATE '2024-05-01', 'retained'), (2, DATE '2024-02-01', 'new'), (2, DATE '2024-03-01', 'retained')$$,
                  'hand-made partitions');

-- ---------- month arithmetic is date + interval's ----------
SELECT results_eq($$SELECT lifecycle(d) OVER (ORDER BY d)
                    FROM (VALUES (DATE '2024-01-31'), (DATE '2024-02-29'), (DATE '2024-03-29')) v(d)$$,
                  $$VALUES ('new'::text), ('retained'), ('retained')$$, 'months step like date + interval (31 Jan + 1 month = 29 Feb)');
SELECT results_eq($$SELECT lifecycle(d, '1 week') OVER (ORDER BY d)
                    FROM (VALUES (DATE '2024-01-01'), (DATE '2024-01-08'), (DATE '2024-01-22')) v(d)$$,
                  $$VALUES ('new'::text), ('retained'), ('resurrected')$$, 'weekly periods');
SELECT results_eq($$SELECT lifecycle(d, '1 month') OVER (ORDER BY d)
                    FROM (VALUES (DATE '2024-01-01'), (DATE '2024-02-01')) v(d)$$,
                  $$SELECT lifecycle(d) OVER (ORDER BY d) FROM (VALUES (DATE '2024-01-01'), (DATE '2024-02-01')) v(d)$$,
                  'the default period is one month');
SELECT results_eq($$SELECT lifecycle(d, '1 day') OVER (ORDER BY d)
                    FROM (VALUES (DATE '4713-01-01 BC'), (DATE '4713-01-02 BC'), (DATE '5874897-12-30'), (DATE '5874897-12-31')) v(d)$$,
                  $$VALUES ('new'::text), ('retained'), ('resurrected'), ('retained')$$, 'extreme dates');

-- ---------- bad input ----------
SELECT throws_ok($$SELECT lifecycle(d, '0 days') OVER (ORDER BY d) FROM (VALUES (DATE '2024-01-01')) v(d)$$, '22023', NULL,
                 'a zero period is 22023');
SELECT throws_ok($$SELECT lifecycle(d, '-1 month') OVER (ORDER BY d) FROM (VALUES (DATE '2024-01-01')) v(d)$$, '22023', NULL,
                 'a negative period is 22023');
SELECT throws_ok($$SELECT lifecycle(d, '1 month -3 days') OVER (ORDER BY d) FROM (VALUES (DATE '2024-01-01')) v(d)$$, '22023', NULL,
                 'a period with a negative part is 22023');
SELECT throws_ok($$SELECT lifecycle(d, '12 hours') OVER (ORDER BY d) FROM (VALUES (DATE '2024-01-01')) v(d)$$, '22023', NULL,
                 'a period that is not whole days is 22023');
SELECT throws_ok($$SELECT lifecycle(d, NULL) OVER (ORDER BY d) FROM (VALUES (DATE '2024-01-01')) v(d)$$, '22004', NULL,
                 'a NULL period is 22004');
SELECT throws_ok($$SELECT lifecycle(d, p) OVER (ORDER BY d)
                   FROM (VALUES (DATE '2024-01-01', INTERVAL '1 month'), (DATE '2024-02-01', INTERVAL '1 week')) v(d, p)$$, '22023', NULL,
                 'a period changing within a partition is 22023');
SELECT throws_ok($$SELECT lifecycle(d) OVER (ORDER BY d) FROM (VALUES (DATE '2024-01-01'), (DATE '2024-01-01')) v(d)$$, '22023',
                 'period_start 2024-01-01 is not after the previous row''s 2024-01-01', 'the same period twice is 22023');
SELECT throws_ok($$SELECT lifecycle(d) OVER (ORDER BY d DESC) FROM (VALUES (DATE '2024-01-01'), (DATE '2024-02-01')) v(d)$$, '22023',
                 NULL, 'rows in the wrong order are 22023');
SELECT throws_ok($$SELECT lifecycle(d) OVER (ORDER BY d) FROM (VALUES (DATE '2024-01-01'), (DATE '2024-01-15')) v(d)$$, '22023',
                 NULL, 'two rows within one period are 22023');
SELECT throws_ok($$SELECT lifecycle(d) OVER (ORDER BY d) FROM (VALUES (DATE '2024-01-01'), (DATE 'infinity')) v(d)$$, '22023',
                 NULL, 'an infinite period_start is 22023');
SELECT lives_ok($$SELECT lifecycle(d) OVER (PARTITION BY c ORDER BY d)
                  FROM (VALUES (1, DATE '2024-01-01'), (2, DATE '2024-01-01'), (2, DATE '2024-02-01')) v(c, d)$$,
                'the same period in different partitions is fine');

-- ---------- differential: lifecycle against lag() on random data ----------
SELECT ok((SELECT count(*) FROM act) > 2000, 'enough random activity rows');
SELECT is((SELECT count(*) FROM (
             SELECT lifecycle(period_start) OVER w AS l,
                    pg_temp.lag_label(lag(period_start) OVER w, period_start, '1 month') AS r
             FROM act WINDOW w AS (PARTITION BY customer ORDER BY period_start)) s
           WHERE l IS DISTINCT FROM r), 0::bigint, 'monthly: equals the lag() SQL on every row');
SELECT is((SELECT count(DISTINCT l) FROM (
             SELECT lifecycle(period_start) OVER (PARTITION BY customer ORDER BY period_start) AS l FROM act) s),
          3::bigint, 'the random data has all three labels');
SELECT is((SELECT count(*) FROM (
             SELECT lifecycle(q, '3 months') OVER w AS l, pg_temp.lag_label(lag(q) OVER w, q, '3 months') AS r
             FROM (SELECT DISTINCT customer, date_trunc('quarter', period_start)::date AS q FROM act) a
             WINDOW w AS (PARTITION BY customer ORDER BY q)) s
           WHERE l IS DISTINCT FROM r), 0::bigint, 'quarterly (3 months): equals the lag() SQL');
SELECT is((SELECT count(*) FROM (
             SELECT lifecycle(d, '1 week') OVER w AS l, pg_temp.lag_label(lag(d) OVER w, d, '1 week') AS r
             FROM (SELECT DISTINCT customer, (DATE '2024-01-01' + 7 * ((random() * 40)::int)) AS d
                   FROM act) a
             WINDOW w AS (PARTITION BY customer ORDER BY d)) s
           WHERE l IS DISTINCT FROM r), 0::bigint, 'weekly: equals the lag() SQL');
SELECT is((SELECT count(*) FROM (
             SELECT lifecycle(d, '1 day') OVER w AS l, pg_temp.lag_label(lag(d) OVER w, d, '1 day') AS r
             FROM (SELECT DISTINCT customer % 50 AS customer, DATE '2024-01-01' + (random() * 30)::int AS d FROM act) a
             WINDOW w AS (PARTITION BY customer ORDER BY d)) s
           WHERE l IS DISTINCT FROM r), 0::bigint, 'daily: equals the lag() SQL');
SELECT is((SELECT count(*) FROM (
             SELECT lifecycle(period_start) OVER w AS l, lifecycle(period_start, '2 months') OVER w AS l2,
                    pg_temp.lag_label(lag(period_start) OVER w, period_start, '1 month') AS r,
                    pg_temp.lag_label(lag(period_start) OVER w, period_start, '2 months') AS r2
             FROM act WHERE extract(month FROM period_start)::int % 2 = 1
             WINDOW w AS (PARTITION BY customer ORDER BY period_start)) s
           WHERE l IS DISTINCT FROM r OR l2 IS DISTINCT FROM r2), 0::bigint,
          'two lifecycle calls with different periods in one window');
SELECT is((SELECT count(*) FROM (
             SELECT lifecycle(period_start) OVER (PARTITION BY customer ORDER BY period_start ROWS BETWEEN CURRENT ROW AND CURRENT ROW) AS l,
                    pg_temp.lag_label(lag(period_start) OVER (PARTITION BY customer ORDER BY period_start), period_start, '1 month') AS r
             FROM act) s
           WHERE l IS DISTINCT FROM r), 0::bigint, 'the frame clause does not matter');
SELECT is((SELECT count(*) FROM (
             SELECT period_start, lifecycle(period_start) OVER w AS l,
                    pg_temp.lag_label(lag(period_start) OVER w, period_start, '1 month') AS r
             FROM (SELECT customer, period_start FROM act UNION ALL SELECT customer, NULL FROM act WHERE customer % 7 = 0) a
             WINDOW w AS (PARTITION BY customer ORDER BY period_start)) s
           WHERE (period_start IS NULL AND l IS NOT NULL)
              OR (period_start IS NOT NULL AND l IS DISTINCT FROM r)), 0::bigint,
          'NULL rows mixed in (sorted last) leave the other labels as lag() gives them');

-- ---------- parallel plan below the window ----------
ALTER TABLE act SET (parallel_workers = 2);
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
CREATE FUNCTION pg_temp.plan_of(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN RETURN QUERY EXECUTE 'EXPLAIN (COSTS OFF) ' || q; END $$;
SELECT ok(EXISTS (SELECT 1 FROM pg_temp.plan_of($$SELECT lifecycle(period_start) OVER (PARTITION BY customer ORDER BY period_start) FROM act$$) p
                  WHERE p LIKE '%Gather%'), 'a parallel scan feeds the window');
SELECT is((SELECT count(*) FROM (
             SELECT lifecycle(period_start) OVER w AS l,
                    pg_temp.lag_label(lag(period_start) OVER w, period_start, '1 month') AS r
             FROM act WINDOW w AS (PARTITION BY customer ORDER BY period_start)) s
           WHERE l IS DISTINCT FROM r), 0::bigint, 'parallel: equals the lag() SQL');
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

-- ---------- growth accounting (the recipe in docs/lifecycle_health.md) ----------
CREATE TEMP TABLE growth AS
WITH labelled AS (
  SELECT customer, period_start,
         lifecycle(period_start) OVER (PARTITION BY customer ORDER BY period_start) AS status,
         lead(period_start) OVER (PARTITION BY customer ORDER BY period_start) AS next_start
  FROM act
), months AS (
  SELECT generate_series(min(period_start), max(period_start), '1 month')::date AS month FROM act
)
SELECT m.month,
       count(*) FILTER (WHERE l.period_start = m.month AND l.status = 'new') AS new,
       count(*) FILTER (WHERE l.period_start = m.month AND l.status = 'retained') AS retained,
       count(*) FILTER (WHERE l.period_start = m.month AND l.status = 'resurrected') AS resurrected,
       -- churned in month m: active in m - 1 month, not in m
       count(*) FILTER (WHERE l.period_start + interval '1 month' = m.month
                          AND (l.next_start IS NULL OR l.next_start > m.month)) AS churned
FROM months m
JOIN labelled l ON l.period_start IN (m.month, (m.month - interval '1 month')::date)
GROUP BY m.month;
-- plain SQL counts without lifecycle()
CREATE TEMP TABLE growth_sql AS
SELECT m.month::date AS month,
       count(*) FILTER (WHERE a.period_start = m.month AND NOT EXISTS (SELECT 1 FROM act b WHERE b.customer = a.customer AND b.period_start < a.period_start)) AS new,
       count(*) FILTER (WHERE a.period_start = m.month AND EXISTS (SELECT 1 FROM act b WHERE b.customer = a.customer AND b.period_start = (a.period_start - interval '1 month')::date)) AS retained,
       count(*) FILTER (WHERE a.period_start = m.month AND EXISTS (SELECT 1 FROM act b WHERE b.customer = a.customer AND b.period_start < (a.period_start - interval '1 month')::date)
                          AND NOT EXISTS (SELECT 1 FROM act b WHERE b.customer = a.customer AND b.period_start = (a.period_start - interval '1 month')::date)) AS resurrected,
       count(*) FILTER (WHERE a.period_start = (m.month - interval '1 month')::date
                          AND NOT EXISTS (SELECT 1 FROM act b WHERE b.customer = a.customer AND b.period_start = m.month)) AS churned
FROM generate_series(DATE '2022-01-01', DATE '2024-06-01', '1 month') AS m(month)
JOIN act a ON a.period_start IN (m.month::date, (m.month - interval '1 month')::date)
GROUP BY m.month;
SELECT is((SELECT count(*) FROM growth g FULL JOIN growth_sql s USING (month)
           WHERE (g.new, g.retained, g.resurrected, g.churned) IS DISTINCT FROM (s.new, s.retained, s.resurrected, s.churned)),
          0::bigint, 'growth accounting counts equal the plain-SQL counts for every month');
SELECT is((SELECT sum(new)::bigint FROM growth), (SELECT count(DISTINCT customer) FROM act),
          'every customer is new exactly once');
SELECT is((SELECT count(*) FROM growth g
           WHERE g.new + g.retained + g.resurrected
                 <> (SELECT count(*) FROM act WHERE period_start = g.month)), 0::bigint,
          'new + retained + resurrected = active customers in each month');
SELECT is((SELECT count(*) FROM growth g JOIN growth p ON p.month = (g.month - interval '1 month')::date
           WHERE g.new + g.resurrected - g.churned <> (g.new + g.retained + g.resurrected) - (p.new + p.retained + p.resurrected)),
          0::bigint, 'net growth = new + resurrected - churned');
SELECT ok((SELECT bool_and(quick_ratio IS NULL OR quick_ratio >= 0) FROM (
             SELECT (new + resurrected)::float8 / NULLIF(churned, 0) AS quick_ratio FROM growth) q)
          AND (SELECT count(*) FROM growth WHERE churned > 0) > 20, 'quick ratio computes for the months with churn');

SELECT * FROM finish();
ROLLBACK;
