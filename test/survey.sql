-- pgTAP tests of the survey metrics (SPEC section 2): nps, nps_breakdown,
-- csat (int, int + scale, boolean) and ces (int, int + scale), in their four
-- aggregate forms.  Edge cases, every error with its SQLSTATE, a differential
-- check against the plain-SQL formulas, parallel and partitionwise plans,
-- window frames against a per-frame recomputation, and rollups.
-- State text/binary I/O and forged states are in test/state.sql.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only on
\pset pager off

BEGIN;
SELECT plan(144);

-- Two floats equal within a relative 1e-9, or both NULL.
CREATE FUNCTION pg_temp.close(a float8, b float8) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT (a IS NULL AND b IS NULL)
        OR coalesce(abs(a - b) <= 1e-9 * greatest(1.0, abs(b)), false)
$$;

-- The EXPLAIN (COSTS OFF) text of a query.
CREATE FUNCTION pg_temp.plan_of(q text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    line text;
    result text := '';
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
        result := result || line || E'\n';
    END LOOP;
    RETURN result;
END
$$;

-- ===================================================================
-- No rows, one row, all NULL, NULLs mixed in
-- ===================================================================
CREATE TABLE t0(s int, sc int, b boolean);

SELECT is((SELECT nps(s) FROM t0), NULL, 'nps: no rows is NULL');
SELECT is((SELECT csat(s) FROM t0), NULL, 'csat(int): no rows is NULL');
SELECT is((SELECT csat(s, 7) FROM t0), NULL, 'csat(int, scale): no rows is NULL');
SELECT is((SELECT csat(b) FROM t0), NULL, 'csat(bool): no rows is NULL');
SELECT is((SELECT ces(s) FROM t0), NULL, 'ces(int): no rows is NULL');
SELECT is((SELECT ces(s, 10) FROM t0), NULL, 'ces(int, scale): no rows is NULL');
SELECT is((SELECT nps_state(s)::text FROM t0), NULL, 'nps_state: no rows is NULL');
SELECT is((SELECT nps_breakdown(nps_state(s)) IS NULL FROM t0), true, 'nps_breakdown: no rows is NULL');
SELECT is((SELECT nps(x) FROM (SELECT nps_state(s) x FROM t0 WHERE false) q), NULL, 'nps(nps_state): no rows is NULL');

SELECT is((SELECT nps(s) FROM (VALUES (9)) v(s)), 100::float8, 'nps: one promoter is 100');
SELECT is((SELECT nps(s) FROM (VALUES (7)) v(s)), 0::float8, 'nps: one passive is 0');
SELECT is((SELECT nps(s) FROM (VALUES (0)) v(s)), -100::float8, 'nps: one detractor is -100');
SELECT is((SELECT csat(s) FROM (VALUES (4)) v(s)), 100::float8, 'csat(int): one 4 is 100');
SELECT is((SELECT csat(s) FROM (VALUES (3)) v(s)), 0::float8, 'csat(int): one 3 is 0');
SELECT is((SELECT csat(s, 7) FROM (VALUES (6)) v(s)), 100::float8, 'csat(int, 7): one 6 is 100');
SELECT is((SELECT csat(s, 7) FROM (VALUES (5)) v(s)), 0::float8, 'csat(int, 7): one 5 is 0');
SELECT is((SELECT csat(b) FROM (VALUES (true)) v(b)), 100::float8, 'csat(bool): one true is 100');
SELECT is((SELECT csat(b) FROM (VALUES (false)) v(b)), 0::float8, 'csat(bool): one false is 0');
SELECT is((SELECT ces(s) FROM (VALUES (6)) v(s)), 6::float8, 'ces(int): one 6 is 6');
SELECT is((SELECT ces(s, 10) FROM (VALUES (10)) v(s)), 10::float8, 'ces(int, 10): one 10 is 10');
SELECT is((SELECT nps_breakdown(nps_state(s))::text FROM (VALUES (8)) v(s)), '(1,0,1,0,0)',
          'nps_breakdown: one passive');

SELECT is((SELECT nps(s) FROM (VALUES (NULL::int), (NULL)) v(s)), NULL, 'nps: all NULL is NULL');
SELECT is((SELECT csat(s) FROM (VALUES (NULL::int), (NULL)) v(s)), NULL, 'csat(int): all NULL is NULL');
SELECT is((SELECT csat(s, 7) FROM (VALUES (NULL::int), (NULL)) v(s)), NULL, 'csat(int, scale): all NULL is NULL');
SELECT is((SELECT csat(s, NULL) FROM (VALUES (NULL::int), (NULL)) v(s)), NULL,
          'csat(int, scale): NULL score with NULL scale is skipped');
SELECT is((SELECT csat(b) FROM (VALUES (NULL::boolean), (NULL)) v(b)), NULL, 'csat(bool): all NULL is NULL');
SELECT is((SELECT ces(s) FROM (VALUES (NULL::int), (NULL)) v(s)), NULL, 'ces(int): all NULL is NULL');
SELECT is((SELECT ces(s, 10) FROM (VALUES (NULL::int), (NULL)) v(s)), NULL, 'ces(int, scale): all NULL is NULL');
SELECT is((SELECT nps_breakdown(nps_state(s))::text FROM (VALUES (NULL::int), (NULL)) v(s)), '(0,0,0,0,)',
          'nps_breakdown: all NULL counts nothing and its nps is NULL');
SELECT is((SELECT nps(x) FROM (VALUES (NULL::nps_state), (NULL)) v(x)), NULL, 'nps(nps_state): all NULL is NULL');
SELECT is((SELECT csat(x) FROM (VALUES (NULL::csat_state)) v(x)), NULL, 'csat(csat_state): all NULL is NULL');
SELECT is((SELECT ces(x) FROM (VALUES (NULL::ces_state)) v(x)), NULL, 'ces(ces_state): all NULL is NULL');

SELECT is((SELECT nps(s) FROM (VALUES (10), (NULL), (9), (0), (NULL), (8)) v(s)), 25::float8,
          'nps: NULLs mixed in are skipped');
SELECT is((SELECT csat(s) FROM (VALUES (5), (NULL), (1), (NULL), (4), (2)) v(s)), 50::float8,
          'csat(int): NULLs mixed in are skipped');
SELECT is((SELECT csat(s, 10) FROM (VALUES (9), (NULL), (8), (10), (NULL)) v(s)), 200.0::float8 / 3,
          'csat(int, 10): NULLs mixed in are skipped, top two boxes are 9 and 10');
SELECT is((SELECT csat(b) FROM (VALUES (true), (NULL), (false), (false), (true)) v(b)), 50::float8,
          'csat(bool): NULLs mixed in are skipped');
SELECT is((SELECT ces(s) FROM (VALUES (1), (NULL), (7), (NULL), (4)) v(s)), 4::float8,
          'ces(int): NULLs mixed in are skipped');
SELECT is((SELECT ces(s, 3) FROM (VALUES (1), (NULL), (2), (2)) v(s)), 5.0::float8 / 3,
          'ces(int, 3): NULLs mixed in are skipped');
SELECT is((SELECT nps_breakdown(nps_state(s))::text FROM (VALUES (10), (NULL), (9), (0), (NULL), (8)) v(s)),
          '(4,2,1,1,25)', 'nps_breakdown: NULLs mixed in are skipped');
SELECT is((SELECT (nps_breakdown(nps_state(s))).nps FROM (VALUES (NULL), (6)) v(s)), -100::float8,
          'nps_breakdown: nps field');

-- ===================================================================
-- Errors
-- ===================================================================
SELECT throws_ok('SELECT nps(-1)', '22003', 'NPS score -1 is out of range', 'nps(-1) is 22003');
SELECT throws_ok('SELECT nps(11)', '22003', 'NPS score 11 is out of range', 'nps(11) is 22003');
SELECT throws_ok('SELECT nps(2147483647)', '22003', NULL, 'nps(INT_MAX) is 22003');
SELECT throws_ok('SELECT nps(-2147483648)', '22003', NULL, 'nps(INT_MIN) is 22003');
SELECT throws_ok('SELECT nps_state(11)', '22003', NULL, 'nps_state(11) is 22003');
SELECT throws_ok('SELECT nps(s) FROM (VALUES (10), (NULL), (12)) v(s)', '22003', NULL,
                 'nps: a bad score after good rows is 22003');

SELECT throws_ok('SELECT csat(0)', '22003', 'CSAT score 0 is out of range', 'csat(0) is 22003');
SELECT throws_ok('SELECT csat(6)', '22003', 'CSAT score 6 is out of range', 'csat(6) is 22003');
SELECT throws_ok('SELECT csat(2147483647)', '22003', NULL, 'csat(INT_MAX) is 22003');
SELECT throws_ok('SELECT csat(0, 7)', '22003', NULL, 'csat(0, 7) is 22003');
SELECT throws_ok('SELECT csat(8, 7)', '22003', NULL, 'csat(8, 7) is 22003');
SELECT throws_ok('SELECT csat_state(6)', '22003', NULL, 'csat_state(6) is 22003');
SELECT throws_ok('SELECT csat(1, 1)', '22023', 'scale_max 1 is out of range', 'csat(1, 1): scale below 2 is 22023');
SELECT throws_ok('SELECT csat(1, 0)', '22023', NULL, 'csat(1, 0) is 22023');
SELECT throws_ok('SELECT csat(1, -2147483648)', '22023', NULL, 'csat(1, INT_MIN) is 22023');
SELECT throws_ok('SELECT csat(3, NULL)', '22004', 'scale_max must not be null', 'csat(3, NULL) is 22004');
SELECT throws_ok('SELECT csat(s, sc) FROM (VALUES (3, 5), (3, 7)) v(s, sc)', '22023',
                 'csat_state scale changes within one group: 1..5 and 1..7', 'csat: scale changing within a group is 22023');
SELECT is((SELECT csat(s, sc) FROM (VALUES (3, 5), (NULL, 7), (4, 5)) v(s, sc)), 50::float8,
          'csat: a row with a NULL score is skipped, its scale too');

SELECT throws_ok('SELECT ces(0)', '22003', 'CES score 0 is out of range', 'ces(0) is 22003');
SELECT throws_ok('SELECT ces(8)', '22003', 'CES score 8 is out of range', 'ces(8) is 22003');
SELECT throws_ok('SELECT ces(2147483647)', '22003', NULL, 'ces(INT_MAX) is 22003');
SELECT throws_ok('SELECT ces(0, 10)', '22003', NULL, 'ces(0, 10) is 22003');
SELECT throws_ok('SELECT ces(11, 10)', '22003', NULL, 'ces(11, 10) is 22003');
SELECT throws_ok('SELECT ces_state(8)', '22003', NULL, 'ces_state(8) is 22003');
SELECT throws_ok('SELECT ces(1, 1)', '22023', NULL, 'ces(1, 1): scale below 2 is 22023');
SELECT throws_ok('SELECT ces(1, -5)', '22023', NULL, 'ces(1, -5) is 22023');
SELECT throws_ok('SELECT ces(3, NULL)', '22004', NULL, 'ces(3, NULL) is 22004');
SELECT throws_ok('SELECT ces(s, sc) FROM (VALUES (3, 7), (3, 10)) v(s, sc)', '22023', NULL,
                 'ces: scale changing within a group is 22023');
SELECT throws_ok('SELECT ces(s) FROM (VALUES (3), (NULL), (9)) v(s)', '22003', NULL,
                 'ces: a bad score after good rows is 22003');

-- Scales that differ between merged states.
SELECT throws_ok($$SELECT csat(x) FROM (SELECT csat_state(s, sc) x FROM (VALUES (3, 5), (3, 7)) v(s, sc) GROUP BY sc) q$$,
                 '22023', NULL, 'csat(csat_state): merging scales 5 and 7 is 22023');
SELECT throws_ok($$SELECT csat_state(x) FROM (SELECT csat_state(s, sc) x FROM (VALUES (3, 5), (3, 7)) v(s, sc) GROUP BY sc) q$$,
                 '22023', NULL, 'csat_state(csat_state): merging scales 5 and 7 is 22023');
SELECT throws_ok($$SELECT csat(x) FROM (VALUES ((SELECT csat_state(true))), ((SELECT csat_state(5)))) v(x)$$,
                 '22023', 'csat_state scale changes within one group: boolean answers and 1..5',
                 'csat(csat_state): merging boolean and 1..5 answers is 22023');
SELECT throws_ok($$SELECT ces(x) FROM (SELECT ces_state(s, sc) x FROM (VALUES (3, 7), (3, 10)) v(s, sc) GROUP BY sc) q$$,
                 '22023', NULL, 'ces(ces_state): merging scales 7 and 10 is 22023');
SELECT throws_ok($$SELECT ces_state(x) FROM (SELECT ces_state(s, sc) x FROM (VALUES (3, 7), (3, 10)) v(s, sc) GROUP BY sc) q$$,
                 '22023', NULL, 'ces_state(ces_state): merging scales 7 and 10 is 22023');
SELECT throws_ok($$SELECT csat(s, sc) OVER (ORDER BY i ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)
                   FROM (VALUES (1, 3, 5), (2, 3, 5), (3, 3, 7)) v(i, s, sc)$$,
                 '22023', NULL, 'csat: scale changing within a window frame is 22023');
SELECT is((SELECT csat(x) FROM (VALUES ((SELECT csat_state(4))), ((SELECT csat_state(3, 5)))) v(x)), 50::float8,
          'csat(csat_state): csat(int) states merge with csat(int, 5) states (same scale)');
SELECT throws_ok($$SELECT ces(x) FROM (VALUES ((SELECT ces_state(4))), ((SELECT ces_state(3, 5)))) v(x)$$,
                 '22023', 'ces_state scale changes within one group: 1..7 and 1..5',
                 'ces(ces_state): the default scale 7 does not merge with 5');
-- A state with no answers has no scale and merges with any.
SELECT is((SELECT csat(x) FROM (VALUES ((SELECT csat_state(NULL::int, 7))), ((SELECT csat_state(4))), ((SELECT csat_state(NULL::boolean)))) v(x)),
          100::float8, 'csat(csat_state): states without answers merge with any scale');

-- ===================================================================
-- Extreme values
-- ===================================================================
SELECT is((SELECT csat(2147483647, 2147483647)), 100::float8, 'csat: scale_max INT_MAX accepted, top box');
SELECT is((SELECT csat(2147483646, 2147483647)), 100::float8, 'csat: scale_max INT_MAX, second box');
SELECT is((SELECT csat(2147483645, 2147483647)), 0::float8, 'csat: scale_max INT_MAX, third box');
SELECT is((SELECT csat(1, 2)), 100::float8, 'csat: scale_max 2, both boxes satisfy');
SELECT is((SELECT ces(s, 2147483647) FROM (SELECT 2147483647 FROM generate_series(1, 1000)) g(s)), 2147483647::float8,
          'ces: a thousand INT_MAX answers on the INT_MAX scale average exactly');
SELECT is((SELECT ces_state(s, 2147483647)::text FROM (SELECT 2147483647 FROM generate_series(1, 3)) g(s)),
          'v1 responses=3 total=6442450941 scale_max=2147483647', 'ces_state: total beyond int4 is exact');
SELECT is((SELECT ces(s, 2147483647) FROM (VALUES (1), (2147483647)) v(s)), 1073741824::float8,
          'ces: mean of 1 and INT_MAX');
SELECT is((SELECT nps(x) FROM (VALUES ('v1 promoters=4611686018427387904 passives=0 detractors=0'::nps_state),
                                      ('v1 promoters=0 passives=0 detractors=4611686018427387903'::nps_state)) v(x)),
          100.0::float8 / 9223372036854775807, 'nps(nps_state): counts up to INT8_MAX in total');
SELECT throws_ok($$SELECT nps(x) FROM (VALUES ('v1 promoters=4611686018427387904 passives=0 detractors=0'::nps_state),
                                              ('v1 promoters=0 passives=0 detractors=4611686018427387904'::nps_state)) v(x)$$,
                 '22003', NULL, 'nps(nps_state): merged responses beyond INT8_MAX is 22003, not a wrong number');
SELECT throws_ok($$SELECT nps_breakdown(nps_state(x)) FROM (VALUES ('v1 promoters=4611686018427387904 passives=0 detractors=0'::nps_state),
                                              ('v1 promoters=0 passives=4611686018427387904 detractors=0'::nps_state)) v(x)$$,
                 '22003', NULL, 'nps_breakdown: merged responses beyond INT8_MAX is 22003');
SELECT throws_ok($$SELECT nps_state(x) FROM (VALUES ('v1 promoters=9223372036854775807 passives=0 detractors=0'::nps_state),
                                                   ('v1 promoters=1 passives=0 detractors=0'::nps_state)) v(x)$$,
                 '22003', NULL, 'nps_state(nps_state): a count beyond INT8_MAX is 22003');
SELECT throws_ok($$SELECT nps_sfunc('v1 promoters=9223372036854775807 passives=0 detractors=0', 10)$$,
                 '22003', NULL, 'nps_sfunc: adding to a count at INT8_MAX is 22003');
SELECT is((SELECT nps_sfunc('v1 promoters=1 passives=0 detractors=0', 0)::text),
          'v1 promoters=1 passives=0 detractors=1', 'nps_sfunc called directly returns a new state');

-- ===================================================================
-- Deterministic random data for the remaining tests
-- ===================================================================
SELECT setseed(0.42);
CREATE TABLE survey AS
SELECT i AS id,
       date '2024-01-01' + floor(random() * 366)::int AS d,
       (ARRAY['web', 'app', 'phone'])[1 + floor(random() * 3)::int] AS ch,
       (ARRAY['basic', 'pro'])[1 + floor(random() * 2)::int] AS product,
       CASE WHEN random() < 0.1 THEN NULL ELSE floor(random() * 11)::int END AS s,
       CASE WHEN random() < 0.1 THEN NULL ELSE 1 + floor(random() * 5)::int END AS c5,
       CASE WHEN random() < 0.1 THEN NULL ELSE 1 + floor(random() * 7)::int END AS c7,
       CASE WHEN random() < 0.1 THEN NULL ELSE random() < 0.7 END AS cb,
       CASE WHEN random() < 0.1 THEN NULL ELSE 1 + floor(random() * 7)::int END AS e7,
       CASE WHEN random() < 0.1 THEN NULL ELSE 1 + floor(random() * 10)::int END AS e10
FROM generate_series(1, 3000) i;
ANALYZE survey;

SELECT ok((SELECT count(*) FILTER (WHERE s IS NULL) BETWEEN 200 AND 400
              AND count(*) FILTER (WHERE cb IS NULL) BETWEEN 200 AND 400
              AND count(DISTINCT s) = 11 AND count(DISTINCT c7) = 7 AND count(DISTINCT e10) = 10
              AND count(DISTINCT (ch, product)) = 6
           FROM survey), 'the random data has every score and about 10% NULLs');

-- The metrics by channel and product, with the plain SQL an analyst writes.
CREATE TABLE expected AS
SELECT ch, product,
       100.0::float8 * (count(*) FILTER (WHERE s >= 9) - count(*) FILTER (WHERE s <= 6)) / count(s) AS nps,
       count(s) AS responses, count(*) FILTER (WHERE s >= 9) AS promoters,
       count(*) FILTER (WHERE s BETWEEN 7 AND 8) AS passives, count(*) FILTER (WHERE s <= 6) AS detractors,
       100.0::float8 * count(*) FILTER (WHERE c5 >= 4) / count(c5) AS csat5,
       100.0::float8 * count(*) FILTER (WHERE c7 >= 6) / count(c7) AS csat7,
       100.0::float8 * count(*) FILTER (WHERE cb) / count(cb) AS csatb,
       avg(e7)::float8 AS ces7,
       avg(e10)::float8 AS ces10
FROM survey GROUP BY ch, product;

-- ===================================================================
-- Differential check against the plain-SQL formulas
-- ===================================================================
CREATE TABLE got AS
SELECT ch, product, nps, csat5, csat7, csatb, ces7, ces10,
       (b).responses, (b).promoters, (b).passives, (b).detractors, (b).nps AS b_nps
FROM (SELECT ch, product, nps(s), csat(c5) AS csat5, csat(c7, 7) AS csat7, csat(cb) AS csatb,
             ces(e7) AS ces7, ces(e10, 10) AS ces10, nps_breakdown(nps_state(s)) AS b
      FROM survey GROUP BY ch, product) q;

SELECT is((SELECT count(*) FROM got JOIN expected USING (ch, product)), 6::bigint, 'differential: 6 groups compared');
SELECT is((SELECT count(*) FROM got JOIN expected e USING (ch, product) WHERE NOT pg_temp.close(got.nps, e.nps)), 0::bigint,
          'differential: nps equals 100*(count >= 9 - count <= 6)/count');
SELECT is((SELECT count(*) FROM got JOIN expected e USING (ch, product) WHERE NOT pg_temp.close(got.csat5, e.csat5)), 0::bigint,
          'differential: csat(int) equals 100*count >= 4/count');
SELECT is((SELECT count(*) FROM got JOIN expected e USING (ch, product) WHERE NOT pg_temp.close(got.csat7, e.csat7)), 0::bigint,
          'differential: csat(int, 7) equals 100*count >= 6/count');
SELECT is((SELECT count(*) FROM got JOIN expected e USING (ch, product) WHERE NOT pg_temp.close(got.csatb, e.csatb)), 0::bigint,
          'differential: csat(bool) equals 100*count true/count');
SELECT is((SELECT count(*) FROM got JOIN expected e USING (ch, product) WHERE NOT pg_temp.close(got.ces7, e.ces7)), 0::bigint,
          'differential: ces(int) equals avg');
SELECT is((SELECT count(*) FROM got JOIN expected e USING (ch, product) WHERE NOT pg_temp.close(got.ces10, e.ces10)), 0::bigint,
          'differential: ces(int, 10) equals avg');
SELECT is((SELECT count(*) FROM got JOIN expected e USING (ch, product)
           WHERE got.responses <> e.responses OR got.promoters <> e.promoters
              OR got.passives <> e.passives OR got.detractors <> e.detractors
              OR NOT pg_temp.close(got.b_nps, e.nps)), 0::bigint,
          'differential: nps_breakdown counts and nps equal count(*) FILTER');
-- The whole table, and a guard that the comparison sees real values.
SELECT ok((SELECT pg_temp.close(nps(s), 100.0 * (count(*) FILTER (WHERE s >= 9) - count(*) FILTER (WHERE s <= 6)) / count(s))
              AND pg_temp.close(ces(e10, 10), avg(e10)) AND pg_temp.close(csat(cb), 100.0 * count(*) FILTER (WHERE cb) / count(cb))
              AND nps(s) BETWEEN -60 AND -35 AND csat(c5) BETWEEN 30 AND 50
           FROM survey), 'differential: whole table, values in the expected range');

-- ===================================================================
-- Forced parallel plans give the serial results
-- ===================================================================
CREATE TABLE serial_all AS
SELECT nps(s), csat(c5) AS csat5, csat(c7, 7) AS csat7, csat(cb) AS csatb, ces(e7) AS ces7, ces(e10, 10) AS ces10,
       nps_state(s)::text AS nps_st, csat_state(c7, 7)::text AS csat_st, ces_state(e10, 10)::text AS ces_st
FROM survey;

SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
ALTER TABLE survey SET (parallel_workers = 2);

SELECT matches(pg_temp.plan_of('SELECT nps(s), csat(c5), csat(c7, 7), csat(cb), ces(e7), ces(e10, 10) FROM survey'),
               'Partial Aggregate.*Parallel Seq Scan', 'parallel: plan has Partial Aggregate over a parallel scan');
SELECT results_eq(
    'SELECT nps(s), csat(c5), csat(c7, 7), csat(cb), ces(e7), ces(e10, 10),
            nps_state(s)::text, csat_state(c7, 7)::text, ces_state(e10, 10)::text FROM survey',
    'SELECT * FROM serial_all',
    'parallel: ungrouped metrics and states equal the serial ones');
SELECT matches(pg_temp.plan_of('SELECT ch, product, nps(s) FROM survey GROUP BY ch, product'),
               'Partial \w*Aggregate.*Parallel Seq Scan', 'parallel: grouped plan has a partial aggregate');
SELECT results_eq(
    $$SELECT ch, product, nps(s), csat(c5), csat(c7, 7), csat(cb), ces(e7), ces(e10, 10), (nps_breakdown(nps_state(s))).responses
      FROM survey GROUP BY ch, product ORDER BY ch, product$$,
    $$SELECT ch, product, nps, csat5, csat7, csatb, ces7, ces10, responses FROM got ORDER BY ch, product$$,
    'parallel: grouped metrics equal the serial ones');

-- ===================================================================
-- Rollups: daily states, merged per month and per year
-- ===================================================================
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

CREATE TABLE daily AS
SELECT d, ch, nps_state(s) AS nps_st, csat_state(c5) AS csat5_st, csat_state(c7, 7) AS csat7_st,
       csat_state(cb) AS csatb_st, ces_state(e7) AS ces7_st, ces_state(e10, 10) AS ces10_st
FROM survey GROUP BY d, ch;

SELECT ok((SELECT count(*) > 900 FROM daily), 'rollup: about a thousand daily states');
SELECT results_eq(
    $$SELECT date_trunc('month', d), ch, nps(nps_st), csat(csat5_st), csat(csat7_st), csat(csatb_st), ces(ces7_st), ces(ces10_st)
      FROM daily GROUP BY 1, 2 ORDER BY 1, 2$$,
    $$SELECT date_trunc('month', d), ch, nps(s), csat(c5), csat(c7, 7), csat(cb), ces(e7), ces(e10, 10)
      FROM survey GROUP BY 1, 2 ORDER BY 1, 2$$,
    'rollup: daily states merged per month equal the direct monthly metrics');
SELECT results_eq(
    $$SELECT date_trunc('month', d), (nps_breakdown(nps_state(nps_st))).* FROM daily GROUP BY 1 ORDER BY 1$$,
    $$SELECT date_trunc('month', d), (nps_breakdown(nps_state(s))).* FROM survey GROUP BY 1 ORDER BY 1$$,
    'rollup: nps_breakdown of merged daily states equals the direct monthly breakdown');

CREATE TABLE monthly AS
SELECT date_trunc('month', d) AS m, ch, nps_state(nps_st) AS nps_st, csat_state(csat5_st) AS csat5_st,
       csat_state(csat7_st) AS csat7_st, csat_state(csatb_st) AS csatb_st,
       ces_state(ces7_st) AS ces7_st, ces_state(ces10_st) AS ces10_st
FROM daily GROUP BY 1, 2;
SELECT results_eq(
    $$SELECT ch, nps(nps_st), csat(csat5_st), csat(csat7_st), csat(csatb_st), ces(ces7_st), ces(ces10_st)
      FROM monthly GROUP BY ch ORDER BY ch$$,
    $$SELECT ch, nps(s), csat(c5), csat(c7, 7), csat(cb), ces(e7), ces(e10, 10) FROM survey GROUP BY ch ORDER BY ch$$,
    'rollup: states merged to months by m_state(m_state), then m(m_state) per year, equal the yearly metrics');
SELECT results_eq(
    $$SELECT nps_state(nps_st)::text, csat_state(csat7_st)::text, ces_state(ces10_st)::text FROM monthly$$,
    $$SELECT nps_state(s)::text, csat_state(c7, 7)::text, ces_state(e10, 10)::text FROM survey$$,
    'rollup: the yearly state merged from months equals the state of all rows');
SELECT results_eq(
    $$SELECT ch, nps(nps_st::text::nps_state), csat(csat7_st::text::csat_state), ces(ces10_st::text::ces_state)
      FROM daily GROUP BY ch ORDER BY ch$$,
    $$SELECT ch, nps(nps_st), csat(csat7_st), ces(ces10_st) FROM daily GROUP BY ch ORDER BY ch$$,
    'rollup: daily states stored as text and read back give the same metrics');

-- Merging stored states in parallel.
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
ALTER TABLE daily SET (parallel_workers = 2);
SELECT matches(pg_temp.plan_of('SELECT nps(nps_st), nps_state(nps_st) FROM daily'),
               'Partial Aggregate.*Parallel Seq Scan', 'parallel: merging stored states has a Partial Aggregate');
SELECT results_eq(
    $$SELECT nps(nps_st), csat(csat5_st), csat(csat7_st), csat(csatb_st), ces(ces7_st), ces(ces10_st),
             nps_state(nps_st)::text, csat_state(csat7_st)::text, ces_state(ces10_st)::text FROM daily$$,
    'SELECT * FROM serial_all',
    'parallel: metrics of merged stored states equal the serial metrics of the rows');
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

-- ===================================================================
-- Partitionwise aggregation
-- ===================================================================
CREATE TABLE survey_part (LIKE survey) PARTITION BY LIST (ch);
CREATE TABLE survey_part_web PARTITION OF survey_part FOR VALUES IN ('web');
CREATE TABLE survey_part_app PARTITION OF survey_part FOR VALUES IN ('app');
CREATE TABLE survey_part_phone PARTITION OF survey_part FOR VALUES IN ('phone');
INSERT INTO survey_part SELECT * FROM survey;
ANALYZE survey_part;
SET LOCAL enable_partitionwise_aggregate = on;
SET LOCAL max_parallel_workers_per_gather = 0;
-- With hashing off the planner picks per-partition partial aggregation for
-- these few rows, so the combine function runs.
SET LOCAL enable_hashagg = off;

SELECT matches(pg_temp.plan_of($$SELECT date_trunc('month', d), nps(s) FROM survey_part GROUP BY 1$$),
               'Finalize.*Append.*Partial \w*Aggregate.*survey_part_web', 'partitionwise: months across partitions use partial aggregates');
SELECT results_eq(
    $$SELECT date_trunc('month', d), nps(s), csat(c5), csat(c7, 7), csat(cb), ces(e7), ces(e10, 10), nps_state(s)::text
      FROM survey_part GROUP BY 1 ORDER BY 1$$,
    $$SELECT date_trunc('month', d), nps(s), csat(c5), csat(c7, 7), csat(cb), ces(e7), ces(e10, 10), nps_state(s)::text
      FROM survey GROUP BY 1 ORDER BY 1$$,
    'partitionwise: monthly metrics combined across partitions equal the plain table');
SELECT matches(pg_temp.plan_of('SELECT nps(s), ces(e7) FROM survey_part'),
               'Finalize Aggregate.*Append.*Partial Aggregate', 'partitionwise: ungrouped plan has Partial Aggregate per partition');
SELECT results_eq('SELECT nps(s), csat(c5), csat(c7, 7), csat(cb), ces(e7), ces(e10, 10) FROM survey_part',
                  'SELECT nps, csat5, csat7, csatb, ces7, ces10 FROM serial_all',
                  'partitionwise: ungrouped metrics equal the serial ones');
SELECT results_eq('SELECT ch, nps(s), csat(c7, 7), ces(e10, 10) FROM survey_part GROUP BY ch ORDER BY ch',
                  'SELECT ch, nps(s), csat(c7, 7), ces(e10, 10) FROM survey GROUP BY ch ORDER BY ch',
                  'partitionwise: grouped by the partition key');
RESET enable_partitionwise_aggregate;
RESET enable_hashagg;
RESET max_parallel_workers_per_gather;

-- ===================================================================
-- Window frames against a per-frame recomputation in plain SQL
-- ===================================================================
-- 900 rows, about 300 per channel over a year: 30-day frames hold ~25 rows.
CREATE TABLE w AS
SELECT *, row_number() OVER (PARTITION BY ch ORDER BY d, id) AS rn FROM survey WHERE id <= 900;

-- ROWS BETWEEN 20 PRECEDING AND CURRENT ROW, then RANGE BETWEEN '30 days'
-- PRECEDING AND CURRENT ROW (peers included), each frame recomputed by a
-- lateral subquery over the same rows.
CREATE TABLE w_frames AS
SELECT 'rows' AS frame, w.ch, w.id,
       nps(s) OVER f AS nps, csat(c5) OVER f AS csat5, csat(c7, 7) OVER f AS csat7, csat(cb) OVER f AS csatb,
       ces(e7) OVER f AS ces7, ces(e10, 10) OVER f AS ces10, p.*
FROM w, LATERAL (
    SELECT 100.0::float8 * (count(*) FILTER (WHERE x.s >= 9) - count(*) FILTER (WHERE x.s <= 6)) / nullif(count(x.s), 0) AS p_nps,
           100.0::float8 * count(*) FILTER (WHERE x.c5 >= 4) / nullif(count(x.c5), 0) AS p_csat5,
           100.0::float8 * count(*) FILTER (WHERE x.c7 >= 6) / nullif(count(x.c7), 0) AS p_csat7,
           100.0::float8 * count(*) FILTER (WHERE x.cb) / nullif(count(x.cb), 0) AS p_csatb,
           avg(x.e7)::float8 AS p_ces7, avg(x.e10)::float8 AS p_ces10
    FROM w x WHERE x.ch = w.ch AND x.rn BETWEEN w.rn - 20 AND w.rn) p
WINDOW f AS (PARTITION BY w.ch ORDER BY w.d, w.id ROWS BETWEEN 20 PRECEDING AND CURRENT ROW)
UNION ALL
SELECT 'range', w.ch, w.id,
       nps(s) OVER f, csat(c5) OVER f, csat(c7, 7) OVER f, csat(cb) OVER f, ces(e7) OVER f, ces(e10, 10) OVER f, p.*
FROM w, LATERAL (
    SELECT 100.0::float8 * (count(*) FILTER (WHERE x.s >= 9) - count(*) FILTER (WHERE x.s <= 6)) / nullif(count(x.s), 0),
           100.0::float8 * count(*) FILTER (WHERE x.c5 >= 4) / nullif(count(x.c5), 0),
           100.0::float8 * count(*) FILTER (WHERE x.c7 >= 6) / nullif(count(x.c7), 0),
           100.0::float8 * count(*) FILTER (WHERE x.cb) / nullif(count(x.cb), 0),
           avg(x.e7)::float8, avg(x.e10)::float8
    FROM w x WHERE x.ch = w.ch AND x.d BETWEEN w.d - 30 AND w.d) p
WINDOW f AS (PARTITION BY w.ch ORDER BY w.d RANGE BETWEEN '30 days' PRECEDING AND CURRENT ROW);

SELECT is((SELECT count(*) FROM w_frames), 1800::bigint, 'windows: 900 rows for each of two frames');
SELECT collect_tap(
    is(count(*) FILTER (WHERE NOT pg_temp.close(nps, p_nps)), 0::bigint, format('window %s: nps equals each frame recomputed', frame)),
    is(count(*) FILTER (WHERE NOT pg_temp.close(csat5, p_csat5)), 0::bigint, format('window %s: csat(int) equals each frame recomputed', frame)),
    is(count(*) FILTER (WHERE NOT pg_temp.close(csat7, p_csat7)), 0::bigint, format('window %s: csat(int, 7) equals each frame recomputed', frame)),
    is(count(*) FILTER (WHERE NOT pg_temp.close(csatb, p_csatb)), 0::bigint, format('window %s: csat(bool) equals each frame recomputed', frame)),
    is(count(*) FILTER (WHERE NOT pg_temp.close(ces7, p_ces7)), 0::bigint, format('window %s: ces(int) equals each frame recomputed', frame)),
    is(count(*) FILTER (WHERE NOT pg_temp.close(ces10, p_ces10)), 0::bigint, format('window %s: ces(int, 10) equals each frame recomputed', frame)),
    ok(count(DISTINCT round(nps::numeric, 6)) > 50 AND count(*) FILTER (WHERE nps IS NULL) = 0,
       format('window %s: the frames differ and none is empty', frame)))
FROM w_frames GROUP BY frame ORDER BY frame;

-- The stored-state form over daily states: RANGE '6 days' slides with
-- uncombine; ROWS from UNBOUNDED PRECEDING only combines.
CREATE TABLE w_daily AS
SELECT d, ch, nps_state(s) AS nps_st, csat_state(c7, 7) AS csat7_st, csat_state(cb) AS csatb_st,
       ces_state(e10, 10) AS ces10_st
FROM w GROUP BY d, ch;

CREATE TABLE w_states AS
SELECT q.ch, q.d,
       nps(nps_st) OVER f AS nps, csat(csat7_st) OVER f AS csat7, csat(csatb_st) OVER f AS csatb,
       ces(ces10_st) OVER f AS ces10, (nps_state(nps_st) OVER f)::text AS st,
       nps(nps_st) OVER g AS nps_cum, ces(ces10_st) OVER g AS ces_cum, p.*, c.*
FROM w_daily q,
LATERAL (
    SELECT 100.0::float8 * (count(*) FILTER (WHERE x.s >= 9) - count(*) FILTER (WHERE x.s <= 6)) / nullif(count(x.s), 0) AS p_nps,
           100.0::float8 * count(*) FILTER (WHERE x.c7 >= 6) / nullif(count(x.c7), 0) AS p_csat7,
           100.0::float8 * count(*) FILTER (WHERE x.cb) / nullif(count(x.cb), 0) AS p_csatb,
           avg(x.e10)::float8 AS p_ces10,
           format('v1 promoters=%s passives=%s detractors=%s', count(*) FILTER (WHERE x.s >= 9),
                  count(*) FILTER (WHERE x.s BETWEEN 7 AND 8), count(*) FILTER (WHERE x.s <= 6)) AS p_st
    FROM w x WHERE x.ch = q.ch AND x.d BETWEEN q.d - 6 AND q.d) p,
LATERAL (
    SELECT 100.0::float8 * (count(*) FILTER (WHERE x.s >= 9) - count(*) FILTER (WHERE x.s <= 6)) / nullif(count(x.s), 0) AS c_nps,
           avg(x.e10)::float8 AS c_ces10
    FROM w x WHERE x.ch = q.ch AND x.d <= q.d) c
WINDOW f AS (PARTITION BY q.ch ORDER BY q.d RANGE BETWEEN '6 days' PRECEDING AND CURRENT ROW),
       g AS (PARTITION BY q.ch ORDER BY q.d ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW);

SELECT collect_tap(
    ok(count(*) > 500, 'window over states: several hundred daily states'),
    is(count(*) FILTER (WHERE NOT pg_temp.close(nps, p_nps)), 0::bigint,
       'window over states, RANGE 6 days: nps(nps_state) equals the plain formula over the frame''s rows'),
    is(count(*) FILTER (WHERE NOT pg_temp.close(csat7, p_csat7)), 0::bigint,
       'window over states, RANGE 6 days: csat(csat_state) on the 1..7 scale'),
    is(count(*) FILTER (WHERE NOT pg_temp.close(csatb, p_csatb)), 0::bigint,
       'window over states, RANGE 6 days: csat(csat_state) of boolean answers'),
    is(count(*) FILTER (WHERE NOT pg_temp.close(ces10, p_ces10)), 0::bigint,
       'window over states, RANGE 6 days: ces(ces_state) on the 1..10 scale'),
    is(count(*) FILTER (WHERE st IS DISTINCT FROM p_st), 0::bigint,
       'window over states, RANGE 6 days: nps_state(nps_state) equals the frame''s counts'),
    is(count(*) FILTER (WHERE NOT pg_temp.close(nps_cum, c_nps)), 0::bigint,
       'window over states, UNBOUNDED PRECEDING: running nps equals the plain formula'),
    is(count(*) FILTER (WHERE NOT pg_temp.close(ces_cum, c_ces10)), 0::bigint,
       'window over states, UNBOUNDED PRECEDING: running ces equals avg'))
FROM w_states;

-- ROWS over raw rows from UNBOUNDED PRECEDING (no inverse transition).
SELECT is((SELECT count(*) FROM (
              SELECT nps(s) OVER (PARTITION BY ch ORDER BY rn ROWS UNBOUNDED PRECEDING) AS a,
                     (SELECT 100.0::float8 * (count(*) FILTER (WHERE s >= 9) - count(*) FILTER (WHERE s <= 6)) / nullif(count(s), 0)
                      FROM w x WHERE x.ch = w.ch AND x.rn <= w.rn) AS b
              FROM w) q WHERE NOT pg_temp.close(a, b)), 0::bigint,
          'window ROWS UNBOUNDED PRECEDING: running nps equals the plain formula');

-- A frame that empties and fills again, with all-NULL stretches.
SELECT results_eq(
    $$SELECT nps(s) OVER (ORDER BY i ROWS BETWEEN 1 PRECEDING AND CURRENT ROW),
             csat(c, 3) OVER (ORDER BY i ROWS BETWEEN 1 PRECEDING AND CURRENT ROW),
             ces(c) OVER (ORDER BY i ROWS BETWEEN 2 PRECEDING AND 1 PRECEDING)
      FROM (VALUES (1, 10, 3), (2, NULL, NULL), (3, NULL, NULL), (4, 0, 1), (5, 8, 2)) v(i, s, c) ORDER BY i$$,
    $$VALUES (100::float8, 100::float8, NULL::float8), (100, 100, 3), (NULL, NULL, 3), (-100, 0, NULL), (-50, 50, 1)$$,
    'window: frames with only NULLs give NULL, then fill again');
-- Scales may differ between frames that do not overlap.
SELECT results_eq(
    $$SELECT csat(s, sc) OVER (ORDER BY d RANGE BETWEEN 5 PRECEDING AND CURRENT ROW)
      FROM (VALUES (1, 5, 5), (100, 5, 7), (101, 7, 7)) v(d, s, sc) ORDER BY d$$,
    $$VALUES (100::float8), (0), (50)$$,
    'window: a scale may change between frames that share no row');

SELECT * FROM finish();
ROLLBACK;
