-- pgTAP tests of cohort_retention (SPEC section 7) on the cohort layout of
-- the distinct-customer set (src/keyset.c, src/cohort.c): int4, int8, text
-- and uuid keys, timestamptz and date forms, periods of days, weeks and
-- months.  Edge cases, every error with its SQLSTATE, extreme values,
-- differential checks against the plain-SQL cohort table (count(DISTINCT
-- customer) per cohort and period) on deterministic random data, parallel
-- and partitionwise plans, a window frame, rollups, state text and binary
-- round trips and forged states.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only on
\pset pager off

BEGIN;
SELECT plan(103);
SET LOCAL TimeZone = 'UTC';

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

-- The period index of an activity, in plain SQL, on wall-clock timestamps:
-- months as age() counts them, days and time by division.
CREATE FUNCTION pg_temp.ref_idx(s timestamp, a timestamp, p interval) RETURNS bigint
LANGUAGE sql STABLE AS $$
SELECT CASE WHEN p >= interval '1 month' AND extract(day FROM p) = 0 AND extract(epoch FROM p) % 86400 = 0
            THEN ((extract(year FROM age(a, s)) * 12 + extract(month FROM age(a, s)))::bigint /
                  (extract(year FROM p) * 12 + extract(month FROM p))::bigint)
            ELSE floor(extract(epoch FROM a - s) / extract(epoch FROM p))::bigint END
$$;

-- 2000 customers, each with a cohort start in 2023 and 1 to 9 activity
-- rows, the first at the start, the others up to ~500 days later (skewed
-- towards the start); 1% NULL customers and 1% NULL activity times.
SELECT setseed(0.2718);
CREATE TABLE cust AS
SELECT i::int8 AS k, timestamptz '2023-01-01' + random() * interval '365 days' AS s
FROM generate_series(1, 2000) i;
CREATE TABLE events AS
SELECT CASE WHEN random() < 0.01 THEN NULL ELSE c.k END AS k, c.s,
       CASE WHEN random() < 0.01 THEN NULL WHEN g = 1 THEN c.s
            ELSE c.s + random() * random() * interval '500 days' END AS a
FROM cust c, generate_series(1, 1 + (c.k % 9)::int) g;
ALTER TABLE events ADD COLUMN c4 int4, ADD COLUMN ctext text, ADD COLUMN cuuid uuid, ADD COLUMN cohort timestamptz;
UPDATE events SET c4 = k::int4, ctext = 'cust-' || k, cuuid = md5(k::text)::uuid,
    cohort = date_trunc('month', s);
ANALYZE events;

-- cohort_retention per cohort month for key column k and period p, each
-- element rounded (the date form when dates).
CREATE FUNCTION pg_temp.q_ext(k text, p text, dates bool DEFAULT false) RETURNS text LANGUAGE sql AS $$
SELECT format($q$
SELECT cohort, (SELECT array_agg(round(x::numeric, 9) ORDER BY o)
                FROM unnest(cohort_retention(%1$s, s%3$s, a%3$s, %2$L)) WITH ORDINALITY u(x, o))
FROM events GROUP BY cohort ORDER BY 1$q$, k, p, CASE WHEN dates THEN '::date' ELSE '' END)
$$;

-- The plain SQL: distinct customers per cohort and period over distinct
-- customers per cohort, periods without activity 0, up to the last active.
CREATE FUNCTION pg_temp.q_ref(k text, p text, dates bool DEFAULT false) RETURNS text LANGUAGE sql AS $$
SELECT format($q$
WITH e AS (
    SELECT cohort, %1$s k, pg_temp.ref_idx(s%3$s::timestamp, a%3$s::timestamp, %2$L) i
    FROM events WHERE %1$s IS NOT NULL AND a IS NOT NULL),
n AS (SELECT cohort, count(DISTINCT k) n, max(i) m FROM e GROUP BY cohort),
r AS (SELECT cohort, i, count(DISTINCT k) x FROM e GROUP BY cohort, i)
SELECT n.cohort, (SELECT array_agg(round(100.0 * coalesce(r.x, 0) / n.n, 9) ORDER BY g)
                  FROM generate_series(0, n.m) g LEFT JOIN r ON r.cohort = n.cohort AND r.i = g)
FROM n ORDER BY 1$q$, k, p, CASE WHEN dates THEN '::date' ELSE '' END)
$$;

