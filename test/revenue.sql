-- pgTAP tests of net_revenue_retention, gross_revenue_retention,
-- revenue_churn_rate, revenue_churn and revenue_state: differential checks
-- against the plain sum(...) FILTER SQL, the NULL and zero conventions,
-- exactness, every error, parallel and partitionwise plans, windows,
-- rollups and the state's text and binary forms.
BEGIN;
SELECT plan(61);

-- ---------- data ----------
SELECT setseed(0.57);
-- One row per customer and month: amounts with cents, some customers
-- churned (NULL or 0 end), some new (NULL or 0 start), expansions and
-- contractions.
CREATE TEMP TABLE mrr AS
SELECT i AS customer_id, i % 5 AS region, day,
       CASE WHEN r1 < 0.05 THEN NULL WHEN r1 < 0.08 THEN 0
            ELSE round((10 + random() * 990)::numeric, 2) END AS s,
       CASE WHEN r2 < 0.06 THEN NULL WHEN r2 < 0.12 THEN 0
            ELSE round((5 + random() * 1200)::numeric, 2) END AS e
  FROM (SELECT i, random() AS r1, random() AS r2,
               date '2025-01-01' + floor(random() * 90)::int AS day
          FROM generate_series(1, 4000) i) x;
ALTER TABLE mrr ADD COLUMN fs float8, ADD COLUMN fe float8;
UPDATE mrr SET fs = s::float8, fe = e::float8;

-- The analyst's SQL: customers with revenue at start, NULL end = 0.
CREATE TEMP VIEW plain AS
SELECT region,
       100 * sum(coalesce(e, 0)) FILTER (WHERE s > 0) / sum(s) FILTER (WHERE s > 0) AS nrr,
       100 * sum(least(s, coalesce(e, 0))) FILTER (WHERE s > 0) / sum(s) FILTER (WHERE s > 0) AS grr,
       100 * sum(greatest(s - coalesce(e, 0), 0)) FILTER (WHERE s > 0) / sum(s) FILTER (WHERE s > 0) AS rcr,
       sum(greatest(s - coalesce(e, 0), 0)) FILTER (WHERE s > 0) AS rc
  FROM mrr GROUP BY region;

-- ---------- differential ----------
SELECT is((SELECT count(*) FROM (
    SELECT region, net_revenue_retention(s, e) AS nrr, gross_revenue_retention(s, e) AS grr,
           revenue_churn_rate(s, e) AS rcr, revenue_churn(s, e) AS rc
      FROM mrr GROUP BY region) x JOIN plain p USING (region)
   WHERE NOT (abs(x.nrr - p.nrr::float8) < 1e-9 AND abs(x.grr - p.grr::float8) < 1e-9
              AND abs(x.rcr - p.rcr::float8) < 1e-9 AND x.rc = p.rc)), 0::bigint,
   'numeric: the four functions by region equal the plain sum(...) FILTER SQL (revenue_churn exactly)');
SELECT is((SELECT count(*) FROM (
    SELECT region, net_revenue_retention(fs, fe) AS nrr, gross_revenue_retention(fs, fe) AS grr,
           revenue_churn_rate(fs, fe) AS rcr, revenue_churn(fs, fe) AS rc
      FROM mrr GROUP BY region) x JOIN plain p USING (region)
   WHERE NOT (abs(x.nrr - p.nrr::float8) < 1e-9 AND abs(x.grr - p.grr::float8) < 1e-9
              AND abs(x.rcr - p.rcr::float8) < 1e-9 AND x.rc = p.rc)), 0::bigint,
   'double precision: the same numbers, and an exact revenue_churn');
SELECT is((SELECT count(*) FROM plain), 5::bigint, 'five regions compared');
SELECT ok((SELECT bool_and(nrr > 50 AND nrr < 200 AND grr < nrr AND rcr > 5) FROM plain),
   'the data has expansion and churn');
SELECT ok((SELECT bool_and(abs(gross_revenue_retention + revenue_churn_rate - 100) < 1e-9)
             FROM (SELECT gross_revenue_retention(s, e), revenue_churn_rate(s, e) FROM mrr GROUP BY region) x),
   'gross_revenue_retention + revenue_churn_rate = 100');
-- Exactness: a double precision sum depends on the order of the rows; ours does not.
SELECT is((SELECT count(DISTINCT r) FROM (
    SELECT revenue_churn(fs, fe) OVER () AS r FROM (SELECT * FROM mrr ORDER BY customer_id) o
    UNION ALL SELECT revenue_churn(fs, fe) OVER () FROM (SELECT * FROM mrr ORDER BY fs DESC) o
    UNION ALL SELECT revenue_churn(fs, fe) OVER () FROM (SELECT * FROM mrr ORDER BY random()) o) x),
   1::bigint, 'sums are exact: the result does not depend on the row order');
