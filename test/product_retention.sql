-- pgTAP tests of the product-analytics retention of SPEC section 10
-- (src/cohort_modes.c): cohort_retention with a mode ('on', 'on_or_after')
-- and observed_until, the long form cohort_periods, and recurring_retention.
-- Small vectors worked out by hand (modes, customers joining on different
-- days, recurring retention over gaps), every error with its SQLSTATE, NULLs,
-- differential checks against the plain SQL of the PostHog/Amplitude
-- definitions on deterministic random data, every key type and both time
-- types, parallel plans, rollups, state text and binary forms.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only on
\pset pager off

BEGIN;
SELECT plan(97);
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
-- Modes by hand.  One cohort (2024-01-01), monthly periods: customer 1
-- active in periods 0 and 2, customer 2 in 0 and 1, customer 3 in 0.
--   on:          period 0: 3/3, 1: {2} 1/3, 2: {1} 1/3
--   on_or_after: period 0: 3/3, 1: {1, 2} 2/3, 2: {1} 1/3
-- ===================================================================
CREATE TEMP TABLE m(c int, s date, t date);
INSERT INTO m VALUES (1, '2024-01-01', '2024-01-05'), (1, '2024-01-01', '2024-03-10'), (2, '2024-01-01', '2024-01-01'),
                     (2, '2024-01-01', '2024-02-02'), (3, '2024-01-01', '2024-01-20'), (NULL, '2024-01-01', '2024-05-01');
SELECT is(cohort_retention(c, s, t, '1 month', 'on'), ARRAY[100, 100.0 / 3, 100.0 / 3]::float8[], 'on, by hand') FROM m;
SELECT is(cohort_retention(c, s, t, '1 month', 'on'), cohort_retention(c, s, t, '1 month'), '''on'' is the section 7 result') FROM m;
SELECT is(cohort_retention(c, s, t, '1 month', 'on_or_after'), ARRAY[100, 200.0 / 3, 100.0 / 3]::float8[], 'on_or_after, by hand') FROM m;
SELECT is(cohort_periods(c, s, t, '1 month', 'on_or_after')::text,
          '{"(0,3,3,100)","(1,3,2,66.66666666666667)","(2,3,1,33.333333333333336)"}', 'the long form, on_or_after') FROM m;
SELECT is(cohort_periods(c, s, t, '1 month')::text, cohort_periods(c, s, t, '1 month', 'on')::text, 'cohort_periods without a mode is ''on''') FROM m;
SELECT is((SELECT array_agg(rate ORDER BY period) FROM unnest(cohort_periods(c, s, t, '1 month', 'on')) u), cohort_retention(c, s, t, '1 month', 'on'),
          'the long form''s rates are the array form') FROM m;
-- observed_until 2024-03-01: periods 0 and 1 have ended, period 2 has not
SELECT is(cohort_retention(c, s, t, '1 month', 'on', date '2024-03-01'), ARRAY[100, 100.0 / 3, NULL]::float8[],
          'observed_until: a period not yet ended by anyone is NULL') FROM m;
SELECT is(cohort_retention(c, s, t, '1 month', 'on_or_after', date '2024-03-01'), ARRAY[100, 200.0 / 3, NULL]::float8[],
          'observed_until, on_or_after: later (incomplete-period) activity still counts for ended periods') FROM m;
SELECT is(cohort_periods(c, s, t, '1 month', 'on', date '2024-02-29')::text, '{"(0,3,3,100)","(1,0,0,)","(2,0,0,)"}',
          'observed_until a day before period 1 ends: only period 0 counts') FROM m;
SELECT is(cohort_retention(c, s, t, '1 month', 'on', date '2023-12-31'), ARRAY[NULL, NULL, NULL]::float8[],
          'observed_until before every cohort start: every element NULL') FROM m;
SELECT is(cohort_retention(c, s, t, '1 month', 'on', date '2024-07-01'), ARRAY[100, 100.0 / 3, 100.0 / 3, 0, 0, 0]::float8[],
          'ended periods without activity are 0, up to the last ended one') FROM m;

-- Customers who joined on different days, weekly periods, observed_until
-- 2024-01-16 00:00: A (joined 1 Jan) has 2 ended weeks, B (10 Jan) none.
-- Pooled without observed_until, B drags week 1 down to 50.
CREATE TEMP TABLE d(c text, s timestamptz, t timestamptz);
INSERT INTO d VALUES ('A', '2024-01-01', '2024-01-01 10:00'), ('A', '2024-01-01', '2024-01-09'),
                     ('B', '2024-01-10', '2024-01-10 09:00'), ('B', '2024-01-10', '2024-01-12');