-- ===================================================================
-- Differential checks against the plain-SQL cohort table
-- ===================================================================
SELECT results_eq(pg_temp.q_ext('k', '1 month'), pg_temp.q_ref('k', '1 month'), 'int8 keys, 1 month: equals the plain-SQL cohort table');
SELECT results_eq(pg_temp.q_ext('c4', '7 days'), pg_temp.q_ref('c4', '7 days'), 'int4 keys, 7 days: equals the plain-SQL cohort table');
SELECT results_eq(pg_temp.q_ext('ctext', '1 day'), pg_temp.q_ref('ctext', '1 day'), 'text keys, 1 day: equals the plain-SQL cohort table');
SELECT results_eq(pg_temp.q_ext('cuuid', '1 month'), pg_temp.q_ref('cuuid', '1 month'), 'uuid keys, 1 month: equals the plain-SQL cohort table');
SELECT results_eq(pg_temp.q_ext('k', '3 months'), pg_temp.q_ref('k', '3 months'), 'int8 keys, 3 months (quarters): equals the plain SQL');
SELECT results_eq(pg_temp.q_ext('ctext', '1 week'), pg_temp.q_ref('ctext', '1 week'), 'text keys, 1 week: equals the plain SQL');
SELECT results_eq(pg_temp.q_ext('k', '12 hours'), pg_temp.q_ref('k', '12 hours'), 'int8 keys, 12 hours: equals the plain SQL');
SELECT results_eq(pg_temp.q_ext('c4', '1 month', true), pg_temp.q_ref('c4', '1 month', true), 'date form, int4 keys, 1 month: equals the plain SQL on dates');
SELECT results_eq(pg_temp.q_ext('cuuid', '7 days', true), pg_temp.q_ref('cuuid', '7 days', true), 'date form, uuid keys, 7 days: equals the plain SQL on dates');
SET LOCAL TimeZone = 'America/New_York';
SELECT results_eq(pg_temp.q_ext('k', '1 month'), pg_temp.q_ref('k', '1 month'), 'America/New_York, 1 month: months counted on local time, as age() does');
SELECT results_eq(pg_temp.q_ext('ctext', '1 day'), pg_temp.q_ref('ctext', '1 day'), 'America/New_York, 1 day: calendar days across DST changes');
SET LOCAL TimeZone = 'UTC';
SELECT ok((SELECT count(*) FROM events WHERE k IS NULL) > 50 AND (SELECT count(*) FROM events WHERE a IS NULL) > 50
          AND (SELECT count(DISTINCT cohort) FROM events) = 12,
          'the data has NULL customers, NULL activity and 12 cohort months');
SELECT is((SELECT (cohort_retention(k, s, a, '1 month'))[1] FROM events WHERE cohort = '2023-05-01'),
          (SELECT 100.0 * count(DISTINCT k) FILTER (WHERE a < s + interval '1 month') / count(DISTINCT k) FROM events
           WHERE cohort = '2023-05-01' AND k IS NOT NULL AND a IS NOT NULL)::float8,
          'element 1 is the share active in the first month');

-- ===================================================================
-- No rows, one row, all NULL, NULLs mixed in
-- ===================================================================
SELECT is((SELECT cohort_retention(k, s, a, '1 month') FROM events WHERE false), NULL, 'no rows: NULL');
SELECT is((SELECT cohort_retention_state(k, s, a, '1 month')::text FROM events WHERE false), NULL, 'no rows: the state is NULL');
SELECT is((SELECT cohort_retention(1, timestamptz '2024-01-01', timestamptz '2024-01-01', '1 month')), ARRAY[100]::float8[], 'one row at the start: {100}');
SELECT is((SELECT cohort_retention(1, timestamptz '2024-01-01', timestamptz '2024-03-05', '1 month')), ARRAY[0, 0, 100]::float8[],
          'one row two months on: {0,0,100}');
SELECT is((SELECT cohort_retention(c, s, a, '1 day') FROM (VALUES (NULL::int, timestamptz '2024-01-01', timestamptz '2024-01-01'), (1, NULL, timestamptz '2024-01-01'), (1, timestamptz '2024-01-01', NULL)) v(c, s, a)),
          NULL, 'all rows with a NULL customer, cohort_start or active_at: NULL');
SELECT is((SELECT cohort_retention(c, s, a, '1 week') FROM (VALUES (1, date '2024-01-01', date '2024-01-01'), (1, date '2024-01-01', date '2024-01-09'),
                                                                    (2, date '2024-01-01', date '2024-01-03'), (NULL, date '2024-01-01', date '2024-01-01'),
                                                                    (3, date '2024-01-01', NULL), (4, date '2024-01-01', date '2024-01-20')) v(c, s, a)),
          ARRAY[200.0 / 3, 100.0 / 3, 100.0 / 3]::float8[], 'NULLs mixed in are skipped; a customer with only a NULL activity is not a member');