SELECT is((SELECT revenue_churn(x, 0) FROM (VALUES (0.1::float8), (0.2), (0.3)) v(x)), 0.6000,
   '0.1 + 0.2 + 0.3 in double precision is exactly 0.6000');

-- ---------- conventions, small cases ----------
SELECT is((SELECT net_revenue_retention(s, e) FROM mrr WHERE false), NULL, 'no rows: NULL');
SELECT is((SELECT revenue_churn(s, e) FROM mrr WHERE false), NULL, 'no rows: revenue_churn NULL');
SELECT is((SELECT net_revenue_retention(s, e) FROM (VALUES (100::numeric, 120::numeric)) v(s, e)), 120::float8,
   'one row: 120');
SELECT is((SELECT net_revenue_retention(s, e) FROM (VALUES (NULL::numeric, NULL::numeric), (NULL, NULL)) v(s, e)), NULL,
   'all NULL: NULL');
SELECT is((SELECT net_revenue_retention(s, e) FROM (VALUES (NULL::numeric, 50::numeric), (0, 70)) v(s, e)), NULL,
   'only new customers (NULL or 0 start): not in the base, NULL');
SELECT is((SELECT revenue_churn(s, e) FROM (VALUES (0::numeric, 70::numeric)) v(s, e)), NULL,
   'revenue_churn with no customer at start: NULL');
SELECT is((SELECT array[net_revenue_retention(s, e), gross_revenue_retention(s, e), revenue_churn_rate(s, e)]
             FROM (VALUES (100::numeric, 150::numeric), (100, NULL), (100, 50), (NULL, 10), (0, 30), (NULL, NULL)) v(s, e)),
   array[200.0 / 3, 50, 50]::float8[],
   'NULLs mixed in: NULL end = 0 (gone), expansion counts in NRR only');
SELECT is((SELECT revenue_churn(s, e) FROM (VALUES (100::numeric, 150::numeric), (100, NULL), (100, 50), (NULL, 10)) v(s, e)),
   150.0000, 'revenue_churn is the amount lost: churned + contracted');
SELECT is((SELECT revenue_churn(s, e) FROM (VALUES (0.00005::numeric, 0::numeric), (1.00004, 0), (2.00015, 2)) v(s, e)),
   1.0003, 'amounts are rounded to 0.0001 half away from zero (0.0001 + 1.0000 + 0.0002)');
SELECT is((SELECT revenue_churn(s, e) FROM (VALUES (922337203685477.5807::numeric, 0::numeric)) v(s, e)),
   922337203685477.5807, 'extreme values: the largest amount');
SELECT is((SELECT revenue_churn(s, e) FROM (VALUES (0.0001::numeric, 0::numeric)) v(s, e)), 0.0001,
   'extreme values: the smallest amount');
SELECT is((SELECT net_revenue_retention(s, e) FROM (VALUES (1e-4::float8, 1e14::float8)) v(s, e)), 1e20::float8,
   'extreme values: a tiny start and a huge end');
-- numeric digits decoded directly: compare with numeric's own rounding on
-- random amounts of every magnitude and scale.
SELECT is((SELECT count(*) FROM (
    SELECT x, (SELECT revenue_churn(y, 0) FROM (SELECT x) z(y)) AS rc
      FROM (SELECT round((random() * 10 ^ (random() * 18 - 6))::numeric, (random() * 12)::int) AS x
              FROM generate_series(1, 2000)) v) w
   WHERE round(x, 4) > 0 AND rc IS DISTINCT FROM round(x, 4)), 0::bigint,
   'numeric amounts of every magnitude and scale convert exactly (as round(x, 4))');

-- Every signature: no rows, one row, all NULL, NULLs mixed in.
CREATE TEMP VIEW all_sigs AS
SELECT k, array[net_revenue_retention(s, e), gross_revenue_retention(s, e), revenue_churn_rate(s, e),
                net_revenue_retention(s::float8, e::float8), gross_revenue_retention(s::float8, e::float8),
                revenue_churn_rate(s::float8, e::float8)] AS r,
       array[revenue_churn(s, e), revenue_churn(s::float8, e::float8)] AS c
  FROM (VALUES ('one', 80::numeric, 100::numeric),
               ('mixed', 100, 50), ('mixed', NULL, 10), ('mixed', 100, NULL), ('mixed', 0, 5), ('mixed', NULL, NULL),
               ('mixed', 200, 300),
               ('null', NULL, NULL), ('null', NULL, NULL)) v(k, s, e)
 GROUP BY k;
