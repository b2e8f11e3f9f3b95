-- pgTAP tests of churn_rate, retention_rate, churn_state and churn_breakdown:
-- differential checks against the range-operator SQL an analyst writes, on
-- random subscriptions (open ends, reactivations as multiranges, empty and
-- NULL activities, every bound kind), every error, parallel and
-- partitionwise plans, windows, rollups and the state's text and binary forms.
BEGIN;
SELECT plan(80);
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';

-- ---------- data ----------
SELECT setseed(0.31);
-- One row per subscription; about 1.6 subscriptions per customer, so that
-- range_agg per customer gives reactivations.  40% are still open.
CREATE TEMP TABLE subs AS
SELECT i AS id, 1 + (i * 5) / 8 AS customer_id, i % 4 AS plan, d AS started_at,
       CASE WHEN random() < 0.4 THEN NULL ELSE d + (1 + floor(random() * 500))::int END AS ended_at
  FROM (SELECT i, '2024-01-01'::date + floor(random() * 900)::int AS d
          FROM generate_series(1, 3000) i) s;
-- The activity in every kind; tsrange with random bound inclusivity and
-- infinite lower bounds; some NULL and some empty activities.
CREATE TEMP TABLE acts AS
SELECT id, customer_id, plan, started_at,
       CASE WHEN id % 97 = 0 THEN NULL WHEN id % 89 = 0 THEN 'empty'::daterange
            ELSE daterange(started_at, ended_at) END AS d,
       CASE WHEN id % 97 = 0 THEN NULL WHEN id % 89 = 0 THEN 'empty'::tstzrange
            ELSE tstzrange(started_at + make_interval(hours => id % 24),
                           ended_at + make_interval(hours => id % 7)) END AS tz,
       CASE WHEN id % 97 = 0 THEN NULL WHEN id % 89 = 0 THEN 'empty'::tsrange
            ELSE tsrange(CASE WHEN id % 13 = 0 THEN NULL ELSE started_at::timestamp END,
                         ended_at::timestamp,
                         (ARRAY['[)', '[]', '(]', '()'])[1 + id % 4]) END AS ts
  FROM subs;
CREATE TEMP TABLE periods AS
SELECT daterange(m::date, (m + interval '1 month')::date) AS pd,
       tstzrange(m, m + interval '1 month') AS ptz,
       tsrange(m::timestamp, (m + interval '1 month')::timestamp) AS pts
  FROM generate_series(timestamptz '2024-01-01', '2026-12-01', '1 month') m;
-- Several subscriptions of a customer collapsed into a multirange.
CREATE TEMP TABLE customers AS
SELECT customer_id, min(plan) AS plan,
       range_agg(d) AS d, range_agg(tz) AS tz, range_agg(ts) AS ts
  FROM acts WHERE id % 97 <> 0 GROUP BY customer_id;
INSERT INTO customers VALUES (100000, 0, NULL, NULL, NULL), (100001, 1, '{}', '{}', '{}');

-- ---------- differential: breakdown counts, every period, every kind ----------
SELECT is((SELECT count(*) FROM periods p, LATERAL (
    SELECT (churn_breakdown(churn_state(a.d, p.pd))).*,
           count(*) FILTER (WHERE a.d @> lower(p.pd)) AS s,
           count(*) FILTER (WHERE a.d @> lower(p.pd) AND a.d @> upper(p.pd)) AS r,
           count(*) FILTER (WHERE a.d @> upper(p.pd)) AS e
      FROM acts a) x
   WHERE (x.at_start, x.retained, x.at_end, x.churned, x.new_or_returning)
         IS DISTINCT FROM (x.s, x.r, x.e, x.s - x.r, x.e - x.r)), 0::bigint,
   'daterange: at start, retained, at end, churned, new equal the range-operator SQL for 36 months');
SELECT is((SELECT count(*) FROM periods p, LATERAL (
    SELECT (churn_breakdown(churn_state(a.tz, p.ptz))).*,
           count(*) FILTER (WHERE a.tz @> lower(p.ptz)) AS s,
           count(*) FILTER (WHERE a.tz @> lower(p.ptz) AND a.tz @> upper(p.ptz)) AS r,
           count(*) FILTER (WHERE a.tz @> upper(p.ptz)) AS e
      FROM acts a) x
   WHERE (x.at_start, x.retained, x.at_end) IS DISTINCT FROM (x.s, x.r, x.e)), 0::bigint,
   'tstzrange: counts equal the range-operator SQL');
