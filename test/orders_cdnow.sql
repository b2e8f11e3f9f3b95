-- The order metrics on the real CDNOW transactions (69 659 rows, 23 570
-- customers, 1997-01 to 1998-06): repeat purchase ratio, purchase frequency
-- and time between purchases per first-purchase month, against plain SQL.
-- Skipped cleanly when /work/shared/data is absent.
BEGIN;
SELECT plan(5);

CREATE TEMP TABLE raw (line text);
\copy raw FROM PROGRAM 'cat "$RETENTION_SHARED_DATA/cdnow_master.txt" 2>/dev/null || true'

-- whitespace-separated: customer id, date YYYYMMDD, CDs, dollars (header skipped)
CREATE TEMP TABLE cd AS
SELECT f[1]::int AS customer, to_date(f[2], 'YYYYMMDD') AS day
FROM (SELECT regexp_split_to_array(btrim(line, E' \t\r'), '\s+') AS f FROM raw) s
WHERE f[1] ~ '^[0-9]+$';

CREATE TEMP TABLE cd_cohort AS
SELECT cd.*, date_trunc('month', min(day) OVER (PARTITION BY customer))::date AS cohort FROM cd;

CREATE TEMP TABLE cd_ext AS
SELECT cohort, round(repeat_purchase_ratio(customer)::numeric, 9) rpr,
       round(purchase_frequency(customer)::numeric, 9) pf,
       round(extract(epoch FROM time_between_purchases(customer, day)), 6) tbp
FROM cd_cohort GROUP BY ROLLUP (cohort);

CREATE TEMP TABLE cd_ref AS
SELECT cohort, round(100.0 * count(*) FILTER (WHERE n >= 2) / nullif(count(*), 0), 9) rpr,
       round(sum(n)::numeric / nullif(count(*), 0), 9) pf,
       round(sum((l - f) * 86400::numeric) / nullif(sum(n - 1), 0), 6) tbp
FROM (SELECT cohort, customer, count(*) n, min(day) f, max(day) l
      FROM cd_cohort GROUP BY cohort, customer) c
GROUP BY ROLLUP (cohort);

SELECT CASE WHEN (SELECT count(*) FROM raw) = 0 THEN skip('CDNOW data absent', 5)
  ELSE collect_tap(ARRAY[
    is((SELECT count(DISTINCT customer) FROM cd), 23570::bigint, 'CDNOW: 23 570 customers'),
    is((SELECT count(*) FROM cd_ext WHERE cohort IS NOT NULL), 3::bigint, 'CDNOW: three first-purchase months'),
    is((SELECT array_agg(ROW(e.*)::text ORDER BY e.cohort) FROM cd_ext e),
       (SELECT array_agg(ROW(r.*)::text ORDER BY r.cohort) FROM cd_ref r),
       'CDNOW: repeat purchase ratio, purchase frequency and time between purchases per cohort equal plain SQL'),
    is((SELECT rpr FROM cd_ext WHERE cohort IS NULL),
       (SELECT round(100.0 * count(*) FILTER (WHERE n >= 2) / nullif(count(*), 0), 9)
        FROM (SELECT count(*) n FROM cd GROUP BY customer) s),
       'CDNOW: overall repeat purchase ratio'),
    is((SELECT repeat_purchase_ratio(s) FROM (SELECT repeat_purchase_ratio_state(customer) s FROM cd GROUP BY day) q),
       (SELECT repeat_purchase_ratio(customer) FROM cd),
       'CDNOW: daily states merged equal the direct ratio')
  ]) END;

SELECT * FROM finish();
ROLLBACK;