SELECT is((SELECT r FROM all_sigs WHERE k = 'one'), array[125, 100, 0, 125, 100, 0]::float8[], 'one row, every signature');
SELECT is((SELECT c FROM all_sigs WHERE k = 'one'), array[0, 0]::numeric[], 'one row, revenue_churn of both types');
SELECT is((SELECT r FROM all_sigs WHERE k = 'mixed'), array[87.5, 62.5, 37.5, 87.5, 62.5, 37.5]::float8[],
   'NULLs and zeros mixed in, every signature');
SELECT is((SELECT c FROM all_sigs WHERE k = 'mixed'), array[150, 150]::numeric[], 'NULLs mixed in, revenue_churn of both types');
SELECT is((SELECT r FROM all_sigs WHERE k = 'null'), array_fill(NULL::float8, array[6]), 'all NULL, every signature: NULL');
SELECT is((SELECT c FROM all_sigs WHERE k = 'null'), array_fill(NULL::numeric, array[2]), 'all NULL, revenue_churn: NULL');
SELECT is((SELECT array[net_revenue_retention(s, e), gross_revenue_retention(s, e), revenue_churn_rate(s, e),
                        net_revenue_retention(fs, fe), gross_revenue_retention(fs, fe), revenue_churn_rate(fs, fe),
                        revenue_churn(fs, fe)] FROM mrr WHERE false),
          array_fill(NULL::float8, array[7]), 'no rows, every signature: NULL');

-- ---------- errors ----------
SELECT throws_ok($$SELECT net_revenue_retention(-1::numeric, 5::numeric)$$, '22003',
    'start_mrr -1 is negative', 'negative start: 22003');
SELECT throws_ok($$SELECT gross_revenue_retention(5::numeric, -0.01::numeric)$$, '22003',
    'end_mrr -0.01 is negative', 'negative end: 22003');
SELECT throws_ok($$SELECT revenue_churn(NULL::numeric, -0.01::numeric)$$, '22003',
    NULL, 'negative end with a NULL start: 22003 all the same');
SELECT throws_ok($$SELECT revenue_churn_rate(-1::float8, 5::float8)$$, '22003', NULL, 'negative double: 22003');
SELECT throws_ok($$SELECT net_revenue_retention('NaN'::numeric, 5::numeric)$$, '22003', NULL, 'NaN numeric: 22003');
SELECT throws_ok($$SELECT net_revenue_retention(5::float8, 'NaN'::float8)$$, '22003', NULL, 'NaN double: 22003');
SELECT throws_ok($$SELECT net_revenue_retention('Infinity'::numeric, 5::numeric)$$, '22003', NULL, 'infinite numeric: 22003');
SELECT throws_ok($$SELECT net_revenue_retention('Infinity'::float8, 5::float8)$$, '22003', NULL, 'infinite double: 22003');
SELECT throws_ok($$SELECT net_revenue_retention(922337203685477.58075::numeric, 5::numeric)$$, '22003',
    NULL, 'an amount beyond 922337203685477.5807: 22003');
SELECT throws_ok($$SELECT net_revenue_retention(1e300::float8, 5::float8)$$, '22003', NULL, 'a huge double: 22003');
SELECT throws_ok($$SELECT net_revenue_retention(s, 0) FROM (VALUES (922337203685477::numeric), (1)) v(s)$$, '22003',
    NULL, 'a sum that overflows: 22003');
SELECT throws_ok($$SELECT net_revenue_retention(5, 'x'::text)$$, '42883', NULL, 'text amounts do not resolve');

-- ---------- state forms ----------
SELECT is((SELECT revenue_state(s, e)::text FROM (VALUES (100.5::numeric, 120::numeric), (100, NULL), (NULL, 3)) v(s, e)),
   'v1 customers=2 start_mrr=2005000 end_mrr=1200000 lost_mrr=1000000', 'the text form (amounts in 1/10000 units)');
SELECT is((SELECT count(*) FROM (SELECT revenue_state(s, e) AS st FROM mrr GROUP BY region, day) x
            WHERE st::text::revenue_state::text <> st::text), 0::bigint, 'text round trip');
SELECT throws_ok($$SELECT 'v1 customers=0 start_mrr=5 end_mrr=0 lost_mrr=0'::revenue_state$$, '22P02', NULL,
    'forged: amounts without customers');
SELECT throws_ok($$SELECT 'v1 customers=1 start_mrr=5 end_mrr=0 lost_mrr=6'::revenue_state$$, '22P02', NULL,
    'forged: more lost than at start');