SELECT is((SELECT count(*) FROM periods p, LATERAL (
    SELECT (churn_breakdown(churn_state(a.ts, p.pts))).*,
           count(*) FILTER (WHERE a.ts @> lower(p.pts)) AS s,
           count(*) FILTER (WHERE a.ts @> lower(p.pts) AND a.ts @> upper(p.pts)) AS r,
           count(*) FILTER (WHERE a.ts @> upper(p.pts)) AS e
      FROM acts a) x
   WHERE (x.at_start, x.retained, x.at_end) IS DISTINCT FROM (x.s, x.r, x.e)), 0::bigint,
   'tsrange with [] () (] [) bounds and infinite lower bounds: counts equal the range-operator SQL');
-- Periods whose bounds fall on the activities' own bounds, at odd hours.
SELECT is((SELECT count(*) FROM (SELECT DISTINCT started_at FROM subs LIMIT 40) b, LATERAL (
    SELECT (churn_breakdown(churn_state(a.ts, tsrange(b.started_at, b.started_at + 30)))).*,
           count(*) FILTER (WHERE a.ts @> b.started_at::timestamp) AS s,
           count(*) FILTER (WHERE a.ts @> b.started_at::timestamp AND a.ts @> (b.started_at + 30)::timestamp) AS r,
           count(*) FILTER (WHERE a.ts @> (b.started_at + 30)::timestamp) AS e
      FROM acts a) x
   WHERE (x.at_start, x.retained, x.at_end) IS DISTINCT FROM (x.s, x.r, x.e)), 0::bigint,
   'tsrange periods starting on activity bounds: inclusive and exclusive bounds follow the range');
SELECT is((SELECT count(*) FROM periods p, LATERAL (
    SELECT (churn_breakdown(churn_state(c.d, p.pd))).*,
           count(*) FILTER (WHERE c.d @> lower(p.pd)) AS s,
           count(*) FILTER (WHERE c.d @> lower(p.pd) AND c.d @> upper(p.pd)) AS r,
           count(*) FILTER (WHERE c.d @> upper(p.pd)) AS e
      FROM customers c) x
   WHERE (x.at_start, x.retained, x.at_end) IS DISTINCT FROM (x.s, x.r, x.e)), 0::bigint,
   'datemultirange (range_agg per customer, reactivations): counts equal the range-operator SQL');
SELECT is((SELECT count(*) FROM periods p, LATERAL (
    SELECT (churn_breakdown(churn_state(c.tz, p.ptz))).*,
           count(*) FILTER (WHERE c.tz @> lower(p.ptz)) AS s,
           count(*) FILTER (WHERE c.tz @> lower(p.ptz) AND c.tz @> upper(p.ptz)) AS r,
           count(*) FILTER (WHERE c.tz @> upper(p.ptz)) AS e
      FROM customers c) x
   WHERE (x.at_start, x.retained, x.at_end) IS DISTINCT FROM (x.s, x.r, x.e)), 0::bigint,
   'tstzmultirange: counts equal the range-operator SQL');
SELECT is((SELECT count(*) FROM periods p, LATERAL (
    SELECT (churn_breakdown(churn_state(c.ts, p.pts))).*,
           count(*) FILTER (WHERE c.ts @> lower(p.pts)) AS s,
           count(*) FILTER (WHERE c.ts @> lower(p.pts) AND c.ts @> upper(p.pts)) AS r,
           count(*) FILTER (WHERE c.ts @> upper(p.pts)) AS e
      FROM customers c) x
   WHERE (x.at_start, x.retained, x.at_end) IS DISTINCT FROM (x.s, x.r, x.e)), 0::bigint,
   'tsmultirange: counts equal the range-operator SQL');
SELECT ok((SELECT max(n) FROM (SELECT count(*) AS n FROM customers, unnest(d) GROUP BY customer_id) x) >= 2
          AND (SELECT count(*) FROM customers WHERE upper_inf(d)) > 100,
   'the multirange data has reactivations and open ends');

-- The rates, grouped by plan, against the analyst's formulas.
SELECT is((SELECT count(*) FROM periods p, LATERAL (
    SELECT a.plan, churn_rate(a.d, p.pd) AS c, retention_rate(a.d, p.pd) AS k,
           100.0 * (count(*) FILTER (WHERE a.d @> lower(p.pd))
                    - count(*) FILTER (WHERE a.d @> lower(p.pd) AND a.d @> upper(p.pd)))
             / nullif(count(*) FILTER (WHERE a.d @> lower(p.pd)), 0) AS pc,
           100.0 * count(*) FILTER (WHERE a.d @> lower(p.pd) AND a.d @> upper(p.pd))
             / nullif(count(*) FILTER (WHERE a.d @> lower(p.pd)), 0) AS pk
      FROM acts a GROUP BY a.plan) x
   WHERE NOT coalesce(abs(x.c - x.pc::float8) < 1e-9, x.c IS NULL AND x.pc IS NULL)
      OR NOT coalesce(abs(x.k - x.pk::float8) < 1e-9, x.k IS NULL AND x.pk IS NULL)), 0::bigint,
   'churn_rate and retention_rate by plan equal 100*(S-R)/S and 100*R/S for every month');