SELECT is(cohort_retention(c, s, t, '7 days', 'on'), ARRAY[100, 50]::float8[], 'pooled without observed_until') FROM d;
SELECT is(cohort_retention(c, s, t, '7 days', 'on', timestamptz '2024-01-16'), ARRAY[100, 100]::float8[],
          'observed_until: week 0 only for A (B''s first week has not ended)') FROM d;
SELECT is(cohort_periods(c, s, t, '7 days', 'on', timestamptz '2024-01-16')::text, '{"(0,1,1,100)","(1,1,1,100)"}',
          'the long form shows one customer counted') FROM d;
SELECT is(cohort_periods(c, s, t, '7 days', 'on', timestamptz '2024-01-17')::text, '{"(0,2,2,100)","(1,1,1,100)"}',
          'B''s week 0 ends at 17 Jan 00:00 (inclusive): counted') FROM d;

-- ===================================================================
-- Recurring retention by hand: X active in periods 0, 2, 3 (a gap at 1),
-- Y in 1 and 3.  A0 = {X}, A1 = {Y}, A2 = {X}, A3 = {X, Y}, J = 3.
--   lag 1: (|A0&A1| + |A1&A2| + |A2&A3|) / (|A0| + |A1| + |A2|) = 1/3
--   lag 2: (|A0&A2| + |A1&A3|) / (|A0| + |A1|) = 2/2
--   lag 3: |A0&A3| / |A0| = 1/1
-- ===================================================================
CREATE TEMP TABLE r(c int8, t timestamptz);
INSERT INTO r VALUES ('1', '2024-01-03'), (1, '2024-03-05'), (1, '2024-03-20'), (1, '2024-04-01'),
                     (2, '2024-02-10'), (2, '2024-04-30 23:59'), (NULL, '2024-09-01'), (2, NULL);
SELECT is(recurring_retention(c, t, '1 month', timestamptz '2024-01-01'), ARRAY[100, 100.0 / 3, 100, 100]::float8[], 'recurring, by hand, over gaps') FROM r;
SELECT is(recurring_retention(c::text, t::date, '1 month', date '2024-01-01'), ARRAY[100, 100.0 / 3, 100, 100]::float8[], 'recurring, date form, text keys') FROM r;
SELECT is(recurring_retention(c, t, '1 month', timestamptz '2023-12-01'), ARRAY[100, 100.0 / 3, 100, 100, NULL]::float8[],
          'an origin a month earlier: lag 4 has no period to start from, NULL') FROM r;
SELECT is(recurring_retention(c, t, '1 month', timestamptz '2024-01-01'), NULL, 'no rows: NULL') FROM r WHERE false;
SELECT is(recurring_retention(c, t, '1 month', timestamptz '2024-01-01'), ARRAY[100]::float8[], 'one row') FROM r WHERE c = 1 AND t < '2024-02-01';

-- ===================================================================
-- Brackets by hand: [0, 7), [7, 30), [30, 90) days.  Customers 1 (days 4
-- and 69), 2 (days 0 and 32), 3 (day 19) start 1 Jan, customer 4 (day 0)
-- starts 10 Jan: bracket 1 {1, 2, 4} 3/4, bracket 2 {3} 1/4, 3 {1, 2} 2/4.
-- ===================================================================
CREATE TEMP TABLE b AS SELECT * FROM m WHERE c IS NOT NULL UNION ALL SELECT 4, date '2024-01-10', date '2024-01-10' UNION ALL SELECT 5, date '2024-01-01', NULL;
SELECT is(cohort_retention_brackets(c, s, t, ARRAY['0 days', '7 days', '30 days', '90 days']::interval[]), ARRAY[75, 25, 50]::float8[], 'brackets, by hand') FROM b;
SELECT is(cohort_retention_brackets(c::text, s::timestamptz, t::timestamptz, ARRAY['0 days', '7 days', '30 days', '90 days']::interval[]), ARRAY[75, 25, 50]::float8[],
          'brackets, timestamptz form, text keys') FROM b;
SELECT is(cohort_retention_brackets(c, s, t, ARRAY['1 day', '7 days']::interval[]), ARRAY[25]::float8[],
          'a customer active outside every bracket still counts in the denominator (day 4 of customer 1 only)') FROM b;
SELECT is(cohort_retention_brackets(c, s, t, ARRAY['0 days', '1 month', '2 months', '3 months']::interval[]), cohort_retention(c, s, t, '1 month'),
          'monthly brackets equal monthly periods (every customer active in period 0)') FROM b WHERE t IS NOT NULL;