SELECT throws_ok($$SELECT 'v1 customers=3 start_mrr=2 end_mrr=0 lost_mrr=0'::revenue_state$$, '22P02', NULL,
    'forged: less than a unit per customer');
SELECT throws_ok($$SELECT 'v1 customers=1 start_mrr=-5 end_mrr=0 lost_mrr=0'::revenue_state$$, '22P02', NULL,
    'forged: negative sum');
SELECT throws_ok($$SELECT 'v1 customers=1 start_mrr=5 end_mrr=0'::revenue_state$$, '22P02', NULL, 'forged: a field missing');
SELECT throws_ok($$SELECT 'v1 customers=1 start_mrr=5 end_mrr=0 lost_mrr=99999999999999999999'::revenue_state$$, '22P02', NULL,
    'forged: a value beyond int64');
SELECT throws_ok($$SELECT 'v1 customers=1 start_mrr=5x end_mrr=0 lost_mrr=0'::revenue_state$$, '22P02', NULL, 'forged: not a number');
CREATE TEMP TABLE rs_bin(s revenue_state);
CREATE TEMP TABLE rs_back(s revenue_state);
INSERT INTO rs_bin SELECT revenue_state(s, e) FROM mrr GROUP BY region;
INSERT INTO rs_bin VALUES ('v1 customers=0 start_mrr=0 end_mrr=0 lost_mrr=0');
DO $$
DECLARE f text := format('/tmp/retention-revenue-test-%s.bin', pg_backend_pid());
BEGIN
    EXECUTE format('COPY rs_bin TO %L WITH (FORMAT binary)', f);
    EXECUTE format('COPY rs_back FROM %L WITH (FORMAT binary)', f);
    EXECUTE format('COPY (SELECT 1) TO PROGRAM %L', 'cat >/dev/null; rm -f ' || f);
END $$;
SELECT is((SELECT array_agg(s::text ORDER BY s::text) FROM rs_back),
          (SELECT array_agg(s::text ORDER BY s::text) FROM rs_bin), 'binary send/receive round trip');

