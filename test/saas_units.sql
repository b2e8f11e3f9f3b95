-- pgTAP tests of cohort_revenue_retention, arpa, the unit-economics
-- scalars (cac, ltv_cac_ratio, cac_payback_months) and
-- trial_conversion_rate (SPEC section 9): hand-computed vectors,
-- differential checks against plain SQL on random data for every key type
-- and float8, merged states, parallel plans, windows, NULLs and every
-- error.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only on
\pset pager off

BEGIN;
SELECT plan(65);
SET LOCAL TimeZone = 'UTC';
SET LOCAL DateStyle = 'ISO, YMD';

CREATE FUNCTION pg_temp.plan_of(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text; o text := '';
BEGIN
    FOR r IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP o := o || r || E'\n'; END LOOP;
    RETURN o;
END $$;

-- ==================== cohort_revenue_retention ====================
-- Cohort January 2024: customer 1 starts at 100 (two rows, 60 + 40), then
-- 150, then 80; customer 2 starts at 50 on the 10th, pays nothing in
-- February, 50 in March.  Start MRR 150.
--   net:   month 0 150/150, month 1 150/150, month 2 130/150
--   gross: month 0 150/150, month 1 min(150,100) + 0 = 100/150, month 2 80 + 50 = 130/150
CREATE TEMP TABLE cohort_rows(c int, cs date, m date, r numeric);
INSERT INTO cohort_rows VALUES
  (1, '2024-01-01', '2024-01-05', 60), (1, '2024-01-01', '2024-01-20', 40),
  (1, '2024-01-01', '2024-02-01', 150), (1, '2024-01-01', '2024-03-01', 80),
  (2, '2024-01-10', '2024-01-10', 50), (2, '2024-01-10', '2024-03-31', 50),
  (NULL, '2024-01-01', '2024-01-01', 999), (3, NULL, '2024-01-01', 999),
  (4, '2024-01-01', NULL, 999), (5, '2024-01-01', '2024-01-01', NULL);

SELECT is((SELECT cohort_revenue_retention(c, cs, m, r, false) FROM cohort_rows),
          ARRAY[100, 100, 100 * 130 / 150.0]::float8[], 'net MRR retention by hand (NULL rows skipped)');
SELECT is((SELECT cohort_revenue_retention(c, cs, m, r, true) FROM cohort_rows),
          ARRAY[100, 100 * 100 / 150.0, 100 * 130 / 150.0]::float8[], 'gross: each customer capped at its start MRR');
SELECT is((SELECT cohort_revenue_retention('k' || c, cs, m, r::float8, true) FROM cohort_rows),
          ARRAY[100, 100 * 100 / 150.0, 100 * 130 / 150.0]::float8[], 'text keys, float8 MRR');
SELECT is((SELECT cohort_revenue_retention(md5(c::text)::uuid, cs, m, r, false) FROM cohort_rows),
          ARRAY[100, 100, 100 * 130 / 150.0]::float8[], 'uuid keys');
SELECT is((SELECT cohort_revenue_retention(c, cs, m, r, false) FROM cohort_rows WHERE false), NULL, 'no rows: NULL');
SELECT is((SELECT cohort_revenue_retention(c, cs, m, r, false) FROM cohort_rows WHERE c IS NULL OR r IS NULL), NULL,
    'only NULL rows: NULL');
SELECT is((SELECT cohort_revenue_retention(c, cs, m, r, false)
             FROM (VALUES (1, date '2024-01-01', date '2024-02-01', 10::numeric)) v(c, cs, m, r)), NULL,
    'no MRR in the cohort-start month: NULL, not a division error');
SELECT is((SELECT cohort_revenue_retention(1, date '2024-05-31', date '2024-05-01', 7.5, false)), ARRAY[100]::float8[],
    'one row: 100 in month 0 (months are calendar months)');

-- Random cohorts: the plain SQL (customer-month totals, start MRR, cap).
SELECT setseed(0.31);
CREATE TEMP TABLE coh AS
SELECT c, c % 4 AS grp, (date '2023-01-01' + (c % 6) * interval '1 month')::date AS cs,
       ((date '2023-01-01' + (c % 6) * interval '1 month')::date + floor(random() * 400)::int) AS m,
       CASE WHEN random() < 0.05 THEN 0 ELSE round((1 + random() * 300)::numeric, 2) END AS r
  FROM generate_series(1, 800) c, generate_series(1, 8) k WHERE random() < 0.85;
INSERT INTO coh SELECT c, grp, cs, cs, 100 FROM coh WHERE c % 5 = 0 GROUP BY c, grp, cs;
CREATE TEMP TABLE coh_plain AS
WITH cm AS (
    SELECT grp, c, cs, (extract(year FROM m) * 12 + extract(month FROM m)) - (extract(year FROM cs) * 12 + extract(month FROM cs)) AS k,
           sum(r) AS mrr
      FROM coh GROUP BY 1, 2, 3, 4
), st AS (
    SELECT grp, c, cs, coalesce(sum(mrr) FILTER (WHERE k = 0), 0) AS s FROM cm GROUP BY 1, 2, 3
)
SELECT grp, gross, array_agg(100 * v / base ORDER BY k) AS a
  FROM (SELECT cm.grp, g.gross, k, sum(CASE WHEN g.gross THEN least(mrr, s) ELSE mrr END)::float8 AS v
          FROM cm JOIN st USING (grp, c, cs), (VALUES (false), (true)) g(gross)
         GROUP BY 1, 2, 3) x
  JOIN (SELECT grp, sum(s)::float8 AS base FROM st GROUP BY grp) b USING (grp)
 GROUP BY grp, gross;
SELECT is((SELECT count(*) FROM coh_plain p JOIN (
        SELECT grp, g.gross, cohort_revenue_retention(c, cs, m, r, g.gross) AS a FROM coh, (VALUES (false), (true)) g(gross) GROUP BY grp, g.gross) x
        USING (grp, gross)
     WHERE cardinality(p.a) = cardinality(x.a)
       AND (SELECT bool_and(abs(u - w) < 1e-9) FROM unnest(p.a, x.a) z(u, w))), 8::bigint,
    'random cohorts, net and gross: equal to the plain SQL');
CREATE TEMP TABLE coh_one AS
SELECT grp, cohort_revenue_retention(c, cs, m, r, true)::text AS a FROM coh GROUP BY grp;
SELECT results_eq($$SELECT grp, cohort_revenue_retention(st)::text FROM (
        SELECT grp, cohort_revenue_retention_state(c, cs, m, r, true) AS st FROM coh GROUP BY grp, date_trunc('quarter', m)) x
      GROUP BY grp ORDER BY grp$$, $$SELECT grp, a FROM coh_one ORDER BY grp$$, 'states by quarter merge exactly (gross)');
SELECT results_eq($$SELECT grp, cohort_revenue_retention(st::text::cohort_revenue_retention_state)::text FROM (
        SELECT grp, cohort_revenue_retention_state(st) AS st FROM (
            SELECT grp, cohort_revenue_retention_state(c::int8, cs, m, r::float8, true) AS st FROM coh GROUP BY grp, c % 3) y GROUP BY grp) x
      GROUP BY grp ORDER BY grp$$, $$SELECT grp, a FROM coh_one ORDER BY grp$$, 'two-level rollups by customer range, read back from text (int8 keys, float8)');

-- ==================== arpa ====================
SELECT is((SELECT arpa(c, r) FROM (VALUES (1, 10::numeric), (1, 20), (2, 0), (3, 30), (NULL, 50), (4, NULL)) v(c, r)),
    30::numeric, 'arpa by hand: (10 + 20 + 30) / 2 customers with MRR (a 0 customer does not count)');
SELECT is((SELECT arpa(c, r::float8) FROM (VALUES ('a', 10.5), ('b', 0.5)) v(c, r)), 5.5::numeric, 'arpa, text keys and float8');
SELECT is((SELECT arpa(c, r) FROM (VALUES (1, 0::numeric), (2, 0)) v(c, r)), NULL, 'arpa without MRR: NULL');
SELECT is((SELECT arpa(1, r) FROM (VALUES (NULL::numeric)) v(r)), NULL, 'arpa of NULLs: NULL');
SELECT setseed(0.77);
CREATE TEMP TABLE acc AS SELECT (random() * 3000)::int AS c, g % 5 AS grp, round((random() * 200)::numeric, 2) AS r
  FROM generate_series(1, 20000) g;
SELECT is((SELECT count(*) FROM (
        SELECT grp, arpa(c, r) AS a FROM acc GROUP BY grp) x
      JOIN (SELECT grp, sum(t) / count(*) FILTER (WHERE t > 0) AS a
              FROM (SELECT grp, c, sum(r) AS t FROM acc GROUP BY grp, c) y WHERE t > 0 GROUP BY grp) p USING (grp)
     WHERE x.a = p.a), 5::bigint, 'arpa equals sum / count(customers with MRR > 0) exactly');
SELECT is((SELECT count(*) FROM (
        SELECT grp, arpa(st) AS a FROM (SELECT grp, arpa_state(md5(c::text)::uuid, r) AS st FROM acc GROUP BY grp, c % 7) s GROUP BY grp) x
      JOIN (SELECT grp, arpa(c, r) AS a FROM acc GROUP BY grp) p USING (grp) WHERE x.a = p.a), 5::bigint,
    'arpa states by customer range merge exactly (a customer counts once)');

-- ==================== parallel ====================
CREATE TABLE saas_units_pub AS SELECT * FROM coh;
ALTER TABLE saas_units_pub SET (parallel_workers = 2);
ANALYZE saas_units_pub;
CREATE TABLE saas_units_acc AS SELECT * FROM acc;
ALTER TABLE saas_units_acc SET (parallel_workers = 2);
ANALYZE saas_units_acc;
CREATE TEMP TABLE acc_serial AS SELECT arpa(c, r)::text AS a FROM acc;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT ok(pg_temp.plan_of($$SELECT grp, cohort_revenue_retention(c, cs, m, r, true) FROM saas_units_pub GROUP BY grp$$)
          LIKE '%Gather%Partial%Aggregate%', 'cohort_revenue_retention: a parallel plan');
SELECT ok(pg_temp.plan_of($$SELECT arpa(c, r) FROM saas_units_acc$$) LIKE '%Gather%Partial%Aggregate%', 'arpa: a parallel plan');
CREATE TEMP TABLE coh_par AS SELECT grp, cohort_revenue_retention(c, cs, m, r, true)::text AS a FROM saas_units_pub GROUP BY grp;
CREATE TEMP TABLE acc_par AS SELECT arpa(c, r)::text AS a FROM saas_units_acc;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
SELECT results_eq($$SELECT grp, a FROM coh_par ORDER BY grp$$, $$SELECT grp, a FROM coh_one ORDER BY grp$$,
    'cohort_revenue_retention: parallel = serial');
SELECT is((SELECT a FROM acc_par), (SELECT a FROM acc_serial), 'arpa: parallel = serial');
DROP TABLE saas_units_pub, saas_units_acc;

-- ==================== errors of the keyed aggregates ====================
SELECT throws_ok($$SELECT cohort_revenue_retention(1, date '2024-02-01', date '2024-01-31', 5, false)$$, '22023', NULL,
    'a month before the cohort start: 22023');
SELECT throws_ok($$SELECT cohort_revenue_retention(1, date '2024-02-01', date '2024-02-01', 5, NULL)$$, '22004', NULL,
    'gross NULL: 22004');
SELECT throws_ok($$SELECT cohort_revenue_retention(c, date '2024-02-01', date '2024-02-01', 5, g)
                     FROM (VALUES (1, false), (2, true)) v(c, g)$$, '22023', NULL, 'gross changing inside a group: 22023');
SELECT throws_ok($$SELECT cohort_revenue_retention(st) FROM (VALUES
                     ('v1 retention=net key=int 1@2024-01=0:1.0000'::cohort_revenue_retention_state),
                     ('v1 retention=gross key=int 1@2024-01=0:1.0000')) v(st)$$, '22023', NULL, 'merging net and gross states: 22023');
SELECT throws_ok($$SELECT cohort_revenue_retention(1, date '2024-02-01', date '2024-02-01', -5, false)$$, '22003', NULL,
    'negative MRR: 22003');
SELECT throws_ok($$SELECT cohort_revenue_retention(1, date '-infinity', date '2024-02-01', 5, false)$$, '22008', NULL,
    'an infinite cohort start: 22008');
SELECT throws_ok($$SELECT arpa(1, -0.5)$$, '22003', NULL, 'arpa: negative MRR 22003');
SELECT throws_ok($$SELECT arpa(1, 'Infinity'::float8)$$, '22003', NULL, 'arpa: infinite MRR 22003');
SELECT throws_ok($$SELECT arpa(st) FROM (VALUES ('v1 key=int 1=1.0000'::arpa_state), ('v1 key=uuid a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11=1.0000')) v(st)$$,
    '22023', NULL, 'arpa: states with different key types 22023');
SELECT throws_ok($$SELECT 'v1 key=int 1=1.0000,2.0000'::arpa_state$$, '22P02', NULL, 'arpa_state: two amounts for a customer 22P02');
SELECT throws_ok($$SELECT 'v1 key=int 2=1.0000 1=1.0000'::arpa_state$$, '22P02', NULL, 'arpa_state: customers out of order 22P02');
SELECT throws_ok($$SELECT 'v1 retention=net key=int 1@2024-01=1:1.0000,0:1.0000'::cohort_revenue_retention_state$$, '22P02', NULL,
    'cohort_revenue_retention_state: months out of order 22P02');
SELECT throws_ok($$SELECT 'v1 retention=net key=int 1=0:1.0000'::cohort_revenue_retention_state$$, '22P02', NULL,
    'cohort_revenue_retention_state: no cohort start 22P02');
SELECT is((SELECT 'v1 retention=gross key=text "a\"b"@2024-01=0:1.0000,3:2.5000'::cohort_revenue_retention_state::text),
    'v1 retention=gross key=text "a\"b"@2024-01=0:1.0000,3:2.5000', 'cohort_revenue_retention_state text form reads back');

-- ==================== unit economics ====================
SELECT is(cac(1000::numeric, 4), 250::numeric, 'cac numeric: 1000 / 4');
SELECT is(cac(1000::float8, 3), 1000 / 3.0::float8, 'cac float8');
SELECT is(cac(1000, 0), NULL, 'cac at 0 new customers: NULL');
SELECT is(cac(NULL::numeric, 3), NULL, 'cac of NULL: NULL');
SELECT throws_ok($$SELECT cac(-1::numeric, 3)$$, '22003', NULL, 'cac: negative spend 22003');
SELECT throws_ok($$SELECT cac(1::numeric, -3)$$, '22003', NULL, 'cac: negative customer count 22003');
SELECT throws_ok($$SELECT cac('NaN'::float8, 3)$$, '22003', NULL, 'cac: NaN spend 22003');
SELECT is(ltv_cac_ratio(3000, 1000), 3::float8, 'ltv_cac_ratio 3000 / 1000');
SELECT is(ltv_cac_ratio(3000, 0), NULL, 'ltv_cac_ratio at 0 CAC: NULL');
SELECT throws_ok($$SELECT ltv_cac_ratio(-1, 2)$$, '22003', NULL, 'ltv_cac_ratio: negative LTV 22003');
SELECT is(cac_payback_months(1200, 100, 0.8), 15::float8, 'cac_payback_months 1200 / (100 * 0.8)');
SELECT is(cac_payback_months(1200, 0, 0.8), NULL, 'cac_payback_months at 0 ARPA: NULL');
SELECT throws_ok($$SELECT cac_payback_months(1200, 100, 80)$$, '22003', NULL, 'cac_payback_months: margin 80 (not a fraction) 22003');
SELECT throws_ok($$SELECT cac_payback_months(1e308, 1e-300, 1e-10)$$, '22003', NULL, 'cac_payback_months: overflow 22003, not infinity');

-- ==================== trial_conversion_rate ====================
-- 4 trials (the NULL start is not one): converted on day 14 (inclusive),
-- on day 15 (late), never, and before the end of the window.
CREATE TEMP TABLE trials(s timestamptz, c timestamptz);
INSERT INTO trials VALUES
  ('2024-01-01 10:00', '2024-01-15 10:00'), ('2024-01-01 10:00', '2024-01-15 10:00:01'),
  ('2024-01-02 00:00', NULL), ('2024-01-03 00:00', '2024-01-04 00:00'), (NULL, '2024-01-01');
SELECT is((SELECT trial_conversion_rate(s, c, '14 days') FROM trials), 50::float8, 'timestamptz: 2 of 4 trials, the boundary inclusive');
SELECT is((SELECT trial_conversion_rate(s::date, c::date, '14 days') FROM trials), 75::float8,
    'date: 3 of 4 (the 15th counts as day 14 by date)');
SELECT is((SELECT trial_conversion_rate(s, c, '1 month') FROM trials), 75::float8, 'a window of a calendar month');
SELECT is((SELECT trial_conversion_rate(s, c, '0') FROM trials), 0::float8, 'a zero window: only conversions at the start');
SELECT is((SELECT trial_conversion_rate(s, c, '14 days') FROM trials WHERE s IS NULL), NULL, 'no trials: NULL');
SELECT is((SELECT trial_conversion_rate(s, c, '14 days') FROM trials WHERE false), NULL, 'no rows: NULL');
SET LOCAL TimeZone = 'America/New_York';
SELECT is((SELECT trial_conversion_rate(s, c, '1 day') FROM (VALUES ('2024-03-09 12:00-05'::timestamptz, '2024-03-10 12:00-04'::timestamptz)) v(s, c)),
    100::float8, 'a day is a calendar day across a daylight-saving change (23 hours here)');
SET LOCAL TimeZone = 'UTC';
SELECT throws_ok($$SELECT trial_conversion_rate(s, c, NULL) FROM trials$$, '22004', NULL, 'within NULL: 22004');
SELECT throws_ok($$SELECT trial_conversion_rate(s, c, '-1 day') FROM trials$$, '22023', NULL, 'a negative window: 22023');
SELECT throws_ok($$SELECT trial_conversion_rate(s, c, w) FROM (VALUES (now(), now(), interval '1 day'), (now(), now(), '2 days')) v(s, c, w)$$,
    '22023', NULL, 'a window changing inside a group: 22023');
SELECT throws_ok($$SELECT 'v1 trials=1 converted=2 within_months=0 within_days=14 within_usecs=0'::trial_conversion_rate_state$$,
    '22P02', NULL, 'a forged state with more conversions than trials: 22P02');

SELECT setseed(0.5);
CREATE TEMP TABLE tr AS
SELECT g, g % 3 AS grp, t, CASE WHEN random() < 0.3 THEN NULL ELSE t + random() * interval '30 days' END AS c
  FROM (SELECT g, timestamptz '2024-01-01' + random() * interval '200 days' AS t FROM generate_series(1, 5000) g) x;
SELECT is((SELECT count(*) FROM (SELECT grp, trial_conversion_rate(t, c, '14 days') AS r FROM tr GROUP BY grp) x
            JOIN (SELECT grp, 100.0 * count(*) FILTER (WHERE c <= t + interval '14 days') / count(*) AS r FROM tr GROUP BY grp) p
              USING (grp) WHERE abs(x.r - p.r::float8) < 1e-9), 3::bigint, 'random trials: equal to the plain SQL');
SELECT is((SELECT count(*) FROM (
        SELECT g, trial_conversion_rate(t, c, '14 days') OVER w AS a,
               trial_conversion_rate(st) OVER w AS b
          FROM (SELECT g, t, c, trial_conversion_rate_state(t, c, '14 days') OVER (ORDER BY g ROWS CURRENT ROW) AS st FROM tr) y
        WINDOW w AS (ORDER BY g ROWS BETWEEN 50 PRECEDING AND CURRENT ROW)) x
     WHERE a IS DISTINCT FROM b), 0::bigint, 'a sliding window (moving aggregate) equals one over stored states');
SELECT is((SELECT count(*) FROM (
        SELECT g, trial_conversion_rate(t, c, '14 days') OVER (ORDER BY g ROWS BETWEEN 20 PRECEDING AND CURRENT ROW) AS a,
               (SELECT trial_conversion_rate(t2.t, t2.c, '14 days') FROM tr t2 WHERE t2.g BETWEEN tr.g - 20 AND tr.g) AS b
          FROM tr WHERE g <= 400) x WHERE abs(a - b) > 1e-9), 0::bigint, 'a sliding window equals each frame recomputed');
SELECT is((SELECT trial_conversion_rate(st) FROM (SELECT trial_conversion_rate_state(t, c, '14 days') AS st FROM tr GROUP BY grp) x),
          (SELECT trial_conversion_rate(t, c, '14 days') FROM tr), 'states merge');

-- ==================== documentation ====================
SELECT ok((SELECT bool_and(obj_description(p.oid, 'pg_proc') IS NOT NULL) FROM pg_proc p
            WHERE p.proname ~ '^(cohort_revenue_retention|arpa|cac|ltv_cac_ratio|cac_payback_months|trial_conversion_rate)'),
    'every function and aggregate has a comment');

SELECT * FROM finish();
ROLLBACK;
