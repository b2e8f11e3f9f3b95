-- cohort_retention on the real CDNOW transactions (69 659 rows, 23 570
-- customers, 1997-01 to 1998-06): monthly first-purchase cohorts, each
-- customer counted from its own first purchase, against the plain-SQL
-- cohort table (count(DISTINCT customer) per cohort and month).  Skipped
-- cleanly when /work/shared/data is absent.
BEGIN;
SELECT plan(5);
SET LOCAL TimeZone = 'UTC';

CREATE TEMP TABLE raw (line text);
\copy raw FROM PROGRAM 'cat "$RETENTION_SHARED_DATA/cdnow_master.txt" 2>/dev/null || true'

-- whitespace-separated: customer id, date YYYYMMDD, CDs, dollars (header skipped)
CREATE TEMP TABLE cd AS
SELECT f[1]::int AS customer, to_date(f[2], 'YYYYMMDD') AS day
FROM (SELECT regexp_split_to_array(btrim(line, E' \t\r'), '\s+') AS f FROM raw) s
WHERE f[1] ~ '^[0-9]+$';

CREATE TEMP TABLE cd_cohort AS
SELECT cd.*, min(day) OVER (PARTITION BY customer) AS first_day FROM cd;

CREATE TEMP TABLE cd_ext AS
SELECT date_trunc('month', first_day)::date AS cohort,
       cohort_retention(customer, first_day, day, '1 month') AS r
FROM cd_cohort GROUP BY 1;

-- the plain SQL: months since the first purchase as age() counts them
CREATE TEMP TABLE cd_ref AS
WITH e AS (
    SELECT date_trunc('month', first_day)::date AS cohort, customer,
           (extract(year FROM age(day, first_day)) * 12 + extract(month FROM age(day, first_day)))::int AS m
    FROM cd_cohort),
n AS (SELECT cohort, count(DISTINCT customer) n, max(m) mx FROM e GROUP BY cohort),
r AS (SELECT cohort, m, count(DISTINCT customer) x FROM e GROUP BY cohort, m)
SELECT n.cohort, (SELECT array_agg((100.0 * coalesce(r.x, 0) / n.n)::float8 ORDER BY g)
                  FROM generate_series(0, n.mx) g LEFT JOIN r ON r.cohort = n.cohort AND r.m = g) AS r
FROM n;

SELECT CASE WHEN (SELECT count(*) FROM raw) = 0 THEN skip('CDNOW data absent', 5)
  ELSE collect_tap(ARRAY[
    is((SELECT count(DISTINCT customer) FROM cd), 23570::bigint, 'CDNOW: 23 570 customers'),
    is((SELECT count(*) FROM cd_ext), 3::bigint, 'CDNOW: three first-purchase months'),
    is((SELECT array_agg(ROW(e.cohort, e.r)::text ORDER BY e.cohort) FROM cd_ext e),
       (SELECT array_agg(ROW(r.cohort, r.r)::text ORDER BY r.cohort) FROM cd_ref r),
       'CDNOW: monthly retention of each first-purchase cohort equals the plain-SQL cohort table'),
    is((SELECT array_agg(r::text ORDER BY cohort) FROM
          (SELECT date_trunc('month', first_day)::date AS cohort,
                  cohort_retention(customer::text, first_day::timestamptz, day::timestamptz, '1 month') r
           FROM cd_cohort GROUP BY 1) q),
       (SELECT array_agg(r::text ORDER BY cohort) FROM cd_ext),
       'CDNOW: the timestamptz form and text keys give the date form''s result'),
    is((SELECT array_agg(r::text ORDER BY cohort) FROM
          (SELECT cohort, cohort_retention(s) r
           FROM (SELECT date_trunc('month', first_day)::date AS cohort, day,
                        cohort_retention_state(customer, first_day, day, '1 month') s
                 FROM cd_cohort GROUP BY 1, 2) d GROUP BY cohort) q),
       (SELECT array_agg(r::text ORDER BY cohort) FROM cd_ext),
       'CDNOW: daily states merged per cohort give the direct result')
  ]) END;

SELECT * FROM finish();
ROLLBACK;
