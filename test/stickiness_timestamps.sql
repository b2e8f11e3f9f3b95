-- pgTAP tests of stickiness over timestamps (issue 24): the timestamptz form
-- counts each row's day in the session's TimeZone, the timestamp form the
-- timestamp's day; both are checked against the date form (of t::date) on
-- random data, under several time zones, in aggregates, states, sliding
-- windows (with the inverse) and parallel plans.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only on
\pset pager off

BEGIN;
SELECT plan(19);
SET LOCAL TimeZone = 'UTC';

-- hand-worked: in UTC user 1 is active on May 1, 2 and 4 and user 2 on
-- May 1: 4 pairs over 4 days, 2 users: 100 * (4 / 4) / 2 = 50.  In New York
-- (UTC-4) user 1's first two rows fall on May 1 and the last on May 4: 3
-- pairs over 4 days: 100 * (3 / 4) / 2 = 37.5.
CREATE TEMP TABLE ev (u int4, t timestamptz);
INSERT INTO ev VALUES (1, '2024-05-01 10:00+00'), (2, '2024-05-01 23:30+00'), (1, '2024-05-02 00:30+00'), (1, '2024-05-04 12:00+00'),
                      (NULL, '2024-05-09 00:00+00'), (3, NULL);
SELECT is(stickiness(u, t), 50::float8, 'hand-worked, timestamptz in UTC: 50') FROM ev;
SET LOCAL TimeZone = 'America/New_York';
SELECT is(stickiness(u, t), 37.5::float8, 'hand-worked, timestamptz in New York: the days of New York, 37.5') FROM ev;
SELECT is(stickiness(u, (t AT TIME ZONE 'UTC')), 50::float8, 'hand-worked, timestamp (UTC wall clock): 50, whatever the TimeZone') FROM ev;
SET LOCAL TimeZone = 'UTC';
SELECT is(stickiness(u, t), NULL, 'no rows: NULL') FROM ev WHERE false;
SELECT is(stickiness(u, t), NULL, 'all NULL: NULL') FROM ev WHERE u IS NULL OR t IS NULL;
SELECT is(stickiness(u::int8, t::timestamp), 100::float8, 'one row: 100') FROM ev WHERE u = 2;
SELECT throws_ok($$SELECT stickiness(1, timestamptz 'infinity')$$, '22008', NULL, 'an infinite timestamptz: 22008');
SELECT throws_ok($$SELECT stickiness(1, timestamp '-infinity')$$, '22008', NULL, 'an infinite timestamp: 22008');
SELECT is((SELECT array_agg(DISTINCT p.provolatile::text) FROM pg_proc p WHERE p.proname IN ('stickiness_sfunc', 'stickiness_inv') AND p.proargtypes[2] = 'timestamptz'::regtype),
          ARRAY['s'], 'the timestamptz transition functions are STABLE (the day depends on TimeZone)');
SELECT is((SELECT array_agg(DISTINCT p.provolatile::text) FROM pg_proc p WHERE p.proname IN ('stickiness_sfunc', 'stickiness_inv') AND p.proargtypes[2] = 'timestamp'::regtype),
          ARRAY['i'], 'the timestamp transition functions are IMMUTABLE');

-- random data: 30 000 events of ~2 000 users over 90 days, at any time of day
SELECT setseed(0.31);
CREATE TABLE rev AS
SELECT CASE WHEN i % 101 = 0 THEN NULL ELSE floor(random() * random() * 3000)::int8 END AS u,
       CASE WHEN i % 211 = 0 THEN NULL ELSE timestamptz '2024-03-01 00:00+00' + random() * interval '90 days' END AS t
FROM generate_series(1, 30000) i;
ALTER TABLE rev SET (parallel_workers = 2);
ANALYZE rev;

