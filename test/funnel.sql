-- pgTAP tests of window_funnel (SPEC section 10, src/funnel.c): the test
-- vectors of ClickHouse's windowFunnel (events at consecutive seconds,
-- windows of different widths, steps out of order, no first step, events
-- at the same time), worked out by hand; NULLs, every error with its
-- SQLSTATE, extremes, a differential check against the self-join SQL an
-- analyst writes on deterministic random data, parallel plans, a window
-- frame, rollups, state text and binary round trips and forged states, and
-- the documented funnel report query.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only on
\pset pager off

BEGIN;
SELECT plan(79);
SET LOCAL TimeZone = 'UTC';

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
-- ClickHouse's vectors (tests/queries/0_stateless/00632): events 1000 ..
-- 1008 at seconds 0 .. 8.
-- ===================================================================
CREATE TEMP TABLE ch AS
SELECT timestamptz '2024-01-01 00:00+00' + i * interval '1 second' AS t, 1000 + i AS ev
FROM generate_series(0, 8) i;
SELECT is(window_funnel('10000 seconds', t, ev = 1000), 1, 'one step') FROM ch;
SELECT is(window_funnel('10000 seconds', t, ev = 1000, ev = 1001), 2, 'two steps') FROM ch;
SELECT is(window_funnel('10000 seconds', t, ev = 1000, ev = 1001, ev = 1002), 3, 'three steps') FROM ch;
SELECT is(window_funnel('10000 seconds', t, ev = 1000, ev = 1001, ev = 1002, ev = 1008), 4, 'four steps, the last 8 s after the first') FROM ch;
SELECT is(window_funnel('1 second', t, ev = 1000), 1, 'a short window, one step') FROM ch;
-- 1003 at 3 s; 1004 .. 1007 at 4 .. 7 s: a window of w seconds reaches w + 1 steps
SELECT is(window_funnel('2 seconds', t, ev = 1003, ev = 1004, ev = 1005, ev = 1006, ev = 1007), 3, 'window 2 s: 1003 .. 1005') FROM ch;
SELECT is(window_funnel('3 seconds', t, ev = 1003, ev = 1004, ev = 1005, ev = 1006, ev = 1007), 4, 'window 3 s: 1003 .. 1006') FROM ch;
SELECT is(window_funnel('4 seconds', t, ev = 1003, ev = 1004, ev = 1005, ev = 1006, ev = 1007), 5, 'window 4 s: all five (the bound is inclusive)') FROM ch;
SELECT is(window_funnel('3999999 microseconds', t, ev = 1003, ev = 1004, ev = 1005, ev = 1006, ev = 1007), 4, 'a microsecond short of 4 s: four') FROM ch;
-- steps out of order: 1001 (1 s) then 1000 (0 s) is not a chain
SELECT is(window_funnel('10000 seconds', t, ev = 1001, ev = 1000), 1, 'steps out of time order: only the first counts') FROM ch;
SELECT is(window_funnel('10000 seconds', t, ev = 1000, ev = 1002, ev = 1001, ev = 1003), 2, 'a step out of order breaks the chain after it') FROM ch;
SELECT is(window_funnel('10000 seconds', t, ev = 1009, ev = 1000), 0, 'no event satisfies step 1: 0') FROM ch;
SELECT is(window_funnel('10000 seconds', t, ev = 1009), 0, 'one step that never happens: 0') FROM ch;
-- a later start that reaches further: 1000 at 0 s and 8 s, 1001 at 9 s
SELECT is(window_funnel('1 second', t, ev IN (1000, 1008), ev = 1002), 1, 'step 2 beyond the window of the first start and before the second: 1') FROM ch;
SELECT is(window_funnel('2 seconds', t, ev IN (1000, 1007), ev IN (1001, 1008)), 2,
          'a chain from the second start (7 s -> 8 s)') FROM ch;
SELECT is(window_funnel('1 second', t, ev = 1000, ev = 1001, ev = 1002), 2, 'the window is measured from the first event, not the previous') FROM ch;

-- ClickHouse 01646: two events at one time, the steps 1004, 1003, 1002.
SELECT is(window_funnel('70000 days', t, ev = 1004, ev = 1003, ev = 1002), 2,
          'two events at one time, in either row order, chain (ties allowed)')