SELECT is((SELECT cohort_retention(c, s, a, '1 month') FROM (VALUES (1, timestamptz '2024-01-31', timestamptz '2024-02-29'), (2, timestamptz '2024-01-31', timestamptz '2024-03-01')) v(c, s, a)),
          ARRAY[50, 50]::float8[], 'months as age() counts them: Jan 31 to Feb 29 is month 0, to Mar 1 month 1');
SELECT is((SELECT cohort_retention(c, s, a, '1 day') FROM (VALUES (1, timestamptz '2024-01-01 10:00', timestamptz '2024-01-02 09:59'), (1, timestamptz '2024-01-01 10:00', timestamptz '2024-01-02 10:00')) v(c, s, a)),
          ARRAY[100, 100]::float8[], 'a day period counts from the cohort start''s time of day');
SELECT is((SELECT cohort_retention(c, s, a, '1 month') FROM (VALUES ('a', timestamptz '2024-01-01', timestamptz '2024-01-01'), ('b', timestamptz '2024-01-15', timestamptz '2024-02-20')) v(c, s, a)),
          ARRAY[50, 50]::float8[], 'each customer counts from its own cohort start; a customer active only in a later period is still a member');

-- ===================================================================
-- Errors
-- ===================================================================
SELECT throws_ok($$SELECT cohort_retention(1, timestamptz '2024-02-01', timestamptz '2024-01-31', '1 month')$$, '22023',
                 'active_at 2024-01-31 00:00:00+00 is before its cohort_start 2024-02-01 00:00:00+00', 'activity before the cohort start is 22023 naming both');
SELECT throws_ok($$SELECT cohort_retention(1, date '2024-02-01', date '2024-01-31', '1 month')$$, '22023',
                 'active_at 2024-01-31 is before its cohort_start 2024-02-01', 'date form: activity before the cohort start is 22023');
SELECT throws_ok($$SELECT cohort_retention(1, now(), now(), '0 days')$$, '22023', 'period ''00:00:00'' is out of range', 'a zero period is 22023');
SELECT throws_ok($$SELECT cohort_retention(1, now(), now(), '-1 month')$$, '22023', 'period ''-1 mons'' is out of range', 'a negative period is 22023');
SELECT throws_ok($$SELECT cohort_retention(1, now(), now(), '1 day -25 hours')$$, '22023', NULL, 'a period of days and time adding up to less than 0 is 22023');
SELECT throws_ok($$SELECT cohort_retention(1, now(), now(), NULL)$$, '22023', 'period NULL is out of range', 'a NULL period is 22023');
SELECT throws_ok($$SELECT cohort_retention(1, now(), now(), '1 month 15 days')$$, '22023', 'period ''1 mon 15 days'' is out of range', 'a period mixing months and days is 22023');
SELECT throws_ok($$SELECT cohort_retention(1, now(), now(), '2147483647 days')$$, '22023', NULL, 'a period beyond the timestamp range is 22023');
SELECT throws_ok($$SELECT cohort_retention(c, now(), now(), p) FROM (VALUES (1, interval '1 day'), (2, interval '2 days')) v(c, p)$$, '22023',
                 'period changes from 1d to 2d within one group', 'a period changing within a group is 22023');
SELECT throws_ok($$SELECT cohort_retention(s) FROM (SELECT cohort_retention_state(1, now(), now(), '1 day') UNION ALL SELECT cohort_retention_state(2, now(), now(), '1 month')) v(s)$$,
                 '22023', NULL, 'merging states with different periods is 22023');
SELECT throws_ok($$SELECT cohort_retention(c, s, s, '1 day') FROM (VALUES (1, timestamptz '2024-01-01'), (1, timestamptz '2024-01-02')) v(c, s)$$, '22023',
                 'customer 1 has two cohort starts in one cohort_retention_state: 2024-01-01 00:00:00+00 and 2024-01-02 00:00:00+00',
                 'a customer with two cohort starts in one group is 22023');
SELECT throws_ok($$SELECT cohort_retention(s) FROM (SELECT cohort_retention_state('x'::text, timestamptz '2024-01-01', timestamptz '2024-01-01', '1 day') UNION ALL
                                                     SELECT cohort_retention_state('x'::text, timestamptz '2024-01-03', timestamptz '2024-01-03', '1 day')) v(s)$$,
                 '22023', NULL, 'merging states where a customer has two cohort starts is 22023');