SELECT is(cohort_retention_brackets(c, s, t, ARRAY['0 days', '7 days']::interval[]), NULL, 'brackets: no rows, NULL') FROM b WHERE false;
SELECT throws_ok($$SELECT cohort_retention_brackets(1, now(), now(), ARRAY['7 days']::interval[])$$, '22023', 'brackets are out of range', 'one bracket bound is 22023');
SELECT throws_ok($$SELECT cohort_retention_brackets(1, now(), now(), ARRAY['7 days', '1 day']::interval[])$$, '22023', 'brackets are out of range', 'decreasing brackets are 22023');
SELECT throws_ok($$SELECT cohort_retention_brackets(1, now(), now(), ARRAY['1 day', '1 day']::interval[])$$, '22023', 'brackets are out of range', 'equal brackets are 22023');
SELECT throws_ok($$SELECT cohort_retention_brackets(1, now(), now(), ARRAY['1 day', NULL]::interval[])$$, '22023', 'brackets are out of range', 'a NULL bracket is 22023');
SELECT throws_ok($$SELECT cohort_retention_brackets(1, now(), now(), NULL::interval[])$$, '22004', 'brackets must not be NULL', 'NULL brackets are 22004');
SELECT throws_ok($$SELECT cohort_retention_brackets(1, date '2024-02-01', date '2024-01-31', ARRAY['0 days', '7 days']::interval[])$$, '22023', NULL,
                 'brackets: activity before the cohort start is 22023');
SELECT throws_ok($$SELECT cohort_retention_brackets(c, now(), now(), b) FROM (VALUES (1, ARRAY['0 days', '7 days']::interval[]), (2, ARRAY['0 days', '8 days']::interval[])) v(c, b)$$,
                 '22023', 'brackets change within one group', 'brackets that change within a group are 22023');

-- ===================================================================
-- No rows, NULLs, bad input
-- ===================================================================
SELECT is(cohort_retention(c, s, t, '1 month', 'on_or_after'), NULL, 'no rows: NULL') FROM m WHERE false;
SELECT is(cohort_periods(c, s, t, '1 month', 'on', date '2024-03-01'), NULL, 'no rows: NULL (long form)') FROM m WHERE false;
SELECT is(cohort_retention(c, s, t, '1 month', 'on_or_after'), NULL, 'all NULL customers: NULL') FROM m WHERE c IS NULL;
SELECT is(cohort_retention(1, date '2024-01-01', date '2024-01-01', '1 day', 'on_or_after'), ARRAY[100]::float8[], 'one row');
SELECT throws_ok($$SELECT cohort_retention(1, now(), now(), '1 day', 'onn')$$, '22023', 'mode "onn" is not known', 'an unknown mode is 22023');
SELECT throws_ok($$SELECT cohort_retention(1, now(), now(), '1 day', 'ON')$$, '22023', NULL, 'modes are lower case');
SELECT throws_ok($$SELECT cohort_periods(1, now(), now(), '1 day', NULL)$$, '22004', 'mode must not be NULL', 'a NULL mode is 22004');
SELECT throws_ok($$SELECT cohort_retention(1, now(), now(), '1 day', 'on', NULL)$$, '22004', 'observed_until must not be NULL', 'a NULL observed_until is 22004');
SELECT throws_ok($$SELECT cohort_retention(1, now(), now(), '1 day', 'on', 'infinity'::timestamptz)$$, '22008', NULL, 'an infinite observed_until is 22008');
SELECT throws_ok($$SELECT cohort_retention(1, now(), now(), '0 days', 'on')$$, '22023', NULL, 'a zero period is 22023 (as section 7)');
SELECT throws_ok($$SELECT cohort_retention(c, now(), now(), '1 day', m) FROM (VALUES (1, 'on'), (2, 'on_or_after')) v(c, m)$$, '22023',
                 NULL, 'a mode that changes within a group is 22023');
SELECT throws_ok($$SELECT cohort_retention(c, date '2024-01-01', date '2024-01-01', '1 day', 'on', o) FROM (VALUES (1, date '2024-02-01'), (2, date '2024-03-01')) v(c, o)$$,
                 '22023', NULL, 'an observed_until that changes within a group is 22023');
SELECT throws_ok($$SELECT cohort_retention(s) FROM (SELECT cohort_periods_state(1, now(), now(), '1 day', 'on') UNION ALL SELECT cohort_periods_state(2, now(), now(), '1 day', 'on_or_after')) v(s)$$,
                 '22023', NULL, 'merging states of different modes is 22023');
