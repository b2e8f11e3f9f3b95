-- pgTAP tests of lifecycle over timestamptz and timestamp period starts
-- (issue 24; sql/install/61_lifecycle_timestamps.sql,
-- src/lifecycle_timestamps.c).  Hand-labelled rows, the session time zone
-- across daylight saving time, a period with a time part, every error with
-- its SQLSTATE, and a differential check against lag() in plain SQL.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only on
\pset pager off

BEGIN;
SELECT plan(24);

SET LOCAL TimeZone = 'America/New_York';

-- Orders of two customers with timestamptz columns, as an ORM creates them.
CREATE TABLE orders_tz(customer int, ordered_at timestamptz);
INSERT INTO orders_tz VALUES
    (1, '2024-01-15 10:00'), (1, '2024-02-03 08:00'), (1, '2024-02-20 08:00'),
    (1, '2024-03-09 23:30'), (1, '2024-05-01 00:00'),
    (2, '2024-03-10 12:00'), (2, '2024-04-01 00:00'), (2, '2024-11-02 09:00'), (2, '2024-12-01 00:00'),
    (3, NULL);
-- One row per customer and month (date_trunc in New York time; March 10
-- and November 3, 2024 change daylight saving time).
CREATE TABLE monthly AS
SELECT DISTINCT customer, date_trunc('month', ordered_at) AS m FROM orders_tz;

-- Hand labels: 1: Jan new, Feb retained, Mar retained, May resurrected;
-- 2: Mar new, Apr retained (across the spring change), Nov resurrected,
-- Dec retained (across the autumn change); 3: a NULL start is NULL.
SELECT results_eq(
    $$SELECT customer, to_char(m, 'YYYY-MM'), lifecycle(m) OVER (PARTITION BY customer ORDER BY m)
        FROM monthly ORDER BY customer, m$$,
    $$VALUES (1, '2024-01', 'new'), (1, '2024-02', 'retained'), (1, '2024-03', 'retained'), (1, '2024-05', 'resurrected'),
             (2, '2024-03', 'new'), (2, '2024-04', 'retained'), (2, '2024-11', 'resurrected'), (2, '2024-12', 'retained'),
             (3, NULL, NULL)$$,
    'lifecycle(timestamptz): months in the session time zone, across daylight saving time');
SELECT results_eq(
    $$SELECT customer, to_char(m, 'YYYY-MM'), lifecycle(m::timestamp) OVER (PARTITION BY customer ORDER BY m)
        FROM monthly ORDER BY customer, m$$,
    $$VALUES (1, '2024-01', 'new'), (1, '2024-02', 'retained'), (1, '2024-03', 'retained'), (1, '2024-05', 'resurrected'),
             (2, '2024-03', 'new'), (2, '2024-04', 'retained'), (2, '2024-11', 'resurrected'), (2, '2024-12', 'retained'),
             (3, NULL, NULL)$$,
    'lifecycle(timestamp): the same labels');
SELECT results_eq(
    $$SELECT lifecycle(m, interval '1 month') OVER w, lifecycle(m) OVER w FROM monthly WINDOW w AS (PARTITION BY customer ORDER BY m) ORDER BY customer, m$$,
    $$SELECT lifecycle(m::date, interval '1 month') OVER w, lifecycle(m::date) OVER w FROM monthly WINDOW w AS (PARTITION BY customer ORDER BY m) ORDER BY customer, m$$,
    'lifecycle(timestamptz [, 1 month]) = lifecycle(date [, 1 month]) on the same months');

-- The same months in UTC are not month starts in New York: a timestamptz
-- truncated in another zone is one period + 5 hours after the previous
-- one, and the step is computed in the session's zone.
SELECT results_eq(
    $$SELECT lifecycle(m) OVER (ORDER BY m) FROM (VALUES (timestamptz '2024-01-01 00:00+00'), ('2024-02-01 00:00+00')) v(m)$$,
    $$VALUES ('new'), ('retained')$$,
    'lifecycle(timestamptz): UTC month starts step by a month in New York too (the same wall-clock offset)');
SELECT results_eq(
    $$SELECT lifecycle(m) OVER (ORDER BY m) FROM (VALUES (timestamptz '2024-03-01 00:00-05'), ('2024-04-01 00:00-05')) v(m)$$,
    $$VALUES ('new'), ('resurrected')$$,
    'lifecycle(timestamptz): 2024-04-01 00:00-05 is 01:00 local, an hour past one month, so resurrected');

-- Weeks and hours.
SELECT results_eq(
    $$SELECT lifecycle(w, '1 week') OVER (ORDER BY w) FROM (VALUES (timestamp '2024-01-01'), ('2024-01-08'), ('2024-01-22')) v(w)$$,
    $$VALUES ('new'), ('retained'), ('resurrected')$$,
    'lifecycle(timestamp, 1 week)');
SELECT results_eq(
    $$SELECT lifecycle(h, '1 hour') OVER (ORDER BY h) FROM (VALUES (timestamptz '2024-03-10 01:00'), ('2024-03-10 03:00'), ('2024-03-10 04:00'), ('2024-03-10 06:00')) v(h)$$,
    $$VALUES ('new'), ('retained'), ('retained'), ('resurrected')$$,
    'lifecycle(timestamptz, 1 hour): 01:00 EST + 1 hour is 03:00 EDT (the spring change)');