SELECT ok((SELECT bool_and(abs(churn_rate + retention_rate - 100) < 1e-9)
             FROM (SELECT churn_rate(d, pd), retention_rate(d, pd) FROM acts, periods
                    WHERE pd = daterange('2025-03-01', '2025-04-01')) x),
   'churn_rate + retention_rate = 100');
SELECT ok((SELECT count(*) FROM (SELECT churn_rate(d, pd) FROM acts, periods GROUP BY pd) x
            WHERE churn_rate > 0 AND churn_rate < 100) > 30,
   'the data gives non-trivial churn rates');

-- A literal period is checked once per query (it is a constant of the
-- Aggref); the same period from a column, from a parameter or in a window
-- (no Aggref) is compared on every row.  All four must agree, and a column
-- whose period changes mid-group must still fail.
SELECT is((SELECT array[churn_rate(d, daterange('2025-03-01', '2025-04-01')),
                        churn_rate(tz, tstzrange('2025-03-01', '2025-04-01'))] FROM acts),
          (SELECT array[churn_rate(d, pd), churn_rate(tz, ptz)] FROM acts, periods
            WHERE pd = daterange('2025-03-01', '2025-04-01')),
          'churn_rate: a literal period gives what the same period from a column gives');
PREPARE churn_p(daterange) AS SELECT churn_rate(d, $1) FROM acts;
SELECT results_eq('EXECUTE churn_p(daterange(''2025-03-01'', ''2025-04-01''))',
                  $$SELECT churn_rate(d, pd) FROM acts, periods WHERE pd = daterange('2025-03-01', '2025-04-01')$$,
                  'churn_rate: a period passed as a parameter');
DEALLOCATE churn_p;
SELECT is((SELECT DISTINCT churn_rate(d, daterange('2025-03-01', '2025-04-01')) OVER () FROM acts),
          (SELECT churn_rate(d, daterange('2025-03-01', '2025-04-01')) FROM acts),
          'churn_rate: a literal period in a window aggregate');
SELECT throws_ok($$SELECT churn_rate(d, CASE WHEN id < 100 THEN daterange('2025-03-01', '2025-04-01')
                                             ELSE daterange('2025-04-01', '2025-05-01') END) FROM acts$$,
                 '22023', NULL, 'churn_rate: a period that is not a constant and changes within a group is still 22023');

-- ---------- small cases ----------
SELECT is((SELECT churn_rate(d, daterange('2026-01-01', '2026-02-01')) FROM acts WHERE false), NULL,
   'no rows: NULL');
SELECT is((SELECT churn_state(d, daterange('2026-01-01', '2026-02-01'))::text FROM acts WHERE false), NULL,
   'no rows: the state is NULL');
SELECT is((SELECT churn_rate(d, daterange('2026-01-01', '2026-02-01'))
             FROM (VALUES (daterange('2025-01-01', '2026-01-20'))) v(d)), 100::float8,
   'one row, churned: 100');
SELECT is((SELECT retention_rate(d, daterange('2026-01-01', '2026-02-01'))
             FROM (VALUES (daterange('2025-01-01', NULL))) v(d)), 100::float8,
   'one row, open end: retained');
SELECT is((SELECT churn_rate(d, daterange('2026-01-01', '2026-02-01'))
             FROM (VALUES (NULL::daterange), (NULL)) v(d)), NULL,
   'all NULL activities: NULL');
SELECT is((SELECT churn_rate(d, daterange('2026-01-01', '2026-02-01'))
             FROM (VALUES ('empty'::daterange), ('empty')) v(d)), NULL,
   'all empty activities: NULL');
SELECT is((SELECT churn_rate(d, daterange('2026-01-01', '2026-02-01'))
             FROM (VALUES (daterange('2026-01-05', '2026-03-01'))) v(d)), NULL,
   'only a customer who joins inside the period: not in the base, NULL');