SELECT throws_ok($$SELECT cohort_retention(1, date '2024-02-01', date '2024-01-31', '1 month', 'on')$$, '22023', NULL,
                 'activity before the cohort start: 22023, as section 7');
SELECT throws_ok($$SELECT cohort_retention(1, timestamptz '2000-01-01', timestamptz '2000-01-01', '1 second', 'on', timestamptz '2024-01-01')$$, '54000', NULL,
                 'observed_until more than 100 million periods away is 54000');
SELECT throws_ok($$SELECT recurring_retention(1, now(), '1 day', NULL::timestamptz)$$, '22004', 'origin must not be NULL', 'a NULL origin is 22004');
SELECT throws_ok($$SELECT recurring_retention(1, timestamptz '2023-12-31', '1 day', timestamptz '2024-01-01')$$, '22023', NULL, 'activity before the origin is 22023');
SELECT throws_ok($$SELECT recurring_retention(1, now(), '1 month 1 day', now())$$, '22023', NULL, 'a period mixing months and days is 22023');

-- ===================================================================
-- Differential against plain SQL on random data (as test/cohort.sql):
-- 2000 customers with a cohort start in 2023, 1 to 9 activity rows.
-- ===================================================================
SELECT setseed(0.1414);
CREATE TABLE cust AS
SELECT i::int8 AS k, timestamptz '2023-01-01' + random() * interval '365 days' AS s
FROM generate_series(1, 2000) i;
CREATE TABLE events AS
SELECT CASE WHEN random() < 0.01 THEN NULL ELSE c.k END AS k, c.s,
       CASE WHEN random() < 0.01 THEN NULL WHEN g = 1 THEN c.s
            ELSE c.s + random() * random() * interval '500 days' END AS a
FROM cust c, generate_series(1, 1 + (c.k % 9)::int) g;
ALTER TABLE events ADD COLUMN c4 int4, ADD COLUMN ctext text, ADD COLUMN cuuid uuid, ADD COLUMN cohort timestamptz;
UPDATE events SET c4 = k::int4, ctext = 'cust-' || k, cuuid = md5(k::text)::uuid, cohort = date_trunc('month', s);
ANALYZE events;

-- The period index in plain SQL (UTC: wall clock = UTC): months as age()
-- counts them, days by division of the elapsed time.
CREATE FUNCTION pg_temp.ref_idx(s timestamptz, a timestamptz, p interval) RETURNS bigint
LANGUAGE sql STABLE AS $$
SELECT CASE WHEN extract(month FROM p) > 0
            THEN ((extract(year FROM age(a, s)) * 12 + extract(month FROM age(a, s)))::bigint / extract(month FROM p)::bigint)
            ELSE floor(extract(epoch FROM a - s) / extract(epoch FROM p))::bigint END
$$;
-- Per cohort: per period p from 0 the customers counted (period p ended by
-- o, or every customer when o is NULL) and those retained (active in p;
-- on_or_after: in p or later), as PostHog and Amplitude define them.
CREATE FUNCTION pg_temp.ref(p interval, mode text, o timestamptz)
RETURNS TABLE (cohort timestamptz, r float8[]) LANGUAGE sql STABLE AS $$
WITH rows AS (
    SELECT cohort, k, s, pg_temp.ref_idx(s, a, p) AS idx FROM events WHERE k IS NOT NULL AND a IS NOT NULL
), cust AS (
    SELECT cohort, k, max(idx) AS last, array_agg(DISTINCT idx) AS idxs,
           CASE WHEN o IS NULL THEN NULL WHEN o < min(s) THEN 0 ELSE pg_temp.ref_idx(min(s), o, p) END AS ended
    FROM rows GROUP BY cohort, k
), len AS (
    SELECT cohort, greatest(max(last) + 1, coalesce(max(ended), 0)) AS n FROM cust GROUP BY cohort
), cells AS (
    SELECT l.cohort, g.p,
           count(*) FILTER (WHERE c.ended IS NULL OR g.p < c.ended) AS den,
           count(*) FILTER (WHERE (c.ended IS NULL OR g.p < c.ended)
                              AND CASE WHEN mode = 'on' THEN g.p = ANY (c.idxs) ELSE c.last >= g.p END) AS num
    FROM len l CROSS JOIN LATERAL generate_series(0, l.n - 1) g(p) JOIN cust c ON c.cohort = l.cohort
    GROUP BY l.cohort, g.p
)
SELECT cohort, array_agg(CASE WHEN den = 0 THEN NULL ELSE 100.0::float8 * num / den END ORDER BY p)
FROM cells GROUP BY cohort
$$;
SELECT results_eq($$SELECT cohort, cohort_retention(k, s, a, '1 month', 'on') FROM events GROUP BY 1 ORDER BY 1$$,
                  $$SELECT * FROM pg_temp.ref('1 month', 'on', NULL) ORDER BY 1$$, 'differential: on, 1 month');