FROM (VALUES (timestamptz '2019-01-29 10:00+00', 1004), (timestamptz '2019-01-29 10:00+00', 1003), (timestamptz '2019-01-28 10:00+00', 1002)) v(t, ev);
SELECT is(window_funnel('70000 days', t, ev = 1004, ev = 1003, ev = 1002), 2, 'the same rows in the other order')
FROM (VALUES (timestamptz '2019-01-29 10:00+00', 1003), (timestamptz '2019-01-29 10:00+00', 1004), (timestamptz '2019-01-28 10:00+00', 1002)) v(t, ev);
SELECT is(window_funnel('1 hour', now(), true, true, true), 3, 'one event satisfying every step reaches the last (as ClickHouse)');
SELECT is(window_funnel('1 hour', t, s1, s2), 1, 'step 2 at the same time but not the same row: a tie, ... ')
FROM (VALUES (timestamptz '2024-01-01', false, true), (timestamptz '2024-01-01 00:00:01', true, false)) v(t, s1, s2);
SELECT is(window_funnel('1 hour', t, s1, s2), 2, '... and with step 1 first, a chain')
FROM (VALUES (timestamptz '2024-01-01', true, false), (timestamptz '2024-01-01', false, true)) v(t, s1, s2);

-- ===================================================================
-- No rows, one row, NULLs
-- ===================================================================
SELECT is(window_funnel('1 hour', t, ev = 1000), NULL, 'no rows: NULL') FROM ch WHERE false;
SELECT is(window_funnel('1 hour', now(), false), 0, 'one row, no step: 0');
SELECT is(window_funnel('1 hour', now(), true), 1, 'one row, step 1: 1');
SELECT is(window_funnel('1 hour', NULL::timestamptz, true), NULL, 'a NULL time skips the row: NULL');
SELECT is(window_funnel('1 hour', now(), VARIADIC NULL::boolean[]), NULL, 'a NULL steps array skips the row: NULL');
SELECT is(window_funnel('1 hour', t, s1, s2), 1, 'a NULL step is false')
FROM (VALUES (timestamptz '2024-01-01', true, NULL::boolean), (NULL, true, true)) v(t, s1, s2);
SELECT is(window_funnel('1 hour', t, s1, s2, s3), 3, 'NULL steps mixed in')
FROM (VALUES (timestamptz '2024-01-01', true, NULL::boolean, NULL::boolean), (timestamptz '2024-01-01 00:10', NULL, true, false),
             (timestamptz '2024-01-01 00:20', NULL, NULL, true), (NULL, true, true, true)) v(t, s1, s2, s3);

-- ===================================================================
-- Bad input: SQLSTATEs
-- ===================================================================
SELECT throws_ok($$SELECT window_funnel('1 month', now(), true)$$, '22023', 'window ''1 mon'' is out of range', 'a window of months is 22023');
SELECT throws_ok($$SELECT window_funnel('0', now(), true)$$, '22023', 'window ''00:00:00'' is out of range', 'a zero window is 22023');
SELECT throws_ok($$SELECT window_funnel('-1 hour', now(), true)$$, '22023', 'window ''-01:00:00'' is out of range', 'a negative window is 22023');
SELECT throws_ok($$SELECT window_funnel('1 day -25 hours', now(), true)$$, '22023', NULL, 'days and time adding up to less than 0 is 22023');
SELECT throws_ok($$SELECT window_funnel('2147483647 days', now(), true)$$, '22023', NULL, 'a window beyond 64-bit microseconds is 22023');
SELECT throws_ok($$SELECT window_funnel(NULL, now(), true)$$, '22004', 'window must not be NULL', 'a NULL window is 22004');
SELECT throws_ok($$SELECT window_funnel(w, now(), true) FROM (VALUES (interval '1 hour'), ('2 hours')) v(w)$$, '22023', NULL,
                 'a window that changes within a group is 22023');
SELECT throws_ok($$SELECT window_funnel('1 hour', now(), VARIADIC s) FROM (VALUES (ARRAY[true]), (ARRAY[true, false])) v(s)$$, '22023', NULL,
                 'a number of steps that changes within a group is 22023');
