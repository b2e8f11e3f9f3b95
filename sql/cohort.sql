-- Cohort retention (SPEC section 7): the examples of the README's cohort section, the
-- state's text form and the error messages.
SET TimeZone = 'UTC';
CREATE TABLE cohort_events (customer_id int8, signed_up_at timestamptz, active_at timestamptz);
INSERT INTO cohort_events VALUES
    (1, '2024-01-03 10:00', '2024-01-03 10:00'), (1, '2024-01-03 10:00', '2024-02-10 09:00'),
    (1, '2024-01-03 10:00', '2024-03-20 12:00'),
    (2, '2024-01-15 08:00', '2024-01-15 08:00'), (2, '2024-01-15 08:00', '2024-03-01 08:00'),
    (3, '2024-01-28 18:00', '2024-01-29 18:00'),
    (4, '2024-02-02 12:00', '2024-02-02 12:00'), (4, '2024-02-02 12:00', '2024-03-05 12:00'),
    (5, '2024-02-20 09:00', '2024-02-20 09:00'),
    (NULL, '2024-02-20 09:00', '2024-02-21 09:00'),
    (6, '2024-02-25 09:00', NULL);

-- the four aggregates of SPEC section 1
SELECT date_trunc('month', signed_up_at)::date AS cohort,
       cohort_retention(customer_id, signed_up_at, active_at, '1 month')
FROM cohort_events GROUP BY 1 ORDER BY 1;
SELECT cohort_retention_state(customer_id, signed_up_at, active_at, '1 month')
FROM cohort_events WHERE signed_up_at < '2024-02-01';
SELECT date_trunc('month', signed_up_at)::date AS cohort, active_at::date AS day,
       cohort_retention_state(customer_id, signed_up_at, active_at, '1 month') AS state
INTO TEMP daily FROM cohort_events GROUP BY 1, 2;
SELECT cohort, cohort_retention(state) FROM daily GROUP BY 1 ORDER BY 1;
SELECT cohort, cohort_retention_state(state) FROM daily GROUP BY 1 ORDER BY 1;

-- weeks and days, the date form, other key types
SELECT date_trunc('month', signed_up_at)::date AS cohort,
       cohort_retention(customer_id, signed_up_at, active_at, '1 week') AS weekly
FROM cohort_events GROUP BY 1 ORDER BY 1;
SELECT cohort_retention(customer_id::text, signed_up_at::date, active_at::date, '7 days')
FROM cohort_events WHERE signed_up_at < '2024-02-01';
SELECT cohort_retention_state(md5(customer_id::text)::uuid, signed_up_at, active_at, '1 day')
FROM cohort_events WHERE customer_id <= 2;
SELECT cohort_retention_state(customer_id::int4, signed_up_at, active_at, '12 hours')
FROM cohort_events WHERE customer_id = 3;

-- months as age() counts them: Jan 31 to Feb 29 is month 0, to Mar 1 month 1
SELECT cohort_retention(c, s, a, '1 month')
FROM (VALUES (1, timestamptz '2024-01-31', timestamptz '2024-02-29'),
             (2, timestamptz '2024-01-31', timestamptz '2024-03-01')) v(c, s, a);

-- the array as rows: one per cohort and period
SELECT cohort, p.period - 1 AS months_after, round(p.pct::numeric, 1) AS pct
FROM (SELECT date_trunc('month', signed_up_at)::date AS cohort,
             cohort_retention(customer_id, signed_up_at, active_at, '1 month') AS r
      FROM cohort_events GROUP BY 1) c,
     unnest(c.r) WITH ORDINALITY AS p(pct, period)
ORDER BY 1, 2;

-- a window (no inverse: each frame is computed again)
SELECT active_at::date, customer_id,
       cohort_retention(customer_id, signed_up_at, active_at, '1 month') OVER (ORDER BY active_at ROWS 2 PRECEDING)
FROM cohort_events WHERE active_at IS NOT NULL ORDER BY active_at;

-- empty and typed-in states
SELECT cohort_retention(customer_id, signed_up_at, active_at, '1 month') FROM cohort_events WHERE false;
SELECT cohort_retention('v1 int period=1mon {1:3:757591200000000:111,2:2:758620800000000:101}'::cohort_retention_state);

-- errors
SELECT cohort_retention(1, timestamptz '2024-02-01', timestamptz '2024-01-31', '1 month');
SELECT cohort_retention(1, now(), now(), '0 days');
SELECT cohort_retention(1, now(), now(), '-1 week');
SELECT cohort_retention(1, now(), now(), NULL);
SELECT cohort_retention(1, now(), now(), '1 month 15 days');
SELECT cohort_retention(customer_id, signed_up_at, active_at, CASE WHEN customer_id = 2 THEN interval '1 week' ELSE '1 month' END)
FROM cohort_events;
SELECT cohort_retention(customer_id, date_trunc('month', active_at), active_at, '1 month') FROM cohort_events;
SELECT cohort_retention(1, now(), timestamptz 'infinity', '1 day');
SELECT cohort_retention(1, timestamptz '2000-01-01', timestamptz '2024-01-01', '1 second');
SELECT 'v1 int period=1mon {1:1:0:10}'::cohort_retention_state;
SELECT 'v1 int {1:1:0:1}'::cohort_retention_state;
SELECT 'v1 int period=0d {1:1:0:1}'::cohort_retention_state;
SELECT cohort_retention(s)
FROM (SELECT cohort_retention_state(1, now(), now(), '1 day')
      UNION ALL SELECT cohort_retention_state(2, now(), now(), '1 month')) v(s);

DROP TABLE cohort_events;