SELECT results_eq($$SELECT cohort, cohort_retention(k, s, a, '1 month', 'on_or_after') FROM events GROUP BY 1 ORDER BY 1$$,
                  $$SELECT * FROM pg_temp.ref('1 month', 'on_or_after', NULL) ORDER BY 1$$, 'differential: on_or_after, 1 month');
SELECT results_eq($$SELECT cohort, cohort_retention(k, s, a, '7 days', 'on_or_after') FROM events GROUP BY 1 ORDER BY 1$$,
                  $$SELECT * FROM pg_temp.ref('7 days', 'on_or_after', NULL) ORDER BY 1$$, 'differential: on_or_after, 7 days');
SELECT results_eq($$SELECT cohort, cohort_retention(k, s, a, '1 month', 'on', timestamptz '2024-01-15 12:00') FROM events GROUP BY 1 ORDER BY 1$$,
                  $$SELECT * FROM pg_temp.ref('1 month', 'on', timestamptz '2024-01-15 12:00') ORDER BY 1$$, 'differential: on, observed_until, 1 month');
SELECT results_eq($$SELECT cohort, cohort_retention(k, s, a, '1 month', 'on_or_after', timestamptz '2024-01-15 12:00') FROM events GROUP BY 1 ORDER BY 1$$,
                  $$SELECT * FROM pg_temp.ref('1 month', 'on_or_after', timestamptz '2024-01-15 12:00') ORDER BY 1$$, 'differential: on_or_after, observed_until, 1 month');
SELECT results_eq($$SELECT cohort, cohort_retention(k, s, a, '7 days', 'on', timestamptz '2023-10-01') FROM events GROUP BY 1 ORDER BY 1$$,
                  $$SELECT * FROM pg_temp.ref('7 days', 'on', timestamptz '2023-10-01') ORDER BY 1$$, 'differential: on, observed_until within the cohorts, 7 days');
SELECT results_eq($$SELECT cohort, (SELECT array_agg(rate ORDER BY period) FROM unnest(cohort_periods(k, s, a, '7 days', 'on_or_after', timestamptz '2023-10-01'))) FROM events GROUP BY 1 ORDER BY 1$$,
                  $$SELECT * FROM pg_temp.ref('7 days', 'on_or_after', timestamptz '2023-10-01') ORDER BY 1$$, 'differential: the long form''s rates');
SELECT is((SELECT count(*) FROM (SELECT cohort_periods(k, s, a, '1 month', 'on', timestamptz '2024-01-15 12:00') cp FROM events GROUP BY cohort) q, unnest(cp) u
            WHERE u.customers < u.active OR u.active < 0 OR (u.customers = 0) <> (u.rate IS NULL)), 0::bigint,
          'the long form: 0 <= active <= customers, rate NULL exactly when no customer counts');
SELECT is((SELECT bool_and(x) FROM (
    SELECT cohort_retention(k, s, a, '1 month', 'on_or_after') = cohort_retention(c4, s, a, '1 month', 'on_or_after')
       AND cohort_retention(k, s, a, '1 month', 'on_or_after') = cohort_retention(ctext, s, a, '1 month', 'on_or_after')
       AND cohort_retention(k, s, a, '1 month', 'on_or_after') = cohort_retention(cuuid, s, a, '1 month', 'on_or_after') AS x
    FROM events GROUP BY cohort) q), true, 'int4, int8, text and uuid keys agree');
SELECT is((SELECT bool_and(x) FROM (
    SELECT cohort_retention(k, s::date, a::date, '1 month', 'on', date '2024-01-15') =
           (SELECT array_agg(r ORDER BY o) FROM unnest(cohort_retention(k, (s::date)::timestamptz, (a::date)::timestamptz, '1 month', 'on', timestamptz '2024-01-15')) WITH ORDINALITY u(r, o)) AS x
    FROM events GROUP BY cohort) q), true, 'the date form equals the timestamptz form at midnights');

-- Brackets against plain SQL: per cohort, customers active in each bracket.
CREATE FUNCTION pg_temp.ref_brackets(b interval[]) RETURNS TABLE (cohort timestamptz, r float8[]) LANGUAGE sql STABLE AS $$
WITH cust AS (SELECT cohort, k, min(s) AS s FROM events WHERE k IS NOT NULL AND a IS NOT NULL GROUP BY cohort, k),
     act AS (SELECT DISTINCT e.cohort, e.k, i FROM events e, generate_series(1, array_length(b, 1) - 1) i
             WHERE e.k IS NOT NULL AND e.a >= e.s + b[i] AND e.a < e.s + b[i + 1])