SELECT throws_ok($$SELECT window_funnel('1 hour', now(), VARIADIC ARRAY[]::boolean[])$$, '22023', NULL, 'no steps is 22023');
SELECT throws_ok($$SELECT window_funnel('1 hour', now(), VARIADIC array_fill(true, ARRAY[65]))$$, '22023', 'window_funnel takes 1 to 64 steps, not 65', '65 steps is 22023');
SELECT throws_ok($$SELECT window_funnel('1 hour', now(), VARIADIC ARRAY[[true], [false]])$$, '22023', NULL, 'a two-dimensional steps array is 22023');
SELECT throws_ok($$SELECT window_funnel('1 hour', 'infinity', true)$$, '22008', NULL, 'an infinite time is 22008');
SELECT throws_ok($$SELECT window_funnel(s) FROM (SELECT window_funnel_state('1 hour', now(), true) UNION ALL SELECT window_funnel_state('1 hour', now(), true, false)) v(s)$$,
                 '22023', NULL, 'merging states of different steps is 22023');

-- ===================================================================
-- Extremes
-- ===================================================================
SELECT is(window_funnel('1 microsecond', t, s1, s2), 2, 'a 1 microsecond window')
FROM (VALUES (timestamptz '2024-01-01', true, false), (timestamptz '2024-01-01' + interval '1 microsecond', false, true)) v(t, s1, s2);
SELECT is(window_funnel('106751991 days', t, s1, s2), 2, 'the widest window across the whole timestamp range')
FROM (VALUES (timestamptz '4713-11-24 00:00+00 BC', true, false), (timestamptz '294276-12-31 23:59:59+00', false, true)) v(t, s1, s2);
SELECT is(window_funnel('1 hour', now(), VARIADIC array_fill(true, ARRAY[64])), 64, '64 steps');
SELECT is(window_funnel('1 hour', t, VARIADIC s), 64, '64 steps, one event each, a second apart')
FROM (SELECT timestamptz '2024-01-01' + i * interval '1 second' t, array_agg(j = i ORDER BY j) s
      FROM generate_series(0, 63) i, generate_series(0, 63) j GROUP BY i) q;

-- ===================================================================
-- Differential: the self-join SQL on random events
-- ===================================================================
-- 400 users, each with 0 to 30 events of kinds 'view', 'cart', 'buy' within
-- 10 days (times rounded to minutes, so ties happen); 1% NULL times.
SELECT setseed(0.5772);
CREATE TABLE ev AS
SELECT u, CASE WHEN random() < 0.01 THEN NULL
               ELSE timestamptz '2024-03-01' + floor(random() * 14400) * interval '1 minute' END AS t,
       (ARRAY['view', 'cart', 'buy', 'other'])[1 + floor(random() * 4)::int] AS kind
FROM generate_series(1, 400) u, generate_series(1, (u * 7) % 31) g;
ANALYZE ev;
CREATE TEMP TABLE ref AS
SELECT u.u,
       CASE WHEN EXISTS (SELECT 1 FROM ev a JOIN ev b ON b.u = a.u AND b.kind = 'cart' AND b.t BETWEEN a.t AND a.t + interval '1 day'
                                      JOIN ev c ON c.u = a.u AND c.kind = 'buy' AND c.t BETWEEN b.t AND a.t + interval '1 day'
                          WHERE a.u = u.u AND a.kind = 'view') THEN 3
            WHEN EXISTS (SELECT 1 FROM ev a JOIN ev b ON b.u = a.u AND b.kind = 'cart' AND b.t BETWEEN a.t AND a.t + interval '1 day'
                          WHERE a.u = u.u AND a.kind = 'view') THEN 2
            WHEN EXISTS (SELECT 1 FROM ev a WHERE a.u = u.u AND a.kind = 'view' AND a.t IS NOT NULL) THEN 1
            WHEN EXISTS (SELECT 1 FROM ev a WHERE a.u = u.u AND a.t IS NOT NULL) THEN 0
       END AS level
FROM (SELECT DISTINCT u FROM ev) u;
SELECT ok((SELECT count(DISTINCT level) = 4 FROM ref), 'the random data reach every level 0 .. 3');
SELECT results_eq(
    $$SELECT u, window_funnel('1 day', t, kind = 'view', kind = 'cart', kind = 'buy') FROM ev GROUP BY u ORDER BY u$$,
    $$SELECT u, level FROM ref ORDER BY u$$,
    'window_funnel equals the self-join SQL for every user');

