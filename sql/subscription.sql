-- churn_rate, retention_rate, churn_state, churn_breakdown: the documented
-- examples, each edge case and each error message.
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';
SET extra_float_digits = 0;

CREATE TABLE subscriptions (customer_id int, plan text, started_at date, ended_at date);
INSERT INTO subscriptions VALUES
    (1, 'pro',   '2025-03-01', NULL),          -- active throughout: retained
    (2, 'pro',   '2025-06-01', '2026-01-15'),  -- leaves in January: churned
    (3, 'basic', '2025-11-01', '2026-02-01'),  -- ends on the period's end (exclusive): churned
    (4, 'basic', '2026-01-10', NULL),          -- joins in January: new, not in the base
    (5, 'basic', '2026-01-03', '2026-01-20'),  -- joins and leaves inside: not counted
    (6, 'pro',   '2025-01-01', '2026-01-05'),  -- leaves ...
    (6, 'pro',   '2026-01-25', NULL),          -- ... and comes back: retained (as a multirange)
    (7, 'basic', NULL, NULL);                  -- no dates: an unbounded range, retained

-- One row per subscription.
SELECT churn_rate(daterange(started_at, ended_at), daterange('2026-01-01', '2026-02-01')),
       retention_rate(daterange(started_at, ended_at), daterange('2026-01-01', '2026-02-01'))
  FROM subscriptions;
SELECT plan, churn_rate(daterange(started_at, ended_at), daterange('2026-01-01', '2026-02-01'))
  FROM subscriptions GROUP BY plan ORDER BY plan;

-- One row per customer: collapse the subscriptions with range_agg first.
SELECT churn_rate(activity, daterange('2026-01-01', '2026-02-01')),
       retention_rate(activity, daterange('2026-01-01', '2026-02-01')),
       (churn_breakdown(churn_state(activity, daterange('2026-01-01', '2026-02-01')))).*
  FROM (SELECT customer_id, range_agg(daterange(started_at, ended_at)) AS activity
          FROM subscriptions GROUP BY customer_id) c;

-- A monthly series.
SELECT lower(period) AS month,
       churn_rate(activity, period), retention_rate(activity, period),
       (churn_breakdown(churn_state(activity, period))).new_or_returning
  FROM (SELECT customer_id, range_agg(daterange(started_at, ended_at)) AS activity
          FROM subscriptions GROUP BY customer_id) c,
       LATERAL (SELECT daterange(m::date, (m + interval '1 month')::date) AS period
                  FROM generate_series(timestamp '2025-10-01', '2026-02-01', '1 month') m) p
 GROUP BY period ORDER BY period;

-- The state, its text form, and metrics from stored states.
SELECT churn_state(daterange(started_at, ended_at), daterange('2026-01-01', '2026-02-01'))
  FROM subscriptions;
CREATE TABLE churn_by_plan AS
SELECT plan, churn_state(daterange(started_at, ended_at), daterange('2026-01-01', '2026-02-01')) AS st
  FROM subscriptions GROUP BY plan;
SELECT churn_rate(st), retention_rate(st), churn_state(st) FROM churn_by_plan;
SELECT churn_breakdown(st) FROM churn_by_plan ORDER BY plan;

-- tstzrange and tsrange, bounds of every kind.
SELECT churn_state(tstzrange(started_at, ended_at), tstzrange('2026-01-01 06:30+00', '2026-02-01 00:00:00.25+00'))
  FROM subscriptions;
SELECT churn_breakdown(churn_state(r, tsrange('2026-01-01', '2026-02-01')))
  FROM (VALUES (tsrange('2025-01-01', '2026-02-01', '[]')),   -- contains the end: retained
               (tsrange('2025-01-01', '2026-02-01', '[)')),   -- does not: churned
               (tsrange('2026-01-01', '2026-03-01', '(]')),   -- excludes the start: new
               (tsrange(NULL, NULL))) v(r);                   -- unbounded: retained

-- No rows, NULL and empty activities.
SELECT churn_rate(daterange(started_at, ended_at), daterange('2026-01-01', '2026-02-01'))
  FROM subscriptions WHERE false;
SELECT churn_rate(a, daterange('2026-01-01', '2026-02-01'))
  FROM (VALUES (NULL::daterange), ('empty')) v(a);
SELECT churn_state(a, daterange('2026-01-01', '2026-02-01'))
  FROM (VALUES (NULL::datemultirange), ('{}')) v(a);

-- Errors: the period.
SELECT churn_rate(daterange(started_at, ended_at), daterange('2026-01-01', '2026-01-01')) FROM subscriptions;
SELECT churn_rate(daterange(started_at, ended_at), daterange('2026-01-01', NULL)) FROM subscriptions;
SELECT churn_rate(daterange(started_at, ended_at), daterange('2026-01-01', 'infinity')) FROM subscriptions;
SELECT churn_rate(tsrange(started_at, ended_at), tsrange('2026-01-01', '2026-02-01', '[]')) FROM subscriptions;
SELECT churn_rate(tstzrange(started_at, ended_at), NULL::tstzrange) FROM subscriptions;
SELECT churn_rate(daterange(started_at, ended_at), daterange('10000-01-01', '10000-02-01')) FROM subscriptions;
SELECT churn_rate(daterange(started_at, ended_at),
                  CASE WHEN customer_id = 5 THEN daterange('2026-02-01', '2026-03-01')
                       ELSE daterange('2026-01-01', '2026-02-01') END)
  FROM subscriptions;
SELECT churn_rate(st) FROM (
    SELECT st FROM churn_by_plan
    UNION ALL SELECT churn_state(daterange('2025-01-01', NULL), daterange('2026-02-01', '2026-03-01'))) s;
SELECT churn_state(st) FROM (
    SELECT 'v1 at_start=0 retained=0 at_end=0 range=daterange period_start=2026-01-01 period_end=2026-02-01'::churn_state
    UNION ALL SELECT 'v1 at_start=0 retained=0 at_end=0 range=tstzrange period_start=2026-01-01 period_end=2026-02-01') s(st);
-- Activity and period of different kinds do not resolve.
SELECT churn_rate(tstzrange(started_at, ended_at), daterange('2026-01-01', '2026-02-01')) FROM subscriptions;

-- Errors: forged states.
SELECT 'v1 at_start=1 retained=2 at_end=2 range=daterange period_start=2026-01-01 period_end=2026-02-01'::churn_state;
SELECT 'v1 at_start=1 retained=0 at_end=0'::churn_state;
SELECT 'v1 at_start=0 retained=0 at_end=0 range=daterange period_start=2026-01-01T12:00:00 period_end=2026-02-01'::churn_state;
SELECT 'v1 at_start=0 retained=0 at_end=0 range=daterange period_start=2026-1-1 period_end=2026-02-01'::churn_state;

DROP TABLE subscriptions, churn_by_plan;
