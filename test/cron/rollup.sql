-- pgTAP test of a scheduled rollup (the README's scheduled-rollup example): a daily materialized view
-- of metric states, refreshed CONCURRENTLY by pg_cron every minute, read by
-- month and over a rolling 7-day window with the merge aggregates.
--
-- Runs in the database named by cron.database_name (tools/test creates it
-- with retention, pgtap and pg_cron).  Not in a transaction: pg_cron's
-- launcher and the job's own session must see the table, the view and the
-- job committed.  Waits up to 135 s for the first scheduled run (pg_cron 1.4
-- schedules by the minute).
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only on
\pset pager off

SELECT plan(13);

CREATE TABLE rollup_events (customer_id int, happened_on date, score int);
-- January and February 2026, deterministic.
INSERT INTO rollup_events
SELECT i % 53 + 1, DATE '2026-01-01' + (i * 13) % 59, (i * 7) % 11
  FROM generate_series(1, 600) i;

CREATE MATERIALIZED VIEW rollup_daily AS
SELECT happened_on AS day,
       nps_state(score) AS nps,
       repeat_purchase_ratio_state(customer_id) AS rpr,
       count(*) AS events
  FROM rollup_events
 GROUP BY happened_on;
-- REFRESH ... CONCURRENTLY needs a unique index on plain columns.
CREATE UNIQUE INDEX rollup_daily_day ON rollup_daily (day);

-- Rows that arrive after the view was built: more on existing days, and
-- the first days of March.
INSERT INTO rollup_events
SELECT i % 61 + 1, DATE '2026-02-20' + i % 12, (i * 5) % 11
  FROM generate_series(601, 720) i;

SELECT is((SELECT sum(events) FROM rollup_daily)::int, 600,
          'before any refresh the view holds the first 600 rows');

SELECT cron.schedule('retention_rollup_daily', '* * * * *',
                     'REFRESH MATERIALIZED VIEW CONCURRENTLY rollup_daily') AS jobid \gset
SELECT is((SELECT schedule || ' ' || command FROM cron.job WHERE jobid = :jobid),
          '* * * * * REFRESH MATERIALIZED VIEW CONCURRENTLY rollup_daily',
          'the job is scheduled every minute');

-- Wait for the first run to finish (success or failure), at most 135 s:
-- once a clean-clone run recorded no run at all within 75 s (the scheduler
-- noticing the new job after the first minute boundary, under load), so two
-- minute boundaries are allowed.
DO $$
DECLARE
    deadline timestamptz := clock_timestamp() + interval '135 seconds';
BEGIN
    LOOP
        EXIT WHEN EXISTS (SELECT 1 FROM cron.job_run_details d JOIN cron.job j USING (jobid)
                           WHERE j.jobname = 'retention_rollup_daily'
                             AND d.status IN ('succeeded', 'failed'));
        EXIT WHEN clock_timestamp() > deadline;
        PERFORM pg_sleep(0.5);
    END LOOP;
END
$$;

SELECT ok(EXISTS (SELECT 1 FROM cron.job_run_details WHERE jobid = :jobid AND status = 'succeeded'),
          'a scheduled refresh succeeded within 135 s');
SELECT diag('pg_cron run: ' || status || ' ' || coalesce(return_message, ''))
  FROM cron.job_run_details WHERE jobid = :jobid AND status <> 'succeeded';
SELECT diag('pg_cron recorded no run of the job at all; cron.job_run_details has '
            || (SELECT count(*) FROM cron.job_run_details) || ' rows')
 WHERE NOT EXISTS (SELECT 1 FROM cron.job_run_details WHERE jobid = :jobid);
SELECT is((SELECT return_message FROM cron.job_run_details
            WHERE jobid = :jobid AND status = 'succeeded' ORDER BY runid LIMIT 1),
          'REFRESH MATERIALIZED VIEW', 'the job ran the refresh');

SELECT is((SELECT sum(events) FROM rollup_daily)::int, 720,
          'the refreshed view has the rows inserted after it was built');
SELECT is((SELECT count(*) FROM rollup_daily WHERE day >= '2026-03-01')::int, 3,
          'and the new days of March');

-- Monthly figures from the stored states equal those of the raw rows.
SELECT results_eq($$
    SELECT date_trunc('month', day)::date, nps(nps), repeat_purchase_ratio(rpr), sum(events)::bigint
      FROM rollup_daily GROUP BY 1 ORDER BY 1$$,
    $$SELECT date_trunc('month', happened_on)::date, nps(score), repeat_purchase_ratio(customer_id), count(*)
      FROM rollup_events GROUP BY 1 ORDER BY 1$$,
    'monthly NPS and repeat purchase ratio merged from daily states = from raw rows');

SELECT is((SELECT count(*) FROM rollup_daily)::int,
          (SELECT count(DISTINCT happened_on) FROM rollup_events)::int,
          'one row per day with events');

-- A rolling 7-day window over the stored states (moving-aggregate merge).
SELECT results_eq($$
    SELECT day, nps(nps) OVER w, repeat_purchase_ratio(rpr) OVER w
      FROM rollup_daily
    WINDOW w AS (ORDER BY day RANGE BETWEEN interval '6 days' PRECEDING AND CURRENT ROW)
     ORDER BY day$$,
    $$SELECT d.day, (SELECT nps(score) FROM rollup_events e
                      WHERE e.happened_on BETWEEN d.day - 6 AND d.day),
                    (SELECT repeat_purchase_ratio(customer_id) FROM rollup_events e
                      WHERE e.happened_on BETWEEN d.day - 6 AND d.day)
      FROM (SELECT DISTINCT happened_on AS day FROM rollup_events) d ORDER BY d.day$$,
    'rolling 7-day NPS and repeat purchase ratio from daily states = from raw rows');

-- Multi-level: monthly states merged from daily states, read later.
SELECT is((SELECT nps(m) FROM (SELECT nps_state(nps) AS m FROM rollup_daily
                                GROUP BY date_trunc('month', day)) s),
          (SELECT nps(score) FROM rollup_events),
          'monthly states merged again give the overall NPS');
SELECT is((SELECT nps(nps) FROM rollup_daily WHERE day >= '2026-03-01'),
          (SELECT nps(score) FROM rollup_events WHERE happened_on >= '2026-03-01'),
          'March NPS, from rows that arrived after the view was built');

SELECT ok(cron.unschedule('retention_rollup_daily'), 'cron.unschedule removes the job');
SELECT is_empty($$SELECT 1 FROM cron.job WHERE jobname = 'retention_rollup_daily'$$, 'the job is gone');

DROP MATERIALIZED VIEW rollup_daily;
DROP TABLE rollup_events;

SELECT * FROM finish();