SELECT is((SELECT churn_breakdown(churn_state(d, daterange('2026-01-01', '2026-02-01')))::text
             FROM (VALUES (daterange('2025-01-01', NULL)), (NULL), ('empty'),
                          (daterange('2025-06-01', '2026-01-15')), (daterange('2026-01-10', '2026-03-01')),
                          (daterange('2026-01-05', '2026-01-09')), (daterange('2025-01-01', '2026-02-01')),
                          (daterange('2025-01-01', '2026-02-02'))) v(d)),
   '(4,2,2,3,1)',
   'NULLs mixed in: joiners-and-leavers are not counted, an end on the period end (exclusive) churns');
SELECT is((SELECT churn_breakdown(churn_state(m, daterange('2026-01-01', '2026-02-01')))::text
             FROM (VALUES ('{[2025-01-01,2026-01-10), [2026-01-20,)}'::datemultirange),
                          ('{[2025-01-01,2026-01-10), [2026-02-02,)}'),
                          ('{[2026-01-03,2026-01-04), [2026-01-20,)}'), ('{}'), (NULL)) v(m)),
   '(2,1,1,2,1)',
   'multiranges: left and came back inside the period = retained, back after the end = churned');
SELECT is((SELECT churn_rate(r, tsrange('2026-01-01', '2026-02-01'))
             FROM (VALUES (tsrange('2025-01-01', '2026-02-01', '[]')),
                          (tsrange('2025-01-01', '2026-02-01', '[)')),
                          (tsrange('2026-01-01', '2027-01-01', '(]')),
                          (tsrange(NULL, NULL))) v(r))::numeric(20, 9), (100.0 / 3)::numeric(20, 9),
   'tsrange bounds: an inclusive end on the period end is retained, an exclusive one churns, (start is not at start');
SELECT is((SELECT churn_rate(r, daterange('9999-11-01', '9999-12-31'))
             FROM (VALUES (daterange('0001-01-01', 'infinity')), (daterange(NULL, '9999-12-31')),
                          (daterange('-infinity', NULL))) v(r))::numeric(20, 9), (100.0 / 3)::numeric(20, 9),
   'extreme values: periods in year 9999, infinity date bounds');
SELECT is((SELECT churn_state(r, tstzrange('0001-01-01 00:00+00', '0001-01-01 00:00:00.000001+00'))::text
             FROM (VALUES (tstzrange(NULL, NULL))) v(r)),
   'v1 at_start=1 retained=1 at_end=1 range=tstzrange period_start=0001-01-01 period_end=0001-01-01T00:00:00.000001',
   'extreme values: a one-microsecond period in year 1');

-- Every signature: no rows, one row, all NULL, NULLs mixed in.
CREATE TEMP TABLE one_p AS SELECT * FROM periods WHERE pd = daterange('2026-01-01', '2026-02-01');
CREATE TEMP VIEW all_kinds AS
SELECT k, array[churn_rate(d, pd), retention_rate(d, pd), churn_rate(tz, ptz), retention_rate(tz, ptz),
                churn_rate(ts, pts), retention_rate(ts, pts),
                churn_rate(md, pd), retention_rate(md, pd), churn_rate(mtz, ptz), retention_rate(mtz, ptz),
                churn_rate(mts, pts), retention_rate(mts, pts)] AS r
  FROM (SELECT k, d, tz, ts, datemultirange(d) AS md, tstzmultirange(tz) AS mtz, tsmultirange(ts) AS mts
          FROM (VALUES ('one', daterange('2025-01-01', '2026-01-10'), tstzrange('2025-01-01', '2026-01-10'),
                        tsrange('2025-01-01', '2026-01-10')),
                       ('mixed', daterange('2025-01-01', NULL), tstzrange('2025-01-01', NULL), tsrange('2025-01-01', NULL)),
                       ('mixed', NULL, NULL, NULL),
                       ('mixed', daterange('2025-01-01', '2026-01-10'), tstzrange('2025-01-01', '2026-01-10'),
                        tsrange('2025-01-01', '2026-01-10')),
                       ('mixed', 'empty', 'empty', 'empty'),
                       ('null', NULL, NULL, NULL), ('null', NULL, NULL, NULL)) v(k, d, tz, ts)) a, one_p
 GROUP BY k;
SELECT is((SELECT r FROM all_kinds WHERE k = 'one'), array[100, 0, 100, 0, 100, 0, 100, 0, 100, 0, 100, 0]::float8[],
   'one row, every signature');
SELECT is((SELECT r FROM all_kinds WHERE k = 'mixed'), array[50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50]::float8[],
   'NULLs and empties mixed in, every signature');