SELECT c.cohort, array_agg(100.0::float8 * (SELECT count(*) FROM act WHERE act.cohort = c.cohort AND act.i = g) / c.n ORDER BY g)
FROM (SELECT cohort, count(*) AS n FROM cust GROUP BY cohort) c, generate_series(1, array_length(b, 1) - 1) g
GROUP BY c.cohort, c.n
$$;
SELECT results_eq($$SELECT cohort, cohort_retention_brackets(k, s, a, ARRAY['0 days', '1 day', '7 days', '30 days', '90 days', '1 year']::interval[]) FROM events GROUP BY 1 ORDER BY 1$$,
                  $$SELECT * FROM pg_temp.ref_brackets(ARRAY['0 days', '1 day', '7 days', '30 days', '90 days', '1 year']::interval[]) ORDER BY 1$$,
                  'differential: brackets of days and a year');
SELECT results_eq($$SELECT cohort, cohort_retention_brackets(cuuid, s, a, ARRAY['2 days', '3 months', '6 months']::interval[]) FROM events GROUP BY 1 ORDER BY 1$$,
                  $$SELECT * FROM pg_temp.ref_brackets(ARRAY['2 days', '3 months', '6 months']::interval[]) ORDER BY 1$$,
                  'differential: brackets of months, uuid keys');
SELECT is((SELECT cohort_retention_brackets(x) FROM (SELECT cohort_retention_brackets_state(ctext, s, a, ARRAY['0 days', '30 days', '60 days']::interval[]) x FROM events GROUP BY a::date) q),
          (SELECT cohort_retention_brackets(ctext, s, a, ARRAY['0 days', '30 days', '60 days']::interval[]) FROM events),
          'brackets rollup: daily states merged give the direct result');
SELECT is((SELECT s::text::cohort_retention_brackets_state::text = s::text FROM (SELECT cohort_retention_brackets_state(ctext, s, a, ARRAY['0 days', '30 days', '60 days']::interval[]) s FROM events) q), true,
          'brackets: text round trip');
SELECT throws_ok($$SELECT 'v1 brackets=0:7:0,0:1:0 | v1 int period=1us {1:1:0:1}'::cohort_retention_brackets_state$$, '22P02', NULL, 'forged: decreasing brackets');
-- the members' bits are checked on input (22P02; receive in
-- test/state_binary.sql), next to a control that differs only in the bit at fault
SELECT lives_ok($$SELECT 'v1 brackets=0:0:0,0:7:0 | v1 int period=1us {1:2:0:11}'::cohort_retention_brackets_state$$,
                'control: a member active in the last bracket reads');
SELECT throws_ok($$SELECT 'v1 brackets=0:0:0,0:7:0 | v1 int period=1us {1:2:0:101}'::cohort_retention_brackets_state$$, '22P02',
                 'invalid cohort_retention_brackets_state value',
                 'forged: a customer active in a bracket beyond the brackets is 22P02 on input');
SELECT throws_ok($$SELECT 'v1 brackets=0:0:0,0:7:0 | v1 int period=1us {1:2:0:01}'::cohort_retention_brackets_state$$, '22P02',
                 'invalid cohort_retention_brackets_state value',
                 'forged: a customer not marked as a member of the cohort is 22P02 on input');

-- Recurring retention against the plain SQL of its definition.
CREATE FUNCTION pg_temp.ref_recurring(p interval, o timestamptz) RETURNS float8[] LANGUAGE sql STABLE AS $$
WITH act AS (SELECT DISTINCT k, pg_temp.ref_idx(o, a, p) AS j FROM events WHERE k IS NOT NULL AND a IS NOT NULL),
     top AS (SELECT max(j) AS jj FROM act)
SELECT array_agg((SELECT 100.0::float8 * (SELECT count(*) FROM act x JOIN act y ON y.k = x.k AND y.j = x.j + l)
                         / nullif((SELECT count(*) FROM act WHERE j <= top.jj - l), 0)) ORDER BY l)
FROM top, generate_series(0, top.jj) l
$$;
SELECT is((SELECT recurring_retention(k, a, '1 month', timestamptz '2023-01-01') FROM events), pg_temp.ref_recurring('1 month', '2023-01-01'),
          'differential: recurring retention, 1 month');
SELECT is((SELECT recurring_retention(ctext, a, '14 days', timestamptz '2023-01-01') FROM events), pg_temp.ref_recurring('14 days', '2023-01-01'),
          'differential: recurring retention, 14 days, text keys');