-- No rows, one row, all NULL.
SELECT is_empty($$SELECT lifecycle(m) OVER () FROM monthly WHERE false$$, 'no rows: no labels');
SELECT results_eq($$SELECT lifecycle(timestamptz '2024-01-01') OVER ()$$, $$VALUES ('new')$$, 'one row is new');
SELECT results_eq($$SELECT lifecycle(t) OVER (ORDER BY t) FROM (VALUES (NULL::timestamp), (NULL)) v(t)$$,
    $$VALUES (NULL::text), (NULL)$$, 'all NULL: NULL labels');
SELECT results_eq($$SELECT lifecycle(t) OVER (ORDER BY t) FROM (VALUES (timestamp '2024-01-01'), (NULL), ('2024-02-01')) v(t)$$,
    $$VALUES ('new'), ('retained'), (NULL)$$, 'a NULL among starts is NULL and not activity');

-- Errors.
SELECT throws_ok($$SELECT lifecycle(t) OVER (ORDER BY t DESC) FROM (VALUES (timestamptz '2024-01-01'), ('2024-02-01')) v(t)$$,
    '22023', NULL, 'rows out of order are 22023');
SELECT throws_ok($$SELECT lifecycle(t) OVER (ORDER BY t) FROM (VALUES (timestamp '2024-01-01'), ('2024-01-01')) v(t)$$,
    '22023', 'period_start 2024-01-01 00:00:00 is not after the previous row''s 2024-01-01 00:00:00', 'a repeated start is 22023 and names it');
SELECT throws_ok($$SELECT lifecycle(t) OVER (ORDER BY t) FROM (VALUES (timestamp '2024-01-01'), ('2024-01-15')) v(t)$$,
    '22023', 'period_start 2024-01-15 00:00:00 is less than one period after the previous row''s 2024-01-01 00:00:00',
    'a start less than a period later is 22023');
SELECT throws_ok($$SELECT lifecycle(t, NULL) OVER (ORDER BY t) FROM (VALUES (timestamptz '2024-01-01')) v(t)$$,
    '22004', 'period must not be null', 'a NULL period is 22004');
SELECT throws_ok($$SELECT lifecycle(t, '0 days') OVER (ORDER BY t) FROM (VALUES (timestamp '2024-01-01')) v(t)$$,
    '22023', 'period 00:00:00 is not a positive interval', 'a zero period is 22023');
SELECT throws_ok($$SELECT lifecycle(t, '1 month -1 day') OVER (ORDER BY t) FROM (VALUES (timestamp '2024-01-01')) v(t)$$,
    '22023', 'period 1 mon -1 days is not a positive interval', 'a period with a negative part is 22023');
SELECT throws_ok($$SELECT lifecycle(t, p) OVER (ORDER BY t) FROM (VALUES (timestamp '2024-01-01', interval '1 month'), ('2024-02-01', '1 week')) v(t, p)$$,
    '22023', 'period changes within one partition: 1 mon and 7 days', 'a period that changes in a partition is 22023');
SELECT throws_ok($$SELECT lifecycle(t) OVER (ORDER BY t) FROM (VALUES (timestamptz 'infinity')) v(t)$$,
    '22023', 'period_start infinity is not finite', 'an infinite start is 22023');
SELECT throws_ok($$SELECT lifecycle(t) OVER (ORDER BY t) FROM (VALUES (timestamp '-infinity')) v(t)$$,
    '22023', 'period_start -infinity is not finite', 'a -infinite start is 22023');

-- Extremes: the last month of the timestamp range.
SELECT results_eq($$SELECT lifecycle(t) OVER (ORDER BY t) FROM (VALUES (timestamp '294276-11-01'), ('294276-12-01')) v(t)$$,
    $$VALUES ('new'), ('retained')$$, 'lifecycle(timestamp) at the end of the range');

-- The argument types resolve without casts (and date still goes to the date form).
SELECT is(pg_typeof(date_trunc('month', now()))::text, 'timestamp with time zone', 'date_trunc of a timestamptz is a timestamptz');
SELECT ok(EXISTS (SELECT 1 FROM pg_proc WHERE oid = 'lifecycle(timestamptz,interval)'::regprocedure AND provolatile = 's'),
    'lifecycle(timestamptz, interval) is STABLE (it depends on TimeZone)');

-- Differential check against lag() in plain SQL: 3 000 random customer
-- months over eight years, in the session zone.
SELECT setseed(0.61);
CREATE TABLE rand_months AS
SELECT DISTINCT (random() * 200)::int AS customer,
       date_trunc('month', timestamptz '2017-01-01' + random() * interval '2900 days') AS m
  FROM generate_series(1, 3000);
SELECT results_eq(
    $$SELECT customer, m, lifecycle(m) OVER (PARTITION BY customer ORDER BY m) FROM rand_months ORDER BY customer, m$$,
    $$SELECT customer, m, CASE WHEN p IS NULL THEN 'new' WHEN p + interval '1 month' = m THEN 'retained' ELSE 'resurrected' END
        FROM (SELECT customer, m, lag(m) OVER (PARTITION BY customer ORDER BY m) AS p FROM rand_months) x ORDER BY customer, m$$,
    'lifecycle(timestamptz) = the lag() formula on random months');

SELECT * FROM finish();
ROLLBACK;