SELECT is((SELECT r FROM all_kinds WHERE k = 'null'), array_fill(NULL::float8, array[12]),
   'all NULL, every signature: NULL');
SELECT is((SELECT r FROM all_kinds WHERE k = 'none'), NULL, 'no rows, every signature: no group');
SELECT is((SELECT array[churn_rate(d, pd), retention_rate(d, pd), churn_rate(tz, ptz), retention_rate(tz, ptz),
                        churn_rate(ts, pts), retention_rate(ts, pts)]
             FROM acts, one_p WHERE false),
          array_fill(NULL::float8, array[6]), 'no rows, every range signature: NULL');
SELECT is((SELECT array[churn_rate(d, pd), retention_rate(d, pd), churn_rate(tz, ptz), retention_rate(tz, ptz),
                        churn_rate(ts, pts), retention_rate(ts, pts)]
             FROM customers, one_p WHERE false),
          array_fill(NULL::float8, array[6]), 'no rows, every multirange signature: NULL');

-- ---------- errors ----------
SELECT throws_ok($$SELECT churn_rate(d, daterange('2026-01-01', '2026-01-01')) FROM acts$$, '22023',
    'period must not be empty', 'empty period: 22023');
SELECT throws_ok($$SELECT churn_rate(d, daterange('2026-01-01', NULL)) FROM acts$$, '22023',
    'period [2026-01-01,) is unbounded', 'period without an end: 22023');
SELECT throws_ok($$SELECT churn_rate(tz, tstzrange(NULL, '2026-01-01')) FROM acts$$, '22023',
    NULL, 'period without a start: 22023');
SELECT throws_ok($$SELECT churn_rate(d, daterange('2026-01-01', 'infinity')) FROM acts$$, '22023',
    NULL, 'period ending at infinity: 22023');
SELECT throws_ok($$SELECT churn_rate(ts, tsrange('2026-01-01', '2026-02-01', '[]')) FROM acts$$, '22023',
    NULL, 'period [start, end]: 22023');
SELECT throws_ok($$SELECT churn_rate(ts, tsrange('2026-01-01', '2026-02-01', '(]')) FROM acts$$, '22023',
    NULL, 'period (start, end]: 22023');
SELECT throws_ok($$SELECT churn_rate(d, NULL::daterange) FROM acts$$, '22004',
    'period must not be null', 'NULL period: 22004 (null value not allowed), as in dso');
SELECT throws_ok($$SELECT churn_rate(NULL::daterange, NULL::daterange)$$, '22004',
    'period must not be null', 'NULL period with a NULL activity: 22004 all the same');
SELECT throws_ok($$SELECT churn_rate(d, daterange('10000-01-01', '10000-02-01')) FROM acts$$, '22023',
    NULL, 'period after the year 9999: 22023');
SELECT throws_ok($$SELECT churn_rate(d, CASE WHEN id = 2000 THEN daterange('2026-01-01', '2026-03-01')
                                             ELSE daterange('2026-01-01', '2026-02-01') END) FROM acts$$, '22023',
    'period_end changes within one group: 2026-02-01 and 2026-03-01', 'period changing inside a group: 22023');
SELECT throws_ok($$SELECT churn_rate(s) FROM (SELECT churn_state(daterange('2025-01-01', NULL), daterange('2026-01-01', '2026-02-01'))
                                               UNION ALL SELECT churn_state(daterange('2025-01-01', NULL), daterange('2026-02-01', '2026-03-01'))) v(s)$$,
    '22023', NULL, 'merging states of different periods: 22023');
SELECT throws_ok($$SELECT churn_state(s) FROM (SELECT churn_state(daterange('2025-01-01', NULL), daterange('2026-01-01', '2026-02-01'))
                                                UNION ALL SELECT churn_state(tstzrange('2025-01-01', NULL), tstzrange('2026-01-01', '2026-02-01'))) v(s)$$,
    '22023', 'range changes within one group: daterange and tstzrange',
    'merging a daterange state with a tstzrange state of the same bounds: 22023');
SELECT throws_ok($$SELECT churn_rate(tz, daterange('2026-01-01', '2026-02-01')) FROM acts$$, '42883',
    NULL, 'a tstzrange activity with a daterange period does not resolve');
SELECT throws_ok($$SELECT churn_rate(d, tsrange('2026-01-01', '2026-02-01')) FROM acts$$, '42883',
    NULL, 'a daterange activity with a tsrange period does not resolve');