CREATE FUNCTION pg_temp.same_in(zone text) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE ok boolean;
BEGIN
    PERFORM set_config('TimeZone', zone, true);
    SELECT stickiness(u, t) = stickiness(u, t::date)
       AND stickiness(u::int4, t) = stickiness(u::int4, t::date)
       AND stickiness(u::int2, t) = stickiness(u, t::date)
       AND stickiness(u::numeric, t) = stickiness(u, t::date)
       AND stickiness(u::text, t) = stickiness(u::text, t::date)
       AND stickiness(md5(u::text)::uuid, t) = stickiness(md5(u::text)::uuid, t::date)
       AND stickiness_state(u, t)::text = stickiness_state(u, t::date)::text
    INTO ok FROM rev;
    RETURN ok;
END $$;
SELECT ok(pg_temp.same_in('UTC'), 'timestamptz in UTC, every key type: the date form of t::date, metric and state');
SELECT ok(pg_temp.same_in('Asia/Kolkata'), 'timestamptz in Kolkata (UTC+5:30): the date form of the local days');
SELECT ok(pg_temp.same_in('America/Los_Angeles'), 'timestamptz in Los Angeles (a DST change in the data): the date form of the local days');
SET LOCAL TimeZone = 'UTC';
SELECT ok((SELECT stickiness(u, t::timestamp) = stickiness(u, t::date) AND stickiness(u::text, t::timestamp) = stickiness(u::text, t::date)
                  AND stickiness_state(u, t::timestamp)::text = stickiness_state(u, t::date)::text FROM rev),
          'timestamp: the date form of its days, metric and state');
-- states of the three forms merge
SELECT is((SELECT stickiness(s) FROM (SELECT stickiness_state(u, t) s FROM rev WHERE t < '2024-04-01'
                                      UNION ALL SELECT stickiness_state(u, t::timestamp) FROM rev WHERE t >= '2024-04-01' AND t < '2024-05-01'
                                      UNION ALL SELECT stickiness_state(u, t::date) FROM rev WHERE t >= '2024-05-01') x),
          (SELECT stickiness(u, t::date) FROM rev), 'states of the timestamptz, timestamp and date forms merge');

-- sliding windows: the inverse removes a row exactly, as in the date form
SELECT is_empty($$SELECT n FROM (
    SELECT n, stickiness(u, t) OVER w a, stickiness(u, t::date) OVER w b, stickiness(u, t::timestamp) OVER w c
    FROM (SELECT row_number() OVER (ORDER BY t, u) n, u, t FROM rev WHERE t < '2024-03-20') r
    WINDOW w AS (ORDER BY n ROWS BETWEEN 50 PRECEDING AND CURRENT ROW)) x
    WHERE a IS DISTINCT FROM b OR c IS DISTINCT FROM b$$,
    'a sliding frame of 51 rows: the date form''s numbers, row by row');

-- parallel plans
CREATE FUNCTION pg_temp.plan_lines(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY EXECUTE 'EXPLAIN (COSTS OFF) ' || q;
END $$;
SET LOCAL max_parallel_workers_per_gather = 0;
CREATE TABLE ser AS SELECT date_trunc('week', t) w, stickiness(u, t) a, stickiness(u, t::timestamp) b FROM rev GROUP BY 1;
CREATE TABLE ser_all AS SELECT stickiness_state(u, t) s, stickiness(u::text, t) a FROM rev;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT matches((SELECT string_agg(l, E'\n') FROM (SELECT * FROM pg_temp.plan_lines('SELECT stickiness_state(u, t) s, stickiness(u::text, t) a FROM rev')) x(l)),
               'Gather.*Partial Aggregate', 'a parallel plan: Gather over Partial Aggregate');
SELECT is((SELECT (s::text, a) FROM (SELECT stickiness_state(u, t) s, stickiness(u::text, t) a FROM rev) x),
          (SELECT (s::text, a) FROM ser_all), 'parallel: the serial state and metric');
SELECT is_empty($$(SELECT date_trunc('week', t), stickiness(u, t), stickiness(u, t::timestamp) FROM rev GROUP BY 1 EXCEPT SELECT * FROM ser)
                  UNION ALL (SELECT * FROM ser EXCEPT SELECT date_trunc('week', t), stickiness(u, t), stickiness(u, t::timestamp) FROM rev GROUP BY 1)$$,
                'parallel, grouped by week: the serial numbers');

SELECT * FROM finish();
ROLLBACK;
