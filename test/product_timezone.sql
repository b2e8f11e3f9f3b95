-- pgTAP tests of the TimeZone rule (issue 25 item 3) for the product
-- retention states: a state whose periods or brackets were counted in the
-- session's wall-clock time records that zone, states of two zones do not
-- merge (22023), and a stored state gives the same result whatever the
-- TimeZone of the query that reads it.  window_funnel's window is a fixed
-- number of microseconds (a day is 24 hours), so it cannot depend on the
-- zone: shown across a daylight-saving change.  Expected values are worked
-- out by hand in the comments.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only on
\pset pager off

BEGIN;
SELECT plan(17);

-- Two states of each kind, built under two zones.
CREATE TEMP TABLE st(zone text, p cohort_periods_state, r recurring_retention_state,
                     b cohort_retention_brackets_state, c cohort_retention_state);
-- Customer 1 starts 2024-01-31 23:30 UTC (2024-02-01 08:30 in Tokyo) and is
-- active then; observed_until 2024-02-29 23:45 UTC (2024-03-01 08:45 in
-- Tokyo): in UTC 29 days have passed (period 0 has not ended), in Tokyo one
-- month (period 0 has ended).
CREATE TEMP TABLE ev(c int, s timestamptz, t timestamptz);
INSERT INTO ev VALUES (1, '2024-01-31 23:30+00', '2024-01-31 23:30+00');
SET LOCAL TimeZone = 'UTC';
INSERT INTO st SELECT 'UTC',
    cohort_periods_state(c, s, t, '1 month', 'on', timestamptz '2024-02-29 23:45+00'),
    recurring_retention_state(c, t, '1 month', timestamptz '2024-01-01 00:00+00'),
    cohort_retention_brackets_state(c, s, t, ARRAY['0 days', '1 month']::interval[]),
    cohort_retention_state(c, s, t, '1 month')
FROM ev;
SET LOCAL TimeZone = 'Asia/Tokyo';
INSERT INTO st SELECT 'Tokyo',
    cohort_periods_state(c, s, t, '1 month', 'on', timestamptz '2024-02-29 23:45+00'),
    recurring_retention_state(c, t, '1 month', timestamptz '2024-01-01 00:00+00'),
    cohort_retention_brackets_state(c, s, t, ARRAY['0 days', '1 month']::interval[]),
    cohort_retention_state(c, s, t, '1 month')
FROM ev;

-- The zone is in every state's text.
SELECT ok(p::text LIKE '%zone=Asia/Tokyo %', 'cohort_periods_state records the zone') FROM st WHERE zone = 'Tokyo';
SELECT ok(r::text LIKE '%zone=Asia/Tokyo %', 'recurring_retention_state records the zone') FROM st WHERE zone = 'Tokyo';
SELECT ok(b::text LIKE '%zone=Asia/Tokyo %', 'cohort_retention_brackets_state records the zone') FROM st WHERE zone = 'Tokyo';
SELECT ok(b::text LIKE '%zone=UTC %', 'cohort_retention_brackets_state records the zone (UTC)') FROM st WHERE zone = 'UTC';

-- Two zones do not merge.
SELECT throws_ok($$SELECT cohort_periods_state(p) FROM st$$, '22023', NULL, 'cohort_periods_state of two zones do not merge');
SELECT throws_ok($$SELECT recurring_retention_state(r) FROM st$$, '22023', NULL, 'recurring_retention_state of two zones do not merge');
SELECT throws_ok($$SELECT cohort_retention_brackets_state(b) FROM st$$, '22023', NULL, 'cohort_retention_brackets_state of two zones do not merge');
SELECT throws_ok($$SELECT cohort_retention(c) FROM st$$, '22023', NULL, 'cohort_retention_state of two zones do not merge');
SELECT throws_ok($$SELECT cohort_retention_brackets(b) FROM (SELECT b FROM st WHERE zone = 'UTC' UNION ALL SELECT b::text::cohort_retention_brackets_state FROM st WHERE zone = 'Tokyo') q$$,
                 '22023', NULL, 'a brackets state read back from text keeps its zone');

-- observed_until is placed in the zone the state was counted in, whatever
-- the reading query's TimeZone: the Tokyo state has period 0 ended
-- ({100}), the UTC one has not ({NULL}).
SET LOCAL TimeZone = 'UTC';
SELECT is(cohort_retention(p), ARRAY[100]::float8[], 'a Tokyo cohort_periods_state read under UTC: period 0 ended in Tokyo') FROM st WHERE zone = 'Tokyo';
SELECT is(cohort_retention(p), ARRAY[NULL]::float8[], 'a UTC cohort_periods_state read under UTC: period 0 not ended') FROM st WHERE zone = 'UTC';
SET LOCAL TimeZone = 'Asia/Tokyo';
SELECT is(cohort_retention(p), ARRAY[100]::float8[], 'a Tokyo cohort_periods_state read under Tokyo') FROM st WHERE zone = 'Tokyo';
SELECT is(cohort_retention(p), ARRAY[NULL]::float8[], 'a UTC cohort_periods_state read under Tokyo: still not ended') FROM st WHERE zone = 'UTC';
SET LOCAL TimeZone = 'America/Los_Angeles';
SELECT is((SELECT cohort_periods(p)::text FROM st WHERE zone = 'Tokyo'), '{"(0,1,1,100)"}', 'cohort_periods of the Tokyo state under a third zone');

-- window_funnel: a view at 2024-03-09 12:00 New York (17:00 UTC) and a
-- purchase at 2024-03-10 12:30 New York (16:30 UTC, after the spring-forward
-- change): 23.5 hours apart, so within a '1 day' window (24 hours) in any
-- zone: level 2.  A wall-clock day in New York would end at 12:00 on
-- 2024-03-10 and give level 1.
CREATE TEMP TABLE fe(ts timestamptz, kind text);
INSERT INTO fe VALUES ('2024-03-09 17:00+00', 'view'), ('2024-03-10 16:30+00', 'buy');
SET LOCAL TimeZone = 'UTC';
SELECT is(window_funnel('1 day', ts, kind = 'view', kind = 'buy'), 2, 'window_funnel across a DST change under UTC') FROM fe;
SET LOCAL TimeZone = 'America/New_York';
SELECT is(window_funnel('1 day', ts, kind = 'view', kind = 'buy'), 2, 'window_funnel across a DST change under New York: the same') FROM fe;
SELECT is((SELECT window_funnel(s) FROM (SELECT window_funnel_state('1 day', ts, kind = 'view', kind = 'buy') s FROM fe) q), 2,
          'window_funnel from a state under New York: the same');

SELECT * FROM finish();
ROLLBACK;