-- The funnel report: users reaching each step, and step-to-step conversion.
SELECT results_eq(
    $$SELECT step, users, conversion FROM (
          SELECT s.step, count(*) FILTER (WHERE f.level >= s.step) AS users,
                 round(100.0 * count(*) FILTER (WHERE f.level >= s.step)
                       / nullif(count(*) FILTER (WHERE f.level >= s.step - 1), 0), 1) AS conversion
          FROM (SELECT u, window_funnel('1 day', t, kind = 'view', kind = 'cart', kind = 'buy') AS level
                FROM ev GROUP BY u) f,
               generate_series(1, 3) s(step)
          GROUP BY s.step) r ORDER BY step$$,
    $$SELECT s.step, count(*) FILTER (WHERE level >= s.step),
             round(100.0 * count(*) FILTER (WHERE level >= s.step) / nullif(count(*) FILTER (WHERE level >= s.step - 1), 0), 1)
      FROM ref, generate_series(1, 3) s(step) WHERE level IS NOT NULL GROUP BY s.step ORDER BY s.step$$,
    'the documented funnel report query equals the same report over the self-join levels');

-- ===================================================================
-- Parallel, window frame, rollups
-- ===================================================================
CREATE TABLE big AS SELECT u + 400 * r AS u, t, kind FROM ev, generate_series(0, 49) r;
ANALYZE big;
CREATE TEMP TABLE serial_levels AS
SELECT u, window_funnel('1 day', t, kind = 'view', kind = 'cart', kind = 'buy') AS level FROM big GROUP BY u;
CREATE TEMP TABLE serial_all AS
SELECT window_funnel('30 days', t, kind = 'view', kind = 'cart', kind = 'buy') AS level FROM big;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT matches(pg_temp.plan_of($$SELECT window_funnel('30 days', t, kind = 'view', kind = 'cart', kind = 'buy') FROM big$$),
               'Gather.*Partial Aggregate', 'parallel plan: Gather over a Partial Aggregate');
CREATE TEMP TABLE parallel_all AS
SELECT window_funnel('30 days', t, kind = 'view', kind = 'cart', kind = 'buy') AS level FROM big;
SELECT is((SELECT level FROM parallel_all), (SELECT level FROM serial_all), 'parallel equals serial (one group)');
SELECT is((SELECT level FROM parallel_all), 3, '... and reaches 3');
SELECT matches(pg_temp.plan_of($$SELECT u, window_funnel('1 day', t, kind = 'view', kind = 'cart', kind = 'buy') FROM big GROUP BY u$$),
               'Gather', 'parallel plan per user');
CREATE TEMP TABLE parallel_levels AS
SELECT u, window_funnel('1 day', t, kind = 'view', kind = 'cart', kind = 'buy') AS level FROM big GROUP BY u;
SELECT is((SELECT count(*) FROM parallel_levels p JOIN serial_levels s USING (u) WHERE p.level IS NOT DISTINCT FROM s.level),
          (SELECT count(*) FROM serial_levels), 'parallel equals serial for each of the 19 400 users');
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