-- ===================================================================
-- Parallel, rollups
-- ===================================================================
CREATE TEMP TABLE serial AS
SELECT cohort_retention(k, s, a, '1 month', 'on_or_after', timestamptz '2024-01-15') r, recurring_retention(k, a, '1 month', timestamptz '2023-01-01') rr,
       cohort_periods(cuuid, s, a, '7 days', 'on')::text cp FROM events;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT matches(pg_temp.plan_of($$SELECT cohort_retention(k, s, a, '1 month', 'on_or_after', timestamptz '2024-01-15'), recurring_retention(k, a, '1 month', timestamptz '2023-01-01'), cohort_periods(cuuid, s, a, '7 days', 'on') FROM events$$),
               'Gather.*Partial Aggregate', 'parallel plan: Gather over a Partial Aggregate');
CREATE TEMP TABLE par AS
SELECT cohort_retention(k, s, a, '1 month', 'on_or_after', timestamptz '2024-01-15') r, recurring_retention(k, a, '1 month', timestamptz '2023-01-01') rr,
       cohort_periods(cuuid, s, a, '7 days', 'on')::text cp FROM events;
SELECT is((SELECT r FROM par), (SELECT r FROM serial), 'parallel equals serial: cohort_retention, on_or_after, observed_until');
SELECT is((SELECT rr FROM par), (SELECT rr FROM serial), 'parallel equals serial: recurring_retention');
SELECT is((SELECT cp FROM par), (SELECT cp FROM serial), 'parallel equals serial: cohort_periods');
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

CREATE TEMP TABLE daily AS
SELECT cohort, a::date AS d, cohort_periods_state(k, s, a, '1 month', 'on_or_after', timestamptz '2024-01-15') m,
       recurring_retention_state(ctext, a, '1 month', timestamptz '2023-01-01') rs
FROM events GROUP BY 1, 2;
SELECT results_eq($$SELECT cohort, cohort_retention(m), cohort_periods(m)::text FROM daily GROUP BY 1 ORDER BY 1$$,
                  $$SELECT cohort, cohort_retention(k, s, a, '1 month', 'on_or_after', timestamptz '2024-01-15'), cohort_periods(k, s, a, '1 month', 'on_or_after', timestamptz '2024-01-15')::text
                    FROM events GROUP BY 1 ORDER BY 1$$,
                  'rollup: daily states merged per cohort give the direct result');
SELECT is((SELECT recurring_retention(rs) FROM daily), (SELECT recurring_retention(ctext, a, '1 month', timestamptz '2023-01-01') FROM events),
          'rollup: recurring retention from daily states');
SELECT is((SELECT cohort_periods_state(m)::text FROM (SELECT cohort, date_trunc('month', d) mo, cohort_periods_state(m) m FROM daily GROUP BY 1, 2) q),
          (SELECT cohort_periods_state(k, s, a, '1 month', 'on_or_after', timestamptz '2024-01-15')::text FROM events),
          'rollup, two levels: daily -> monthly -> all states are identical to the direct state');
SELECT is((SELECT recurring_retention_state(rs)::text FROM daily),
          (SELECT recurring_retention_state(ctext, a, '1 month', timestamptz '2023-01-01')::text FROM events),
          'recurring rollup: the merged state is identical to the direct state');

-- ===================================================================
-- State text and binary forms, forged states
-- ===================================================================
SELECT is(cohort_periods_state(c, s, t, '1 month', 'on_or_after', date '2024-03-01')::text,
          'v1 mode=on_or_after observed_until=8826d | v1 int period=1mon {1:2:757382400000000:101,2:2:757382400000000:11,3:1:757382400000000:1}',
          'text form: the mode, observed_until (a date: days since 2000-01-01), then the cohort_retention_state') FROM m;
SELECT is((SELECT s::text::cohort_periods_state::text = s::text FROM (SELECT cohort_periods_state(ctext, s, a, '1 day', 'on', timestamptz '2024-01-15') s FROM events) q), true,
          'text round trip (text keys, 1 day, observed_until)');
SELECT is((SELECT s::text::recurring_retention_state::text = s::text FROM (SELECT recurring_retention_state(cuuid, a, '1 month', timestamptz '2023-01-01') s FROM events) q), true,
          'recurring: text round trip (uuid keys)');
SELECT is(cohort_retention('v1 mode=on_or_after | v1 int period=1mon {1:2:0:101,2:1:0:1}'::cohort_periods_state), ARRAY[100, 50, 50]::float8[],
          'a state typed in gives the metric');