SELECT throws_ok($$SELECT cohort_retention(s) FROM (SELECT cohort_retention_state(1, now(), now(), '1 day') UNION ALL SELECT cohort_retention_state('a'::text, now(), now(), '1 day')) v(s)$$,
                 '22023', NULL, 'merging int and text key states is 22023');
SELECT throws_ok($$SELECT cohort_retention(1, timestamptz '-infinity', now(), '1 day')$$, '22008', NULL, 'an infinite cohort start is 22008');
SELECT throws_ok($$SELECT cohort_retention(1, now(), timestamptz 'infinity', '1 day')$$, '22008', NULL, 'an infinite activity is 22008');
SELECT throws_ok($$SELECT cohort_retention(1, date '2024-01-01', date 'infinity', '1 day')$$, '22008', NULL, 'date form: an infinite activity is 22008');
SELECT throws_ok($$SELECT cohort_retention(1, date '294277-01-01', date '294277-01-02', '1 day')$$, '22008', NULL, 'date form: a cohort start beyond the timestamp range is 22008');
SELECT is((SELECT cohort_retention_state(1, date '2024-01-01', date '2024-02-03', '1 month')::text FROM (SELECT set_config('TimeZone', 'Asia/Tokyo', true)) z),
          'v1 int period=1mon {1:1:757382400000000:01}', 'date form: the stored start is the date''s midnight UTC, whatever the TimeZone');
SET LOCAL TimeZone = 'UTC';
SELECT throws_ok($$SELECT cohort_retention(1, timestamptz '2000-01-01', timestamptz '2024-01-01', '1 second')$$, '54000', NULL,
                 'more than 10 million periods is 54000');
-- A period of a microsecond over 100 s of activity: 100 million periods,
-- refused before a 12.5 MB bitmap is allocated for the row.
SELECT throws_ok($$SELECT cohort_retention(c, timestamptz '2024-01-01', timestamptz '2024-01-01' + g * interval '1 second', '1 microsecond')
                   FROM generate_series(1, 100) g, generate_series(1, 40) c$$, '54000', NULL,
                 'a period of 1 microsecond over 100 s is 54000');
SELECT is((SELECT array_length(cohort_retention(1, timestamptz '2024-01-01', timestamptz '2024-01-01' + interval '9.999999 seconds', '1 microsecond'), 1)),
          10000000, 'the last period index that fits: 9 999 999');
SELECT throws_ok($$SELECT cohort_retention(1, timestamptz '2024-01-01', timestamptz '2024-01-01' + interval '10 seconds', '1 microsecond')$$, '54000', NULL,
                 'one period more is 54000');

-- ===================================================================
-- Extreme values
-- ===================================================================
SELECT is((SELECT array_length(cohort_retention(1, timestamptz '4713-11-24 00:00:00+00 BC', timestamptz '294276-12-31 23:59:59+00', '1000 years'), 1)),
          (298989 / 1000 + 1), 'the whole timestamptz range in periods of 1000 years');
SELECT is((SELECT array_length(cohort_retention(1, date '4713-11-24 BC', date '5874897-12-31', '1 year'), 1)),
          5879610, 'date form: the whole date range in years (a 5.9-million-element array)');
SELECT is((SELECT r[5001] FROM (SELECT cohort_retention(c, s, a, '1 day') r FROM (VALUES (1, date '2000-01-01', date '2000-01-01'), (2, date '2000-01-01', date '2000-01-01' + 5000)) v(c, s, a)) q),
          50::float8, 'a long array: period 5000 of 1 day');
SELECT is((SELECT cohort_retention_state(1, date '2000-01-01', date '2000-01-01' + 70, '1 day')::text),
          'v1 int period=1d {1:1:0:' || repeat('0', 70) || '1}', 'the text form lists one character per period up to the last active one');
SELECT is((SELECT cohort_retention_state(c, s, a, '1 week')::text FROM (VALUES (-9223372036854775808, timestamptz '2000-01-01', timestamptz '2000-01-01'), (9223372036854775807, timestamptz '2000-01-01', timestamptz '2000-01-20')) v(c, s, a)),
          'v1 int period=7d zone=UTC {-9223372036854775808:1:0:1,9223372036854775807:1:0:001}', 'int8 extremes');
SELECT ok((SELECT pg_column_size(cohort_retention_state(k, s, a, '1 month')) <= 24 + 16 * count(DISTINCT k) FROM events),
          'monthly bitmaps of 2000 customers: at most 16 bytes per customer stored');