SELECT results_eq(
    $$SELECT window_funnel('1 day', t, kind = 'view', kind = 'cart', kind = 'buy') OVER (ORDER BY t ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
      FROM ev WHERE u = 5 AND t IS NOT NULL ORDER BY t$$,
    $$SELECT (SELECT window_funnel('1 day', b.t, b.kind = 'view', b.kind = 'cart', b.kind = 'buy') FROM (SELECT * FROM ev WHERE u = 5 AND t IS NOT NULL ORDER BY t) b
              WHERE b.t <= a.t)
      FROM ev a WHERE u = 5 AND t IS NOT NULL ORDER BY t$$,
    'a running window frame equals the aggregate over each prefix (no ties in the prefix order)')
WHERE (SELECT count(*) = count(DISTINCT t) FROM ev WHERE u = 5 AND t IS NOT NULL);
SELECT results_eq(
    $$SELECT window_funnel('1 day', t, kind = 'view', kind = 'cart', kind = 'buy') OVER w FROM ev WHERE u = 6 AND t IS NOT NULL
      WINDOW w AS (ORDER BY t ROWS BETWEEN 3 PRECEDING AND CURRENT ROW) ORDER BY t$$,
    $$SELECT (SELECT window_funnel('1 day', b.t, b.kind = 'view', b.kind = 'cart', b.kind = 'buy') FROM
                (SELECT t, kind, row_number() OVER (ORDER BY t) n FROM ev WHERE u = 6 AND t IS NOT NULL) b WHERE b.n BETWEEN a.n - 3 AND a.n)
      FROM (SELECT t, row_number() OVER (ORDER BY t) n FROM ev WHERE u = 6 AND t IS NOT NULL) a ORDER BY a.n$$,
    'a sliding frame of 4 rows equals the aggregate over each 4 rows');

CREATE TEMP TABLE daily AS
SELECT u, t::date AS d, window_funnel_state('1 day', t, kind = 'view', kind = 'cart', kind = 'buy') s FROM ev GROUP BY 1, 2;
SELECT results_eq(
    $$SELECT u, window_funnel(s) FROM daily GROUP BY u ORDER BY u$$,
    $$SELECT u, window_funnel('1 day', t, kind = 'view', kind = 'cart', kind = 'buy') FROM ev GROUP BY u ORDER BY u$$,
    'rollup: daily states merged per user give the direct result');
SELECT results_eq(
    $$SELECT u, window_funnel_state(s)::text FROM (SELECT u, date_trunc('week', d) w, window_funnel_state(s) s FROM daily GROUP BY 1, 2) q GROUP BY u ORDER BY u$$,
    $$SELECT u, window_funnel_state('1 day', t, kind = 'view', kind = 'cart', kind = 'buy')::text FROM ev GROUP BY u ORDER BY u$$,
    'rollup, two levels: daily -> weekly -> all states are identical to the direct state');
SELECT is((SELECT window_funnel_state_combine(window_funnel_state('1 day', t, kind = 'view') FILTER (WHERE t < '2024-03-05'),
                                              window_funnel_state('1 day', t, kind = 'view') FILTER (WHERE t >= '2024-03-05'))::text FROM ev WHERE u = 4),
          (SELECT window_funnel_state('1 day', t, kind = 'view')::text FROM ev WHERE u = 4 AND t IS NOT NULL),
          'combine called directly (later half first would be the same)');

-- ===================================================================
-- State text and binary forms, forged states
-- ===================================================================
SELECT is(window_funnel_state('1 hour', t, s1, s2)::text,
          'v1 window=3600000000us steps=2 {0:1,60000000:3,120000000:2}',
          'text form: microseconds since 2000-01-01 UTC and a step mask per time (rows of one time merged)')
FROM (VALUES (timestamptz '2000-01-01 00:00+00', true, false), (timestamptz '2000-01-01 00:01+00', true, false),
             (timestamptz '2000-01-01 00:01+00', false, true), (timestamptz '2000-01-01 00:02+00', false, true),
             (timestamptz '2000-01-01 00:03+00', false, false)) v(t, s1, s2);
SELECT is((SELECT s::text::window_funnel_state::text = s::text FROM (SELECT window_funnel_state('1 day', t, kind = 'view', kind = 'cart', kind = 'buy') s FROM ev) q), true,
          'text round trip (40 000 events)');
SELECT is(window_funnel('v1 window=1000000us steps=2 {0:1,1000000:2}'::window_funnel_state), 2, 'a state typed in gives the level');
SELECT is('v1 {}'::window_funnel_state::text, 'v1 {}', 'the empty state round trip');
SELECT is(window_funnel('v1 {}'::window_funnel_state), NULL, 'the empty state gives NULL');
SELECT throws_ok($$SELECT 'v2 {}'::window_funnel_state$$, '22P02', NULL, 'forged: unknown version');
SELECT throws_ok($$SELECT 'v1 window=1000000us steps=2 {1000000:1,0:2}'::window_funnel_state$$, '22P02', NULL, 'forged: times not increasing');
SELECT throws_ok($$SELECT 'v1 window=1000000us steps=2 {0:1,0:2}'::window_funnel_state$$, '22P02', NULL, 'forged: a time twice');
SELECT throws_ok($$SELECT 'v1 window=1000000us steps=2 {0:4}'::window_funnel_state$$, '22P02', NULL, 'forged: a step beyond the steps');
SELECT throws_ok($$SELECT 'v1 window=1000000us steps=2 {0:0}'::window_funnel_state$$, '22P02', NULL, 'forged: an event of no step');
SELECT throws_ok($$SELECT 'v1 window=0us steps=2 {}'::window_funnel_state$$, '22P02', NULL, 'forged: a zero window');
SELECT throws_ok($$SELECT 'v1 window=1us steps=65 {}'::window_funnel_state$$, '22P02', NULL, 'forged: 65 steps');
SELECT throws_ok($$SELECT 'v1 {0:1}'::window_funnel_state$$, '22P02', NULL, 'forged: events without parameters');
SELECT throws_ok($$SELECT 'v1 window=1us steps=1 {9223372036854775807:1}'::window_funnel_state$$, '22P02', NULL, 'forged: a time out of range');
SELECT throws_ok($$SELECT 'v1 window=1us steps=1 {0:1} x'::window_funnel_state$$, '22P02', NULL, 'forged: trailing text');

CREATE FUNCTION pg_temp.bin_path() RETURNS text LANGUAGE sql AS
$$ SELECT '/tmp/retention_funnel_' || pg_backend_pid() || '.bin' $$;
CREATE FUNCTION pg_temp.copy_out(q text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN EXECUTE format('COPY (%s) TO %L (FORMAT binary)', q, pg_temp.bin_path()); END $$;
CREATE FUNCTION pg_temp.copy_in() RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text;
BEGIN
    CREATE TEMP TABLE bin_rt (s window_funnel_state);
    EXECUTE format('COPY bin_rt FROM %L (FORMAT binary)', pg_temp.bin_path());
    SELECT s::text INTO r FROM bin_rt;
    DROP TABLE bin_rt;
    RETURN r;
END $$;
CREATE FUNCTION pg_temp.forge(pos int, val int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE b bytea := set_byte(pg_read_binary_file(pg_temp.bin_path()), pos, val);
BEGIN
    EXECUTE format('COPY (SELECT %L) TO PROGRAM %L', translate(encode(b, 'base64'), E'\n', ''),
                   'base64 -d > ' || pg_temp.bin_path());
END $$;
DO $d$ BEGIN PERFORM pg_temp.copy_out($$SELECT window_funnel_state('1 day', t, kind = 'view', kind = 'cart', kind = 'buy') FROM ev$$); END $d$;
SELECT is(pg_temp.copy_in(), (SELECT window_funnel_state('1 day', t, kind = 'view', kind = 'cart', kind = 'buy')::text FROM ev),
          'binary round trip through COPY');
-- COPY header 19 bytes, field count 2, length 4: the state from byte 25 is
-- version, flags, steps (1 byte each, 25 .. 27), window (28 .. 35), events
-- (36 .. 43), then per event its time and steps (8 bytes each, 44 .. 59).
DO $d$ BEGIN PERFORM pg_temp.copy_out($$SELECT 'v1 window=1000000us steps=2 {0:1,5:2}'::window_funnel_state$$); END $d$;
SELECT is(pg_temp.copy_in(), 'v1 window=1000000us steps=2 {0:1,5:2}', 'binary round trip, small');
DO $d$ BEGIN PERFORM pg_temp.forge(59, 4); END $d$;
SELECT throws_ok($$SELECT pg_temp.copy_in()$$, '22P03', NULL, 'forged binary: a step beyond the steps');
DO $d$ BEGIN PERFORM pg_temp.forge(59, 1), pg_temp.forge(27, 0); END $d$;
SELECT throws_ok($$SELECT pg_temp.copy_in()$$, '22P03', NULL, 'forged binary: no steps');
DO $d$ BEGIN PERFORM pg_temp.forge(27, 2), pg_temp.forge(43, 9); END $d$;
SELECT throws_ok($$SELECT pg_temp.copy_in()$$, '22P03', NULL, 'forged binary: more events than bytes');
DO $d$ BEGIN PERFORM pg_temp.forge(43, 2); END $d$;
SELECT is(pg_temp.copy_in(), 'v1 window=1000000us steps=2 {0:1,5:2}', 'the repaired file reads back (the forgeries hit the intended bytes)');
DO $$ BEGIN EXECUTE format('COPY (SELECT 1) TO PROGRAM %L', 'cat >/dev/null; rm -f ' || pg_temp.bin_path()); END $$;

SELECT * FROM finish();
ROLLBACK;