-- ---------- state text and binary forms ----------
SELECT is((SELECT count(*) FROM (
    SELECT churn_state(d, pd) AS s FROM acts, periods GROUP BY pd
    UNION ALL SELECT churn_state(tz, ptz) FROM acts, periods GROUP BY ptz
    UNION ALL SELECT churn_state(ts, tsrange('2026-01-01 12:34:56.789', '2026-02-01 00:00:01')) FROM acts) x
   WHERE s::text::churn_state::text <> s::text), 0::bigint,
   'text round trip of states of every kind');
SELECT is(churn_state(daterange('2025-01-01', NULL), daterange('2026-01-01', '2026-02-01'))::text,
   'v1 at_start=1 retained=1 at_end=1 range=daterange period_start=2026-01-01 period_end=2026-02-01',
   'the text form is readable');
SELECT is('v1 at_start=0 retained=0 at_end=0'::churn_state::text, 'v1 at_start=0 retained=0 at_end=0',
   'a state without a period (only NULL rows merged) reads back');
SELECT throws_ok($$SELECT 'v1 at_start=-1 retained=0 at_end=0'::churn_state$$, '22P02', NULL, 'forged: negative count');
SELECT throws_ok($$SELECT 'v1 at_start=1 retained=2 at_end=2 range=daterange period_start=2026-01-01 period_end=2026-02-01'::churn_state$$,
    '22P02', NULL, 'forged: more retained than at start');
SELECT throws_ok($$SELECT 'v1 at_start=2 retained=2 at_end=1 range=daterange period_start=2026-01-01 period_end=2026-02-01'::churn_state$$,
    '22P02', NULL, 'forged: more retained than at end');
SELECT throws_ok($$SELECT 'v1 at_start=1 retained=0 at_end=0'::churn_state$$, '22P02', NULL, 'forged: counts without a period');
SELECT throws_ok($$SELECT 'v1 at_start=0 retained=0 at_end=0 range=daterange period_start=2026-02-01 period_end=2026-01-01'::churn_state$$,
    '22P02', NULL, 'forged: period start after its end');
SELECT throws_ok($$SELECT 'v1 at_start=0 retained=0 at_end=0 range=daterange period_start=2026-01-01T10:00:00 period_end=2026-02-01'::churn_state$$,
    '22P02', NULL, 'forged: a daterange period with a time');
SELECT throws_ok($$SELECT 'v1 at_start=0 retained=0 at_end=0 range=int4range period_start=2026-01-01 period_end=2026-02-01'::churn_state$$,
    '22P02', NULL, 'forged: unknown range kind');
SELECT throws_ok($$SELECT 'v1 at_start=0 retained=0 at_end=0 range=daterange period_start=2026-1-1 period_end=2026-02-01'::churn_state$$,
    '22P02', NULL, 'forged: a date not in the canonical form');
SELECT throws_ok($$SELECT 'v1 at_start=0 retained=0 at_end=0 range=daterange period_start=2026-02-30 period_end=2026-03-01'::churn_state$$,
    '22P02', NULL, 'forged: February 30th');
SELECT throws_ok($$SELECT 'v1 at_start=0 retained=0 at_end=0 range=daterange period_start=0000-01-01 period_end=2026-03-01'::churn_state$$,
    '22P02', NULL, 'forged: year 0');
SELECT throws_ok($$SELECT 'v1 at_start=0 retained=0 at_end=0 range=tsrange period_start=2026-01-01T24:00:00 period_end=2026-03-01'::churn_state$$,
    '22P02', NULL, 'forged: hour 24');
SELECT throws_ok($$SELECT 'v1 at_start=0 retained=0 at_end=0 range=daterange period_start=2026-01-01'::churn_state$$,
    '22P02', NULL, 'forged: some parameters missing');
SELECT throws_ok($$SELECT 'v1 at_start=0 retained=0'::churn_state$$, '22P02', NULL, 'forged: a count missing');
SELECT throws_ok($$SELECT 'v1 at_start=0 retained=0 at_end=0 at_end=0'::churn_state$$, '22P02', NULL, 'forged: a field twice');
SELECT throws_ok($$SELECT 'v2 at_start=0 retained=0 at_end=0'::churn_state$$, '22P02', NULL, 'forged: unknown version');
SELECT throws_ok($$SELECT 'v1 at_start=0 retained=0 at_end=0 churned=0'::churn_state$$, '22P02', NULL, 'forged: unknown field');
SELECT throws_ok($$SELECT 'garbage'::churn_state$$, '22P02', NULL, 'forged: garbage');