-- ===================================================================
-- State text and binary round trips, forged states
-- ===================================================================
SELECT is((SELECT s::text::cohort_retention_state::text = s::text FROM (SELECT cohort_retention_state(k, s, a, '1 day') s FROM events) q), true, 'text round trip (int8, 1 day)');
SELECT is((SELECT s::text::cohort_retention_state::text = s::text FROM (SELECT cohort_retention_state(cuuid, s, a, '1 month') s FROM events) q), true, 'text round trip (uuid, 1 month)');
SELECT is((SELECT s::text::cohort_retention_state::text = s::text FROM (SELECT cohort_retention_state(ctext, s, a, '12 hours') s FROM events) q), true, 'text round trip (text, 12 hours)');
CREATE TEMP TABLE stored AS SELECT cohort_retention_state(ctext, s, a, '1 day') s FROM events;
SELECT is((SELECT s::text FROM stored), (SELECT cohort_retention_state(ctext, s, a, '1 day')::text FROM events),
          'a state larger than a page is stored (toasted) and read back');
SELECT is(cohort_retention('v1 int period=1mon {1:2:0:1,3:1:0:01}'::cohort_retention_state), ARRAY[50, 50]::float8[], 'a state typed in gives the metric');
SELECT is('v1 empty {}'::cohort_retention_state::text, 'v1 empty {}', 'empty state round trip');
SELECT is(cohort_retention('v1 empty {}'::cohort_retention_state), NULL, 'the empty state gives NULL');
SELECT throws_ok($$SELECT 'v2 int period=1d {1:1:0:1}'::cohort_retention_state$$, '22P02', NULL, 'forged: unknown version');
SELECT throws_ok($$SELECT 'v1 int {1:1:0:1}'::cohort_retention_state$$, '22P02', NULL, 'forged: customers without a period');
SELECT throws_ok($$SELECT 'v1 int period=0d {1:1:0:1}'::cohort_retention_state$$, '22P02', NULL, 'forged: zero period');
SELECT throws_ok($$SELECT 'v1 int period=1x {1:1:0:1}'::cohort_retention_state$$, '22P02', NULL, 'forged: period unit');
SELECT throws_ok($$SELECT 'v1 int period=1d {1:1:0:10}'::cohort_retention_state$$, '22P02', NULL, 'forged: periods ending with an inactive one');
SELECT throws_ok($$SELECT 'v1 int period=1d {1:1:0:0}'::cohort_retention_state$$, '22P02', NULL, 'forged: no active period');
SELECT throws_ok($$SELECT 'v1 int period=1d {1:1:0:}'::cohort_retention_state$$, '22P02', NULL, 'forged: empty periods');
SELECT throws_ok($$SELECT 'v1 int period=1d {1:1:0:12}'::cohort_retention_state$$, '22P02', NULL, 'forged: a period character other than 0 and 1');
SELECT throws_ok($$SELECT 'v1 int period=1d {1:1:9223372036854775807:1}'::cohort_retention_state$$, '22P02', NULL, 'forged: cohort start out of range');
SELECT throws_ok($$SELECT 'v1 int period=1d {1:1:0:1,1:1:0:1}'::cohort_retention_state$$, '22P02', NULL, 'forged: duplicate customer');
SELECT throws_ok($$SELECT 'v1 int period=1d {1:0:0:1}'::cohort_retention_state$$, '22P02', NULL, 'forged: zero rows');
SELECT throws_ok($$SELECT 'v1 int period=1d {1:1}'::cohort_retention_state$$, '22P02', NULL, 'forged: an entry without start and periods');
SELECT throws_ok($$SELECT 'v1 int period=1d {1:1:0:111111}'::cohort_retention_state$$, '22P02', NULL, 'forged: one row and six active periods');
SELECT is(cohort_retention('v1 int period=1d {1:6:0:111111}'::cohort_retention_state), ARRAY[100, 100, 100, 100, 100, 100]::float8[], 'six rows and six active periods');

