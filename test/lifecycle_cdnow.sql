-- lifecycle() on the real CDNOW transactions (23 570 customers, 1997-01 to
-- 1998-06) against the lag()-based SQL for every customer and month.
-- Skipped cleanly when /work/shared/data is absent.
BEGIN;
SELECT plan(5);

CREATE TEMP TABLE raw (line text);
\copy raw FROM PROGRAM 'cat "$RETENTION_SHARED_DATA/cdnow_master.txt" 2>/dev/null || true'

-- whitespace-separated: customer id, date YYYYMMDD, CDs, dollars (header skipped)
CREATE TEMP TABLE cd_months AS
SELECT DISTINCT f[1]::int AS customer, date_trunc('month', to_date(f[2], 'YYYYMMDD'))::date AS month
FROM (SELECT regexp_split_to_array(btrim(line, E' \t\r'), '\s+') AS f FROM raw) s
WHERE f[1] ~ '^[0-9]+$';

CREATE TEMP TABLE cd_labels AS
SELECT customer, month,
       lifecycle(month) OVER w AS l,
       CASE WHEN lag(month) OVER w IS NULL THEN 'new'
            WHEN lag(month) OVER w + interval '1 month' = month THEN 'retained'
            ELSE 'resurrected' END AS r
FROM cd_months
WINDOW w AS (PARTITION BY customer ORDER BY month);

SELECT CASE WHEN (SELECT count(*) FROM raw) = 0 THEN skip('CDNOW data absent', 5)
  ELSE collect_tap(ARRAY[
    is((SELECT count(DISTINCT customer) FROM cd_months), 23570::bigint, 'CDNOW: 23 570 customers'),
    ok((SELECT count(*) FROM cd_labels) > 30000, 'CDNOW: every active customer-month labelled'),
    is((SELECT count(*) FROM cd_labels WHERE l IS DISTINCT FROM r), 0::bigint,
       'CDNOW: lifecycle equals the lag() SQL for every customer and month'),
    is((SELECT count(*) FROM cd_labels WHERE l = 'new'), 23570::bigint, 'CDNOW: each customer is new once'),
    is((SELECT array_agg(DISTINCT l ORDER BY l) FROM cd_labels), ARRAY['new', 'resurrected', 'retained'],
       'CDNOW: all three labels occur')
  ]) END;

SELECT * FROM finish();
ROLLBACK;