SELECT is('v1 empty'::cohort_periods_state::text, 'v1 empty', 'the empty state round trip');
SELECT is(cohort_retention('v1 empty'::cohort_periods_state), NULL, 'the empty state gives NULL');
SELECT throws_ok($$SELECT 'v1 mode=off | v1 int period=1mon {1:1:0:1}'::cohort_periods_state$$, '22P02', NULL, 'forged: unknown mode');
SELECT throws_ok($$SELECT 'v1 mode=on | v1 int period=1mon {1:1:0:10}'::cohort_periods_state$$, '22P02', NULL, 'forged: a bad wrapped state');
SELECT throws_ok($$SELECT 'v1 mode=on | v1 int period=1mon {1:1:0:11}'::cohort_periods_state$$, '22P02', NULL, 'forged: a wrapped customer with one row and two active periods');
SELECT throws_ok($$SELECT 'v1 brackets=0:0:0,0:7:0 | v1 int period=1us {1:1:0:11}'::cohort_retention_brackets_state$$, '22P02', NULL, 'forged: a bracket customer with one row and two active periods');
SELECT is(cohort_retention_brackets('v1 brackets=0:0:0,0:7:0 | v1 int period=1us {1:2:0:11}'::cohort_retention_brackets_state), ARRAY[100]::float8[], 'a bracket row counts two (the cohort and its bracket)');
SELECT throws_ok($$SELECT 'v1 mode=on observed_until=99999999999d | v1 int period=1mon {1:1:0:1}'::cohort_periods_state$$, '22P02', NULL, 'forged: observed_until out of range');
SELECT throws_ok($$SELECT 'v1 mode=on | v1 int period=1mon {1:1:0:1}'::recurring_retention_state$$, '22P02', NULL, 'forged: a mode in a recurring state');

CREATE FUNCTION pg_temp.bin_path() RETURNS text LANGUAGE sql AS
$$ SELECT '/tmp/retention_product_' || pg_backend_pid() || '.bin' $$;
CREATE FUNCTION pg_temp.copy_out(q text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN EXECUTE format('COPY (%s) TO %L (FORMAT binary)', q, pg_temp.bin_path()); END $$;
CREATE FUNCTION pg_temp.copy_in(typ text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text;
BEGIN
    EXECUTE format('CREATE TEMP TABLE bin_rt (s %s)', typ);
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
DO $d$ BEGIN PERFORM pg_temp.copy_out($$SELECT cohort_periods_state(ctext, s, a, '1 day', 'on_or_after', timestamptz '2024-01-15') FROM events$$); END $d$;
SELECT is(pg_temp.copy_in('cohort_periods_state'), (SELECT cohort_periods_state(ctext, s, a, '1 day', 'on_or_after', timestamptz '2024-01-15')::text FROM events),
          'binary round trip through COPY');
SELECT throws_ok($$SELECT pg_temp.copy_in('recurring_retention_state')$$, '22P03', NULL, 'forged binary: a state of the other wrapper type');
-- COPY header 19 bytes, field count 2, length 4: the state from byte 25 is
-- version, kind, flags, mode (1 byte each), observed_until (8 bytes).
DO $d$ BEGIN PERFORM pg_temp.copy_out($$SELECT 'v1 mode=on | v1 int period=1mon {1:1:0:1}'::cohort_periods_state$$); END $d$;
SELECT is(pg_temp.copy_in('cohort_periods_state'), 'v1 mode=on | v1 int period=1mon {1:1:0:1}', 'binary round trip, small');
DO $d$ BEGIN PERFORM pg_temp.forge(28, 3); END $d$;
SELECT throws_ok($$SELECT pg_temp.copy_in('cohort_periods_state')$$, '22P03', NULL, 'forged binary: unknown mode');
DO $d$ BEGIN PERFORM pg_temp.forge(28, 1), pg_temp.forge(27, 5); END $d$;
SELECT throws_ok($$SELECT pg_temp.copy_in('cohort_periods_state')$$, '22P03', NULL, 'forged binary: a date observed_until flag without observed_until');
DO $d$ BEGIN PERFORM pg_temp.forge(27, 1); END $d$;
SELECT is(pg_temp.copy_in('cohort_periods_state'), 'v1 mode=on | v1 int period=1mon {1:1:0:1}', 'the repaired file reads back (the forgeries hit the intended bytes)');
DO $$ BEGIN EXECUTE format('COPY (SELECT 1) TO PROGRAM %L', 'cat >/dev/null; rm -f ' || pg_temp.bin_path()); END $$;

SELECT * FROM finish();
ROLLBACK;