-- ===================================================================
-- TimeZone: the timestamptz form counts in the session's zone, which the
-- state records; states of two zones do not merge
-- ===================================================================
-- By hand: UTC, cohort start Jan 31 23:30: Feb 29 23:30 is 0 whole months
-- later (the 29th comes before the 31st), Mar 1 00:30 is 1; in Tokyo
-- (+09) the start is Feb 1 08:30 and both are 1 month later.
CREATE TEMP TABLE tz_rows (c int, s timestamptz, a timestamptz);
INSERT INTO tz_rows VALUES (1, '2024-01-31 23:30+00', '2024-02-29 23:30+00'), (2, '2024-01-31 23:30+00', '2024-03-01 00:30+00');
SELECT is((SELECT cohort_retention(c, s, a, '1 month') FROM tz_rows), ARRAY[50, 50]::float8[], 'UTC: {50,50}');
SET LOCAL TimeZone = 'Asia/Tokyo';
SELECT is((SELECT cohort_retention(c, s, a, '1 month') FROM tz_rows), ARRAY[0, 100]::float8[], 'Asia/Tokyo: {0,100}');
CREATE TEMP TABLE tz_tokyo AS SELECT cohort_retention_state(c, s, a, '1 month') st FROM tz_rows;
SET LOCAL TimeZone = 'UTC';
CREATE TEMP TABLE tz_utc AS SELECT cohort_retention_state(c, s, a, '1 month') st FROM tz_rows;
SELECT is((SELECT st::text FROM tz_tokyo), 'v1 int period=1mon zone=Asia/Tokyo {1:1:760059000000000:01,2:1:760059000000000:01}',
          'the state records its zone (zone= in the text form)');
SELECT is((SELECT st::text::cohort_retention_state::text FROM tz_tokyo), (SELECT st::text FROM tz_tokyo), 'text round trip with a zone');
SELECT is((SELECT cohort_retention(st) FROM tz_tokyo), ARRAY[0, 100]::float8[], 'a Tokyo state read under UTC keeps its Tokyo result');
SELECT throws_ok($$SELECT cohort_retention(st) FROM (SELECT st FROM tz_tokyo UNION ALL SELECT st FROM tz_utc) u$$, '22023', NULL,
                 'merging states of two zones is 22023');
SELECT throws_ok($$SELECT cohort_retention_state(st) FROM (SELECT st FROM tz_tokyo UNION ALL SELECT 'v1 int period=1mon zone=UTC {3:1:0:1}') u$$, '22023', NULL,
                 'merging a typed-in UTC state into a Tokyo one is 22023');
SELECT is((SELECT cohort_retention_state(st)::text FROM (SELECT st FROM tz_tokyo UNION ALL SELECT 'v1 int period=1mon {3:1:760059000000000:1}') u),
          'v1 int period=1mon zone=Asia/Tokyo {1:1:760059000000000:01,2:1:760059000000000:01,3:1:760059000000000:1}',
          'a state without a zone (1.1''s, or of dates) merges with a zoned one');
SELECT is((SELECT cohort_retention_state(c, s::date, a::date, '1 month')::text FROM tz_rows) ~ 'zone=', false, 'the date form records no zone');
SELECT throws_ok($$SELECT 'v1 int period=1mon zone= {1:1:0:1}'::cohort_retention_state$$, '22P02', NULL, 'forged: an empty zone');
SELECT throws_ok($$SELECT 'v1 int period=1mon zone=a,b {1:1:0:1}'::cohort_retention_state$$, '22P02', NULL, 'forged: a comma in a zone');
SELECT is((SELECT string_agg(p.oid::regprocedure::text || ' ' || p.provolatile::text, ', ' ORDER BY p.oid::regprocedure::text)
           FROM pg_proc p WHERE p.proname IN ('cohort_retention_sfunc', 'cohort_retention_date_sfunc')
             AND p.provolatile <> CASE WHEN p.proname = 'cohort_retention_sfunc' THEN 's' ELSE 'i' END), NULL,
          'the timestamptz transition functions are STABLE, the date ones IMMUTABLE');