-- Binary: COPY the states out and back in binary format.
CREATE TEMP TABLE st_bin(s churn_state);
CREATE TEMP TABLE st_back(s churn_state);
INSERT INTO st_bin SELECT churn_state(d, pd) FROM acts, periods GROUP BY pd;
INSERT INTO st_bin SELECT churn_state(ts, tsrange('2026-01-01 12:34:56.789', '2026-02-01 00:00:01')) FROM acts;
INSERT INTO st_bin VALUES ('v1 at_start=0 retained=0 at_end=0');
DO $$
DECLARE f text := format('/tmp/retention-sub-test-%s.bin', pg_backend_pid());
BEGIN
    EXECUTE format('COPY st_bin TO %L WITH (FORMAT binary)', f);
    EXECUTE format('COPY st_back FROM %L WITH (FORMAT binary)', f);
    -- the program reads its input, so that COPY never writes to a closed pipe
    EXECUTE format('COPY (SELECT 1) TO PROGRAM %L', 'cat >/dev/null; rm -f ' || f);
END $$;
SELECT is((SELECT array_agg(s::text ORDER BY s::text) FROM st_back),
          (SELECT array_agg(s::text ORDER BY s::text) FROM st_bin),
          'binary send/receive round trip');

-- ---------- parallel plans ----------
CREATE TEMP TABLE big AS SELECT a.* FROM acts a, generate_series(1, 3);
ANALYZE big;
CREATE TABLE pub_big AS SELECT * FROM big;	-- temp tables are not scanned in parallel
ALTER TABLE pub_big SET (parallel_workers = 2);
ANALYZE pub_big;
CREATE FUNCTION pg_temp.plan_of(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text; o text := '';
BEGIN
    FOR r IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP o := o || r || E'\n'; END LOOP;
    RETURN o;
END $$;
CREATE TEMP TABLE serial_res AS
SELECT plan, churn_breakdown(churn_state(d, daterange('2025-06-01', '2025-07-01')))::text AS b,
       retention_rate(m, tstzrange('2025-06-01', '2025-07-01')) AS r
  FROM pub_big, LATERAL (SELECT tstzmultirange(tz)) x(m) GROUP BY plan;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT ok(pg_temp.plan_of($$SELECT plan, churn_breakdown(churn_state(d, daterange('2025-06-01', '2025-07-01'))),
       retention_rate(m, tstzrange('2025-06-01', '2025-07-01'))
  FROM pub_big, LATERAL (SELECT tstzmultirange(tz)) x(m) GROUP BY plan$$) LIKE '%Partial%Aggregate%',
   'a forced parallel plan has a Partial Aggregate');
SELECT is((SELECT count(*) FROM (
    SELECT plan, churn_breakdown(churn_state(d, daterange('2025-06-01', '2025-07-01')))::text AS b,
           retention_rate(m, tstzrange('2025-06-01', '2025-07-01')) AS r
      FROM pub_big, LATERAL (SELECT tstzmultirange(tz)) x(m) GROUP BY plan
    EXCEPT SELECT * FROM serial_res) x), 0::bigint,
   'parallel results equal serial ones (ranges and multiranges)');
SELECT is((SELECT churn_rate(d, daterange('2025-06-01', '2025-07-01')) FROM pub_big),
          (SELECT 100.0 * (count(*) FILTER (WHERE d @> '2025-06-01'::date)
                          - count(*) FILTER (WHERE d @> '2025-06-01'::date AND d @> '2025-07-01'::date))
                  / count(*) FILTER (WHERE d @> '2025-06-01'::date) FROM acts)::float8,
   'parallel churn_rate equals the plain SQL');
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;

-- ---------- partitionwise aggregation ----------
CREATE TEMP TABLE part (LIKE acts) PARTITION BY LIST (plan);
CREATE TEMP TABLE part0 PARTITION OF part FOR VALUES IN (0, 1);
CREATE TEMP TABLE part1 PARTITION OF part FOR VALUES IN (2, 3);
INSERT INTO part SELECT * FROM acts;
ANALYZE part;
SET enable_partitionwise_aggregate = on;
SELECT ok(pg_temp.plan_of($$SELECT churn_rate(d, daterange('2025-06-01', '2025-07-01')) FROM part$$)
          LIKE '%Partial Aggregate%',
   'partitionwise aggregation combines per-partition states');
SELECT is((SELECT churn_breakdown(churn_state(d, daterange('2025-06-01', '2025-07-01')))::text FROM part),
          (SELECT churn_breakdown(churn_state(d, daterange('2025-06-01', '2025-07-01')))::text FROM acts),
   'partitionwise result equals the plain one');
RESET enable_partitionwise_aggregate;

-- ---------- windows ----------
SELECT is((SELECT count(*) FROM (
    SELECT id, churn_rate(d, daterange('2025-01-01', '2025-02-01'))
             OVER (ORDER BY id ROWS BETWEEN 200 PRECEDING AND CURRENT ROW) AS w
      FROM acts) a, LATERAL (
    SELECT 100.0 * (count(*) FILTER (WHERE d @> '2025-01-01'::date)
                    - count(*) FILTER (WHERE d @> '2025-01-01'::date AND d @> '2025-02-01'::date))
             / nullif(count(*) FILTER (WHERE d @> '2025-01-01'::date), 0) AS p
      FROM acts b WHERE b.id BETWEEN a.id - 200 AND a.id) q
   WHERE a.id % 7 = 0 AND NOT coalesce(abs(w - p::float8) < 1e-9, w IS NULL AND p IS NULL)), 0::bigint,
   'ROWS sliding window (inverse transition) equals the per-frame plain SQL');
SELECT is((SELECT count(*) FROM (
    SELECT id, started_at, retention_rate(m, tsrange('2025-01-01', '2025-02-01'))
             OVER (ORDER BY started_at RANGE BETWEEN interval '30 days' PRECEDING AND CURRENT ROW) AS w
      FROM acts, LATERAL (SELECT tsmultirange(ts)) x(m)) a, LATERAL (
    SELECT 100.0 * count(*) FILTER (WHERE ts @> '2025-01-01'::timestamp AND ts @> '2025-02-01'::timestamp)
             / nullif(count(*) FILTER (WHERE ts @> '2025-01-01'::timestamp), 0) AS p
      FROM acts b WHERE b.started_at BETWEEN a.started_at - 30 AND a.started_at) q
   WHERE a.id % 7 = 0 AND NOT coalesce(abs(w - p::float8) < 1e-9, w IS NULL AND p IS NULL)), 0::bigint,
   'RANGE window with an interval (multiranges) equals the per-frame plain SQL');

-- ---------- rollups ----------
CREATE TEMP TABLE daily AS
SELECT started_at AS day, pd, churn_state(d, pd) AS s
  FROM acts, periods GROUP BY started_at, pd;
SELECT is((SELECT count(*) FROM (
    SELECT pd, churn_breakdown(churn_state(s))::text AS b FROM daily GROUP BY pd
    EXCEPT SELECT pd, churn_breakdown(churn_state(d, pd))::text FROM acts, periods GROUP BY pd) x), 0::bigint,
   'daily states merged per period equal the direct counts');
SELECT is((SELECT count(*) FROM (
    SELECT pd, churn_rate(s) AS r FROM daily GROUP BY pd
    EXCEPT SELECT pd, churn_rate(d, pd) FROM acts, periods GROUP BY pd) x), 0::bigint,
   'churn_rate(churn_state) equals the direct churn_rate');
SELECT is((SELECT count(*) FROM (
    SELECT pd, retention_rate(s) AS r FROM (
        SELECT date_trunc('month', day) AS m, pd, churn_state(s) AS s FROM daily GROUP BY 1, 2) monthly
     GROUP BY pd
    EXCEPT SELECT pd, retention_rate(d, pd) FROM acts, periods GROUP BY pd) x), 0::bigint,
   'two-level rollup (daily -> monthly -> all) equals the direct retention_rate');
SELECT is((SELECT count(*) FROM (
    SELECT day, churn_state(s) OVER (ORDER BY day ROWS BETWEEN 20 PRECEDING AND CURRENT ROW)::text AS w,
           (SELECT churn_state(s2.s)::text FROM daily s2
             WHERE s2.pd = daterange('2025-05-01', '2025-06-01')
               AND s2.day IN (SELECT day FROM daily WHERE pd = daterange('2025-05-01', '2025-06-01')
                               AND day <= d1.day ORDER BY day DESC LIMIT 21)) AS p
      FROM daily d1 WHERE pd = daterange('2025-05-01', '2025-06-01')) x
   WHERE w IS DISTINCT FROM p), 0::bigint,
   'sliding window over stored states (uncombine) equals re-merging each frame');

-- ---------- documentation ----------
SELECT ok((SELECT bool_and(obj_description(p.oid, 'pg_proc') IS NOT NULL) FROM pg_proc p
            WHERE p.proname IN ('churn_rate', 'retention_rate', 'churn_state', 'churn_breakdown')),
   'every function and aggregate has a comment');

DROP TABLE pub_big;
SELECT * FROM finish();
ROLLBACK;
