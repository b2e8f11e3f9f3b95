-- pgTAP tests of returning_customer_rate (src/returning.c): of the customers
-- who ordered in the period, the percent who had ordered before its start.
-- Hand-worked examples, NULLs and errors, every key and time type, forged
-- states, and on random data against plain SQL (EXISTS an earlier order):
-- one period, every month by a join, every month by a running rollup of
-- stored monthly states, in serial and parallel plans (the workers' states
-- merged by the leader's k-way merge), and windows.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only on
\pset pager off

BEGIN;
SELECT plan(58);
SET LOCAL TimeZone = 'UTC';

-- ===================================================================
-- Hand-worked example
-- ===================================================================
-- February 2024: customer 1 ordered in January and February (returning),
-- 2 in January and March (not in February), 3 and 4 only in February
-- (new), NULL is nobody.  1 returning of 3 = 33.33 %.
CREATE TEMP TABLE o (c int8, at timestamptz);
INSERT INTO o VALUES (1, '2024-01-03 10:00'), (1, '2024-02-11 09:30'), (2, '2024-01-05 16:00'), (2, '2024-03-05 16:00'),
                     (3, '2024-02-14 08:00'), (4, '2024-02-29 20:00'), (NULL, '2024-02-01 00:00');
SELECT is(round(returning_customer_rate(c, at::date, daterange('2024-02-01', '2024-03-01'))::numeric, 9), 33.333333333,
          'hand-worked: date orders, daterange period: 1 of 3 customers returning') FROM o;
SELECT is(round(returning_customer_rate(c, at, tstzrange('2024-02-01', '2024-03-01'))::numeric, 9), 33.333333333, 'hand-worked: timestamptz') FROM o;
SELECT is(round(returning_customer_rate(c, at::timestamp, tsrange('2024-02-01', '2024-03-01'))::numeric, 9), 33.333333333, 'hand-worked: timestamp') FROM o;
SELECT is(returning_customer_rate(c, at, tstzrange('2024-03-01', '2024-04-01')), 100::float8,
          'hand-worked: March, customer 2 alone, who ordered in January: 100') FROM o;
SELECT is(returning_customer_rate(c, at, tstzrange('2024-01-01', '2024-02-01')), 0::float8,
          'hand-worked: January, nobody before: 0 (February''s orders are the future, not history)') FROM o;
-- the bounds: an order at the start is in the period (and not history), at
-- the end it is the future; a microsecond before either is the other side
SELECT is(returning_customer_rate(c, at, tstzrange('2024-02-01', '2024-03-01')), 50::float8,
          'bounds: at the start in the period, at the end ignored')
FROM (VALUES (1, timestamptz '2024-02-01 00:00'), (2, '2024-01-31 23:59:59.999999'), (2, '2024-03-01 00:00'),
             (3, '2024-01-31 23:59:59.999999'), (3, '2024-02-29 23:59:59.999999')) v(c, at);
SELECT is(returning_customer_rate(c, at, daterange('2024-02-01', '2024-03-01')), 50::float8,
          'bounds with dates: an order on the first day is new, on the end day ignored')
FROM (VALUES (1, date '2024-02-01'), (1, '2024-02-01'), (2, '2024-01-31'), (2, '2024-03-01'), (3, '2024-01-31'), (3, '2024-02-29')) v(c, at);

-- ===================================================================
-- Empty, NULL and one-row groups
-- ===================================================================
SELECT is((SELECT returning_customer_rate(c, at, tstzrange('2024-02-01', '2024-03-01')) FROM o WHERE false), NULL, 'no rows: NULL');
SELECT is(returning_customer_rate(c, at, tstzrange('2024-02-01', '2024-03-01')), 0::float8, 'one row in the period: 0')
FROM (VALUES (7, timestamptz '2024-02-05')) v(c, at);
SELECT is(returning_customer_rate(c, at, tstzrange('2024-02-01', '2024-03-01')), NULL, 'one row before the period: nobody ordered in it, NULL')
FROM (VALUES (7, timestamptz '2024-01-05')) v(c, at);
SELECT is(returning_customer_rate(c, at, tstzrange('2024-02-01', '2024-03-01')), NULL, 'one row after the period: NULL')
FROM (VALUES (7, timestamptz '2024-03-05')) v(c, at);
SELECT is(returning_customer_rate(c, at, tstzrange('2024-02-01', '2024-03-01')), NULL, 'all keys and times NULL: NULL')
FROM (VALUES (NULL::int8, NULL::timestamptz), (NULL, '2024-02-02'), (3, NULL)) v(c, at);
SELECT is(returning_customer_rate(c, at, tstzrange('2024-02-01', '2024-03-01')), 50::float8,
          'NULL keys and times mixed in are skipped (a NULL time is no order, not history)')
FROM (VALUES (1, timestamptz '2024-01-02'), (1, '2024-02-02'), (2, '2024-02-03'), (NULL, '2024-01-01'), (2, NULL), (NULL, NULL)) v(c, at);
SELECT is(returning_customer_rate_state(c, at, tstzrange('2024-02-01', '2024-03-01'))::text, 'v1 empty period=tstzrange[2024-02-01,2024-03-01) {}',
          'a group of NULL keys: an empty state with its period')
FROM (VALUES (NULL::int8, timestamptz '2024-02-02')) v(c, at);

-- ===================================================================
-- Errors
-- ===================================================================
SELECT throws_ok($$SELECT returning_customer_rate(1, now(), NULL::tstzrange)$$, '22004', 'period must not be null', 'NULL period: 22004');
SELECT throws_ok($$SELECT returning_customer_rate(1, date '2024-02-02', daterange('2024-02-01', NULL))$$, '22023', NULL, 'unbounded period: 22023');
SELECT throws_ok($$SELECT returning_customer_rate(1, date '2024-02-02', daterange('-infinity', '2024-03-01'))$$, '22023', NULL, 'a period from -infinity: 22023');
SELECT throws_ok($$SELECT returning_customer_rate(1, date '2024-02-02', 'empty'::daterange)$$, '22023', 'period must not be empty', 'empty period: 22023');
SELECT throws_ok($$SELECT returning_customer_rate(1, timestamp '2024-02-02', tsrange('2024-02-01', '2024-03-01', '(]'))$$, '22023', NULL, 'a period not [): 22023');
SELECT throws_ok($$SELECT returning_customer_rate(c, at, p) FROM (VALUES (1, date '2024-02-02', daterange('2024-02-01', '2024-03-01')),
                                                                  (2, date '2024-02-03', daterange('2024-01-01', '2024-03-01'))) v(c, at, p)$$,
                 '22023', NULL, 'the period differs between rows of a group: 22023');
SELECT throws_ok($$SELECT returning_customer_rate(1, timestamptz 'infinity', tstzrange('2024-02-01', '2024-03-01'))$$, '22008', NULL, 'an infinite order time: 22008');
SELECT throws_ok($$SELECT returning_customer_rate(1, date '-infinity', daterange('2024-02-01', '2024-03-01'))$$, '22008', NULL, 'an infinite order date: 22008');
SELECT throws_ok($$SELECT returning_customer_rate(1.5, now(), tstzrange('2024-02-01', '2024-03-01'))$$, '22023', NULL, 'a fractional numeric key: 22023');

-- ===================================================================
-- Random data: 40k orders of ~11k customers over 400 days, skewed
-- ===================================================================
SELECT setseed(0.4242);
CREATE TABLE rorders AS
SELECT CASE WHEN i % 97 = 0 THEN NULL
            WHEN r < 0.2 THEN 1 + floor(random() * 30)::int8
            ELSE 100 + floor(random() * random() * 30000)::int8 END AS c,
       timestamptz '2024-01-01' + random() * interval '400 days' AS t
FROM (SELECT i, random() AS r FROM generate_series(1, 40000) i) s;
ALTER TABLE rorders ADD COLUMN mo date;
UPDATE rorders SET mo = date_trunc('month', t)::date;
ALTER TABLE rorders SET (parallel_workers = 2);
CREATE INDEX ON rorders (c, t);
ANALYZE rorders;
CREATE TABLE months AS
SELECT m::date AS mo, tstzrange(m, m + interval '1 month') AS p, daterange(m::date, (m + interval '1 month')::date) AS dp
FROM generate_series(timestamptz '2024-01-01', '2025-03-01', interval '1 month') m;

-- plain SQL: per month, of the customers with an order in it, those with an order before it
CREATE TABLE expected AS
SELECT m.mo, round(100.0 * count(a.c) FILTER (WHERE EXISTS (SELECT 1 FROM rorders o2 WHERE o2.c = a.c AND o2.t < lower(m.p)))
                   / nullif(count(a.c), 0), 9) AS rate
FROM months m LEFT JOIN LATERAL (SELECT DISTINCT c FROM rorders o WHERE o.c IS NOT NULL AND o.t <@ m.p) a ON true
GROUP BY m.mo;
SELECT ok((SELECT count(*) = 15 AND count(rate) = 14 AND min(rate) = 0 AND max(rate) > 50 FROM expected),
          'the reference: 15 months, the last one without orders, from 0 % to over 50 % returning');

SELECT is((SELECT round(returning_customer_rate(c, t, tstzrange('2024-06-01', '2024-07-01'))::numeric, 9) FROM rorders),
          (SELECT rate FROM expected WHERE mo = '2024-06-01'), 'random data, June 2024, over all rows: plain SQL''s rate');
SELECT results_eq($$SELECT m.mo, round(returning_customer_rate(o.c, o.t, m.p)::numeric, 9) FROM months m JOIN rorders o ON o.t < upper(m.p) GROUP BY m.mo ORDER BY 1$$,
                  $$SELECT mo, rate FROM expected ORDER BY 1$$,
                  'every month by a join of the orders before its end: plain SQL''s rates');

-- every key type, one customer each way
SELECT is((SELECT array_agg(DISTINCT round(r::numeric, 9)) FROM (
    SELECT returning_customer_rate(c, t, tstzrange('2024-06-01', '2024-07-01')) FROM rorders
    UNION ALL SELECT returning_customer_rate(c::int4, t, tstzrange('2024-06-01', '2024-07-01')) FROM rorders
    UNION ALL SELECT returning_customer_rate(c::int2, t, tstzrange('2024-06-01', '2024-07-01')) FROM rorders
    UNION ALL SELECT returning_customer_rate(c::numeric, t, tstzrange('2024-06-01', '2024-07-01')) FROM rorders
    UNION ALL SELECT returning_customer_rate(c::text, t, tstzrange('2024-06-01', '2024-07-01')) FROM rorders
    UNION ALL SELECT returning_customer_rate(('x' || c)::varchar, t, tstzrange('2024-06-01', '2024-07-01')) FROM rorders
    UNION ALL SELECT returning_customer_rate(md5(c::text)::uuid, t, tstzrange('2024-06-01', '2024-07-01')) FROM rorders) s(r)),
    ARRAY[(SELECT rate FROM expected WHERE mo = '2024-06-01')], 'int8, int4, int2, numeric, text, varchar and uuid keys: the same rate');
SELECT is((SELECT returning_customer_rate_state(c::int2, t, tstzrange('2024-06-01', '2024-07-01'))::text FROM rorders),
          (SELECT returning_customer_rate_state(c::numeric, t, tstzrange('2024-06-01', '2024-07-01'))::text FROM rorders),
          'int2 and numeric keys: the state of the int keys they equal');
-- the three kinds of time agree at midnight UTC boundaries
SELECT is((SELECT array_agg(DISTINCT round(r::numeric, 9)) FROM (
    SELECT returning_customer_rate(c, t::date, daterange('2024-06-01', '2024-07-01')) FROM rorders
    UNION ALL SELECT returning_customer_rate(c, date_trunc('day', t)::timestamp, tsrange('2024-06-01', '2024-07-01')) FROM rorders
    UNION ALL SELECT returning_customer_rate(c, date_trunc('day', t), tstzrange('2024-06-01', '2024-07-01')) FROM rorders) s(r)),
    ARRAY[(SELECT round(returning_customer_rate(c, t, tstzrange('2024-06-01', '2024-07-01'))::numeric, 9) FROM rorders)],
    'date, timestamp and timestamptz orders: the same rate');

-- ===================================================================
-- Stored monthly states and the running rollup
-- ===================================================================
SET LOCAL max_parallel_workers_per_gather = 0;
CREATE TABLE monthly AS
SELECT o.mo, returning_customer_rate_state(o.c, o.t, m.p) AS s
FROM rorders o JOIN months m USING (mo) GROUP BY o.mo;
SELECT results_eq($$SELECT mo, round(returning_customer_rate(s) OVER (ORDER BY mo ROWS UNBOUNDED PRECEDING)::numeric, 9) FROM monthly ORDER BY mo$$,
                  $$SELECT mo, rate FROM expected WHERE mo < '2025-03-01' ORDER BY mo$$,
                  'running rollup of stored monthly states: each month''s rate with every earlier month as history, plain SQL''s');
SELECT is((SELECT returning_customer_rate_state(s)::text FROM monthly),
          (SELECT returning_customer_rate_state(c, t, tstzrange('2025-02-01', '2025-03-01'))::text FROM rorders),
          'every monthly state merged: the state of the last month''s period over all rows');
SELECT is((SELECT round(returning_customer_rate(s)::numeric, 9) FROM monthly WHERE mo <= '2024-09-01'),
          (SELECT rate FROM expected WHERE mo = '2024-09-01'), 'the months up to September merged: September''s rate');
-- a two-level rollup: quarters of months, then the year
SELECT is((SELECT returning_customer_rate_state(q)::text FROM (SELECT returning_customer_rate_state(s) q FROM monthly GROUP BY date_trunc('quarter', mo)) x),
          (SELECT returning_customer_rate_state(s)::text FROM monthly), 'quarterly merges merged: the same state');
SELECT is((SELECT (array_agg(r ORDER BY mo))[5] FROM (SELECT mo, round(returning_customer_rate(s) OVER (ORDER BY mo ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)::numeric, 9) r FROM monthly) x),
          (SELECT round(100.0 * count(*) FILTER (WHERE EXISTS (SELECT 1 FROM rorders o2 WHERE o2.c = a.c AND o2.t >= '2024-04-01' AND o2.t < '2024-05-01')) / count(*), 9)
           FROM (SELECT DISTINCT c FROM rorders WHERE c IS NOT NULL AND t >= '2024-05-01' AND t < '2024-06-01') a),
          'a moving frame of two months (recomputed, no inverse): May with April as its only history');

-- windows over rows
SELECT is((SELECT round(r::numeric, 9) FROM (SELECT t, returning_customer_rate(c, t, tstzrange('2024-06-01', '2024-07-01')) OVER (ORDER BY t, c ROWS UNBOUNDED PRECEDING) r FROM rorders) x ORDER BY t DESC LIMIT 1),
          (SELECT rate FROM expected WHERE mo = '2024-06-01'), 'running window over rows: the last row has the whole group''s rate');
SELECT is_empty($$
    WITH r AS (SELECT row_number() OVER (ORDER BY t, c) n, c, t FROM rorders WHERE t < '2024-03-01' AND c < 40)
    SELECT n FROM (SELECT n, returning_customer_rate(c, t, tstzrange('2024-02-01', '2024-03-01')) OVER (ORDER BY n ROWS 20 PRECEDING) got FROM r) w
    WHERE got IS DISTINCT FROM (SELECT 100.0 * count(*) FILTER (WHERE EXISTS (SELECT 1 FROM r r3 WHERE r3.c = a.c AND r3.n BETWEEN w.n - 20 AND w.n AND r3.t < '2024-02-01'))
                                       / nullif(count(*), 0)
                                FROM (SELECT DISTINCT c FROM r r2 WHERE r2.n BETWEEN w.n - 20 AND w.n AND r2.t >= '2024-02-01' AND r2.c IS NOT NULL) a)::float8$$,
          'a sliding frame of 21 rows: each row''s rate recomputed, as plain SQL over the frame');

-- ===================================================================
-- Parallel plans (run for real, as in orders_merge.sql)
-- ===================================================================
CREATE FUNCTION pg_temp.run_plan(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    line text;
    result text := '';
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ' || q LOOP
        result := result || line || E'\n';
    END LOOP;
    RETURN result;
END $$;
CREATE TABLE serial_states AS
SELECT returning_customer_rate_state(c, t, tstzrange('2024-06-01', '2024-07-01')) s,
       returning_customer_rate_state(c::text, t, tstzrange('2024-06-01', '2024-07-01')) st FROM rorders;
CREATE TABLE serial_by_month AS SELECT mo, round(returning_customer_rate(c, t, tstzrange('2024-06-01', '2024-07-01'))::numeric, 9) r FROM rorders GROUP BY mo;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SET LOCAL parallel_leader_participation = off;
SELECT matches(pg_temp.run_plan($$CREATE TABLE par_states AS
    SELECT returning_customer_rate_state(c, t, tstzrange('2024-06-01', '2024-07-01')) s,
           returning_customer_rate_state(c::text, t, tstzrange('2024-06-01', '2024-07-01')) st,
           round(returning_customer_rate(c, t, tstzrange('2024-06-01', '2024-07-01'))::numeric, 9) r FROM rorders$$),
               'Finalize.*Gather.*Workers Launched: [12].*Partial', 'parallel, leader not participating: workers launched');
SELECT is((SELECT r FROM par_states), (SELECT rate FROM expected WHERE mo = '2024-06-01'), 'parallel (the workers'' states merged without a table): plain SQL''s rate');
SELECT is((SELECT (pg_column_size(s), s::text, pg_column_size(st), st::text) FROM par_states),
          (SELECT (pg_column_size(s), s::text, pg_column_size(st), st::text) FROM serial_states), 'parallel: the serial states, size and value');
RESET parallel_leader_participation;
SELECT matches(pg_temp.run_plan($$CREATE TABLE par_by_month AS SELECT mo, round(returning_customer_rate(c, t, tstzrange('2024-06-01', '2024-07-01'))::numeric, 9) r FROM rorders GROUP BY mo$$),
               'Finalize.*Gather.*Workers Launched: [12].*Partial', 'parallel grouped, leader participating: workers launched');
SELECT is_empty($$(SELECT * FROM par_by_month EXCEPT SELECT * FROM serial_by_month) UNION ALL (SELECT * FROM serial_by_month EXCEPT SELECT * FROM par_by_month)$$,
                'parallel grouped: the serial rates');
SET LOCAL max_parallel_workers_per_gather = 0;

-- ===================================================================
-- Text and binary forms
-- ===================================================================
SELECT is((SELECT returning_customer_rate_state(c, at, tstzrange('2024-02-01', '2024-03-01'))::text FROM o),
          'v1 int period=tstzrange[2024-02-01,2024-03-01) {1:2:757591200000000:760959000000000,2:1:757785600000000:757785600000000,3:1:761212800000000:761212800000000,4:1:762552000000000:762552000000000}',
          'text form: the period, then key:count:first:last in microseconds since 2000-01-01 UTC, orders after the period left out');
SELECT is((SELECT returning_customer_rate_state(c::text, at::timestamp, tsrange('2024-02-01 12:30', '2024-03-01 00:00:00.5'))::text FROM o WHERE c = 3),
          'v1 text period=tsrange[2024-02-01T12:30:00,2024-03-01T00:00:00.500000) {"3":1:761212800000000:761212800000000}',
          'text form: text keys and a period with times');
SELECT is((SELECT s::text::returning_customer_rate_state::text = s::text FROM serial_states), true, 'text round trip of a large state');
CREATE FUNCTION pg_temp.bin_path() RETURNS text LANGUAGE sql AS $$ SELECT current_setting('data_directory') || '/retention_returning.bin' $$;
DO $$ BEGIN EXECUTE format('COPY (SELECT s, st FROM serial_states UNION ALL SELECT s, NULL FROM monthly) TO %L (FORMAT binary)', pg_temp.bin_path()); END $$;
CREATE TABLE back (s returning_customer_rate_state, st returning_customer_rate_state);
DO $$ BEGIN EXECUTE format('COPY back FROM %L (FORMAT binary)', pg_temp.bin_path()); END $$;
DO $$ BEGIN EXECUTE format('COPY (SELECT 1) TO PROGRAM %L', 'cat >/dev/null; rm -f ' || pg_temp.bin_path()); END $$;
SELECT is((SELECT array_agg(s::text || coalesce(st::text, '')) FROM back),
          (SELECT array_agg(s::text || coalesce(st::text, '')) FROM (SELECT s, st FROM serial_states UNION ALL SELECT s, NULL FROM monthly) x),
          'binary round trip (send, then receive by COPY) of large and monthly states');

-- forged states
SELECT throws_ok($$SELECT 'v1 int {1:1:0:0}'::returning_customer_rate_state$$, '22P02', NULL, 'forged: customers without a period');
SELECT throws_ok($$SELECT 'v1 int period=tstzrange[2024-02-01,2024-03-01) {1:1:762566400000000:762566400000000}'::returning_customer_rate_state$$, '22P02', NULL,
                 'forged: an order at the period''s end');
SELECT throws_ok($$SELECT 'v1 int period=daterange[2024-02-01,2024-03-01) {1:1:1:1}'::returning_customer_rate_state$$, '22P02', NULL,
                 'forged: a daterange state with an order time that is not a date');
SELECT throws_ok($$SELECT 'v1 int period=tstzrange[2024-02-01,2024-03-01) {1:1:5:6}'::returning_customer_rate_state$$, '22P02', NULL,
                 'forged: one order with a first and a last time that differ');
SELECT throws_ok($$SELECT 'v1 int period=tstzrange[2024-03-01,2024-02-01) {}'::returning_customer_rate_state$$, '22P02', NULL, 'forged: start after end');
SELECT throws_ok($$SELECT 'v1 int period=daterange[2024-02-01T10:00:00,2024-03-01) {1:1:0:0}'::returning_customer_rate_state$$, '22P02', NULL,
                 'forged: a daterange with a bound that is not a date');
SELECT throws_ok($$SELECT 'v1 int period=intrange[2024-02-01,2024-03-01) {1:1:0:0}'::returning_customer_rate_state$$, '22P02', NULL, 'forged: another kind of range');
SELECT throws_ok($$SELECT 'v1 int period=tstzrange[2024-2-1,2024-03-01) {1:1:0:0}'::returning_customer_rate_state$$, '22P02', NULL, 'forged: a bound spelt another way');
SELECT throws_ok($$SELECT 'v1 int period=tstzrange[2024-02-01,2024-03-01) {1:1:0:0,1:1:0:0}'::returning_customer_rate_state$$, '22P02', NULL, 'forged: a customer twice');

-- merging states of different periods
SELECT throws_ok($$SELECT returning_customer_rate_state(s) FROM (VALUES ('v1 empty period=daterange[2024-01-01,2024-03-01) {}'::returning_customer_rate_state),
                                                                  ('v1 empty period=daterange[2024-02-01,2024-03-01) {}')) v(s)$$,
                 '22023', NULL, 'merging: the same end with another start is 22023');
SELECT throws_ok($$SELECT returning_customer_rate_state(s) FROM (VALUES ('v1 empty period=tstzrange[2024-01-01,2024-02-01) {}'::returning_customer_rate_state),
                                                                  ('v1 empty period=daterange[2024-02-01,2024-03-01) {}')) v(s)$$,
                 '22023', NULL, 'merging: another kind of range is 22023');
SELECT is((SELECT returning_customer_rate_state(s)::text FROM (VALUES ('v1 int period=daterange[2024-02-01,2024-03-01) {5:1:760924800000000:760924800000000}'::returning_customer_rate_state),
                                                                    ('v1 int period=daterange[2024-01-01,2024-02-01) {5:1:757382400000000:757382400000000}')) v(s)),
          'v1 int period=daterange[2024-02-01,2024-03-01) {5:2:757382400000000:760924800000000}', 'merging: the later period is kept, the earlier orders are history');

-- the catalog lists it
SELECT is((SELECT array_agg(DISTINCT kind ORDER BY kind) FROM retention_catalog WHERE metric IN ('returning_customer_rate', 'returning_customer_rate_state')),
          ARRAY['aggregate', 'merge', 'state'], 'retention_catalog lists the aggregates, the merge and the state aggregates');

SELECT * FROM finish();
ROLLBACK;