CREATE FUNCTION pg_temp.bin_path() RETURNS text LANGUAGE sql AS
$$ SELECT '/tmp/retention_cohort_' || pg_backend_pid() || '.bin' $$;
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
-- Rewrite the file with byte pos (0-based, of the whole COPY file) set to val.
CREATE FUNCTION pg_temp.forge(pos int, val int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE b bytea := set_byte(pg_read_binary_file(pg_temp.bin_path()), pos, val);
BEGIN
    EXECUTE format('COPY (SELECT %L) TO PROGRAM %L', translate(encode(b, 'base64'), E'\n', ''),
                   'base64 -d > ' || pg_temp.bin_path());
END $$;
DO $d$ BEGIN PERFORM pg_temp.copy_out($$SELECT cohort_retention_state(ctext, s, a, '1 day') FROM events$$); END $d$;
SELECT is(pg_temp.copy_in('cohort_retention_state'), (SELECT cohort_retention_state(ctext, s, a, '1 day')::text FROM events),
          'binary round trip through COPY (text keys, 1 day)');
SELECT throws_ok($$SELECT pg_temp.copy_in('stickiness_state')$$, '22P03', NULL, 'forged binary: a state of another type');
-- COPY header 19 bytes, field count 2, length 4: the state starts at byte 25
-- (version, layout, key kind, flags, param, reserved, entries: 20 bytes),
-- then the period (months 2 = zigzag 1, microseconds 0), the key (10 bytes),
-- count, start, number of bit words, the word: bytes 45 .. 60.
DO $d$ BEGIN PERFORM pg_temp.copy_out($$SELECT 'v1 int period=1mon {1:1:0:1}'::cohort_retention_state$$); END $d$;
SELECT is(pg_temp.copy_in('cohort_retention_state'), 'v1 int period=1mon {1:1:0:1}', 'binary round trip');
DO $d$ BEGIN PERFORM pg_temp.forge(60, 0); END $d$;
SELECT throws_ok($$SELECT pg_temp.copy_in('cohort_retention_state')$$, '22P03', NULL, 'forged binary: an empty bitmap');
DO $d$ BEGIN PERFORM pg_temp.forge(60, 1), pg_temp.forge(59, 0); END $d$;
SELECT throws_ok($$SELECT pg_temp.copy_in('cohort_retention_state')$$, '22P03', NULL, 'forged binary: a bitmap of no words');
DO $d$ BEGIN PERFORM pg_temp.forge(59, 1), pg_temp.forge(28, 0); END $d$;
SELECT throws_ok($$SELECT pg_temp.copy_in('cohort_retention_state')$$, '22P03', NULL, 'forged binary: customers without a period');
DO $d$ BEGIN PERFORM pg_temp.forge(28, 4), pg_temp.forge(45, 0); END $d$;
SELECT throws_ok($$SELECT pg_temp.copy_in('cohort_retention_state')$$, '22P03', NULL, 'forged binary: a zero period');
DO $d$ BEGIN PERFORM pg_temp.forge(45, 2), pg_temp.forge(60, 3); END $d$;
SELECT throws_ok($$SELECT pg_temp.copy_in('cohort_retention_state')$$, '22P03', NULL, 'forged binary: one row and two active periods');
DO $d$ BEGIN PERFORM pg_temp.forge(60, 1); END $d$;
SELECT is(pg_temp.copy_in('cohort_retention_state'), 'v1 int period=1mon {1:1:0:1}', 'the repaired file reads back (the forgeries hit the intended bytes)');
DO $$ BEGIN EXECUTE format('COPY (SELECT 1) TO PROGRAM %L', 'cat >/dev/null; rm -f ' || pg_temp.bin_path()); END $$;

-- ===================================================================
-- Rollups: daily states merged per cohort equal the direct result
-- ===================================================================
CREATE TEMP TABLE daily AS
SELECT cohort, a::date AS d, cohort_retention_state(k, s, a, '1 month') m, cohort_retention_state(ctext, s, a, '7 days') w
FROM events GROUP BY 1, 2;
SELECT results_eq(
    $$SELECT cohort, cohort_retention(m), cohort_retention(w) FROM daily GROUP BY 1 ORDER BY 1$$,
    $$SELECT cohort, cohort_retention(k, s, a, '1 month'), cohort_retention(ctext, s, a, '7 days') FROM events GROUP BY 1 ORDER BY 1$$,
    'rollup: daily states merged per cohort give the direct result');
SELECT results_eq(
    $$SELECT cohort_retention_state(m)::text FROM (SELECT cohort, date_trunc('month', d) mo, cohort_retention_state(m) m FROM daily GROUP BY 1, 2) q$$,
    $$SELECT cohort_retention_state(k, s, a, '1 month')::text FROM events$$,
    'rollup, two levels: daily -> monthly -> all states are identical to the direct state');

-- ===================================================================
-- A window frame (no inverse: each frame is recomputed)
-- ===================================================================
CREATE TEMP TABLE w AS SELECT row_number() OVER (ORDER BY k, a) AS n, * FROM events WHERE k <= 150;
SELECT results_eq(
    $$SELECT n, cohort_retention(k, s, a, '1 month') OVER f FROM w WINDOW f AS (ORDER BY n ROWS BETWEEN 10 PRECEDING AND CURRENT ROW) ORDER BY n$$,
    $$SELECT o.n, (SELECT cohort_retention(k, s, a, '1 month') FROM w x WHERE x.n BETWEEN o.n - 10 AND o.n) FROM w o ORDER BY 1$$,
    'a sliding ROWS frame equals the aggregate of each frame');
SELECT results_eq(
    $$SELECT d, cohort_retention(m) OVER f FROM (SELECT d, cohort_retention_state(m) m FROM daily WHERE d IS NOT NULL GROUP BY d) q
      WINDOW f AS (ORDER BY d RANGE BETWEEN interval '6 days' PRECEDING AND CURRENT ROW) ORDER BY d$$,
    $$SELECT d, (SELECT cohort_retention(k, s, a, '1 month') FROM events WHERE a::date BETWEEN q.d - 6 AND q.d)
      FROM (SELECT DISTINCT d FROM daily WHERE d IS NOT NULL) q ORDER BY d$$,
    'a sliding frame over stored daily states equals the direct result of each frame');

-- ===================================================================
-- Many groups: HashAgg (also spilling to disk) equals sorted GroupAggregate
-- ===================================================================
CREATE TEMP TABLE grouped_sorted AS
SELECT k % 397 AS g, cohort_retention_state(ctext, s, a, '1 week')::text st FROM events GROUP BY 1;
SET LOCAL enable_sort = off;
SET LOCAL work_mem = '64kB';
SELECT matches(pg_temp.plan_of($$SELECT k % 397, cohort_retention_state(ctext, s, a, '1 week') FROM events GROUP BY 1$$),
               'HashAggregate', 'many groups: the plan is a HashAggregate');
SELECT results_eq(
    $$SELECT k % 397, cohort_retention_state(ctext, s, a, '1 week')::text FROM events GROUP BY 1 ORDER BY 1$$,
    $$SELECT * FROM grouped_sorted ORDER BY 1$$,
    'many groups: HashAggregate spilling to disk gives the sorted GroupAggregate states');
RESET enable_sort;
RESET work_mem;

-- ===================================================================
-- Forced parallel plans and partitionwise aggregation equal serial
-- ===================================================================
CREATE TEMP TABLE serial AS
SELECT cohort_retention_state(k, s, a, '1 month')::text a, cohort_retention_state(cuuid, s, a, '1 day')::text b,
       cohort_retention(c4, s, a, '7 days') c
FROM events;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
ALTER TABLE events SET (parallel_workers = 2);
SELECT matches(pg_temp.plan_of($$SELECT cohort_retention_state(k, s, a, '1 month') FROM events$$),
               'Partial Aggregate.*Parallel Seq Scan', 'parallel: plan has Partial Aggregate over a parallel scan');
SELECT results_eq(
    $$SELECT cohort_retention_state(k, s, a, '1 month')::text, cohort_retention_state(cuuid, s, a, '1 day')::text,
             cohort_retention(c4, s, a, '7 days') FROM events$$,
    $$SELECT * FROM serial$$, 'parallel: states and result identical to serial');
SELECT results_eq(pg_temp.q_ext('ctext', '1 month'), pg_temp.q_ref('ctext', '1 month'), 'parallel: grouped result equals the plain SQL');
RESET max_parallel_workers_per_gather;

-- partitions by activity time: a customer's periods come from several partitions
CREATE TABLE events_p (LIKE events) PARTITION BY RANGE (a);
CREATE TABLE events_p1 PARTITION OF events_p FOR VALUES FROM (MINVALUE) TO ('2023-07-01');
CREATE TABLE events_p2 PARTITION OF events_p FOR VALUES FROM ('2023-07-01') TO ('2024-01-01');
CREATE TABLE events_p3 PARTITION OF events_p FOR VALUES FROM ('2024-01-01') TO (MAXVALUE);
CREATE TABLE events_p0 PARTITION OF events_p DEFAULT;
INSERT INTO events_p SELECT * FROM events;
ANALYZE events_p;
SET LOCAL enable_partitionwise_aggregate = on;
SET LOCAL max_parallel_workers_per_gather = 0;
SELECT matches(pg_temp.plan_of($$SELECT cohort_retention_state(k, s, a, '1 month') FROM events_p$$),
               'Finalize Aggregate.*Partial Aggregate.*Partial Aggregate', 'partitionwise: partial aggregates per partition');
SELECT results_eq(
    $$SELECT cohort_retention_state(k, s, a, '1 month')::text, cohort_retention_state(cuuid, s, a, '1 day')::text,
             cohort_retention(c4, s, a, '7 days') FROM events_p$$,
    $$SELECT * FROM serial$$, 'partitionwise: states and result identical to serial');

SELECT * FROM finish();
ROLLBACK;