-- ---------- parallel ----------
CREATE TABLE pub_mrr AS SELECT m.* FROM mrr m, generate_series(1, 3);
ALTER TABLE pub_mrr SET (parallel_workers = 2);
ANALYZE pub_mrr;
CREATE FUNCTION pg_temp.plan_of(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text; o text := '';
BEGIN
    FOR r IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP o := o || r || E'\n'; END LOOP;
    RETURN o;
END $$;
CREATE TEMP TABLE serial_res AS
SELECT region, net_revenue_retention(s, e) AS a, gross_revenue_retention(fs, fe) AS b,
       revenue_churn_rate(s, e) AS c, revenue_churn(fs, fe) AS d
  FROM pub_mrr GROUP BY region;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT ok(pg_temp.plan_of($$SELECT region, net_revenue_retention(s, e) FROM pub_mrr GROUP BY region$$)
          LIKE '%Partial%Aggregate%', 'a forced parallel plan has a Partial Aggregate');
SELECT is((SELECT count(*) FROM (
    SELECT region, net_revenue_retention(s, e) AS a, gross_revenue_retention(fs, fe) AS b,
           revenue_churn_rate(s, e) AS c, revenue_churn(fs, fe) AS d
      FROM pub_mrr GROUP BY region
    EXCEPT SELECT * FROM serial_res) x), 0::bigint, 'parallel results equal serial ones, exactly');
SELECT is((SELECT revenue_churn(s, e) FROM pub_mrr), (SELECT 3 * sum(rc) FROM plain),
   'parallel revenue_churn equals the plain SQL');
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;

-- ---------- partitionwise ----------
CREATE TEMP TABLE part (LIKE mrr) PARTITION BY RANGE (day);
CREATE TEMP TABLE part_a PARTITION OF part FOR VALUES FROM ('2025-01-01') TO ('2025-02-15');
CREATE TEMP TABLE part_b PARTITION OF part FOR VALUES FROM ('2025-02-15') TO ('2026-01-01');
INSERT INTO part SELECT * FROM mrr;
ANALYZE part;
SET enable_partitionwise_aggregate = on;
SELECT ok(pg_temp.plan_of($$SELECT net_revenue_retention(s, e) FROM part$$) LIKE '%Partial Aggregate%',
   'partitionwise aggregation combines per-partition states');
SELECT is((SELECT array[net_revenue_retention(s, e), gross_revenue_retention(fs, fe), revenue_churn_rate(s, e)] FROM part),
          (SELECT array[net_revenue_retention(s, e), gross_revenue_retention(fs, fe), revenue_churn_rate(s, e)] FROM mrr),
   'partitionwise results equal the plain ones');
RESET enable_partitionwise_aggregate;

-- ---------- windows ----------
SELECT is((SELECT count(*) FROM (
    SELECT customer_id, net_revenue_retention(s, e) OVER w AS a, revenue_churn(fs, fe) OVER w AS b
      FROM mrr WINDOW w AS (ORDER BY customer_id ROWS BETWEEN 100 PRECEDING AND CURRENT ROW)) x,
    LATERAL (SELECT 100 * sum(coalesce(e, 0)) FILTER (WHERE s > 0) / sum(s) FILTER (WHERE s > 0) AS pa,
                    sum(greatest(s - coalesce(e, 0), 0)) FILTER (WHERE s > 0) AS pb
               FROM mrr m WHERE m.customer_id BETWEEN x.customer_id - 100 AND x.customer_id) q
   WHERE x.customer_id % 7 = 0
     AND (NOT coalesce(abs(a - pa::float8) < 1e-9, a IS NULL AND pa IS NULL) OR b IS DISTINCT FROM pb)), 0::bigint,
   'ROWS sliding window (inverse transition) equals the per-frame plain SQL');
SELECT is((SELECT count(*) FROM (
    SELECT customer_id, day, gross_revenue_retention(s, e)
             OVER (ORDER BY day RANGE BETWEEN interval '7 days' PRECEDING AND CURRENT ROW) AS a
      FROM mrr) x,
    LATERAL (SELECT 100 * sum(least(s, coalesce(e, 0))) FILTER (WHERE s > 0) / sum(s) FILTER (WHERE s > 0) AS pa
               FROM mrr m WHERE m.day BETWEEN x.day - 7 AND x.day) q
   WHERE x.customer_id % 11 = 0 AND NOT coalesce(abs(a - pa::float8) < 1e-9, a IS NULL AND pa IS NULL)), 0::bigint,
   'RANGE window with an interval equals the per-frame plain SQL');

-- ---------- rollups ----------
CREATE TEMP TABLE daily AS SELECT day, region, revenue_state(s, e) AS st FROM mrr GROUP BY day, region;
SELECT is((SELECT count(*) FROM (
    SELECT region, net_revenue_retention(st) AS a, gross_revenue_retention(st) AS b,
           revenue_churn_rate(st) AS c, revenue_churn(st) AS d FROM daily GROUP BY region
    EXCEPT SELECT region, net_revenue_retention(s, e), gross_revenue_retention(s, e),
           revenue_churn_rate(s, e), revenue_churn(s, e) FROM mrr GROUP BY region) x), 0::bigint,
   'daily states merged per region equal the direct metrics, exactly');
SELECT is((SELECT count(*) FROM (
    SELECT date_trunc('month', day) AS m, revenue_churn(st) FROM (
        SELECT day, revenue_state(st) AS st FROM daily GROUP BY day) d GROUP BY 1
    EXCEPT SELECT date_trunc('month', day), revenue_churn(s, e) FROM mrr GROUP BY 1) x), 0::bigint,
   'two-level rollup (region-day -> day -> month) equals the direct monthly revenue_churn');
SELECT is((SELECT count(*) FROM (
    SELECT day, revenue_state(st) OVER (ORDER BY day ROWS BETWEEN 6 PRECEDING AND CURRENT ROW)::text AS w,
           (SELECT revenue_state(s2.st)::text FROM daily s2
             WHERE s2.region = 0 AND s2.day BETWEEN d1.day - 6 AND d1.day) AS p
      FROM daily d1 WHERE region = 0) x
   WHERE w IS DISTINCT FROM p), 0::bigint,
   'sliding window over stored states (uncombine) equals re-merging each frame');

-- ---------- documentation ----------
SELECT ok((SELECT bool_and(obj_description(p.oid, 'pg_proc') IS NOT NULL) FROM pg_proc p
            WHERE p.proname IN ('net_revenue_retention', 'gross_revenue_retention', 'revenue_churn_rate',
                                'revenue_churn', 'revenue_state')),
   'every function and aggregate has a comment');
SELECT is((SELECT count(*) FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
            WHERE p.proname IN ('net_revenue_retention', 'gross_revenue_retention', 'revenue_churn_rate',
                                'revenue_churn', 'revenue_state', 'churn_rate', 'retention_rate', 'churn_state')
              AND (a.aggcombinefn = 0 OR a.aggminvtransfn = 0 OR p.proparallel <> 's')), 0::bigint,
   'every aggregate of the family has a combine function, an inverse and is parallel safe');

DROP TABLE pub_mrr;
SELECT * FROM finish();
ROLLBACK;
