-- Monthly cohort retention on CDNOW with cohort_retention (one row per cohort
-- and month with someone active: tools/report.sql charts the table).
\echo
\echo '=== CDNOW: monthly cohort retention ==='

CREATE TABLE cohort_monthly AS
WITH cohorts AS (
    SELECT f.cohort, count(DISTINCT customer_id) AS cohort_size,
           cohort_retention(customer_id, f.cohort, o.ordered_on, '1 month') AS pct
    FROM cdnow_orders o JOIN cdnow_first f USING (customer_id) GROUP BY f.cohort
)
SELECT cohort, (k - 1)::int AS months_since, round(p * cohort_size / 100)::bigint AS active,
       cohort_size, p::numeric AS retention_pct
FROM cohorts, unnest(pct) WITH ORDINALITY AS u(p, k)
WHERE p > 0;

\echo
\echo '% of each first-purchase month''s customers who buy again N months later:'
SELECT to_char(cohort, 'YYYY-MM') AS cohort, max(cohort_size) AS customers,
       round(max(retention_pct) FILTER (WHERE months_since = 1), 1) AS m1,
       round(max(retention_pct) FILTER (WHERE months_since = 2), 1) AS m2,
       round(max(retention_pct) FILTER (WHERE months_since = 3), 1) AS m3,
       round(max(retention_pct) FILTER (WHERE months_since = 6), 1) AS m6,
       round(max(retention_pct) FILTER (WHERE months_since = 9), 1) AS m9,
       round(max(retention_pct) FILTER (WHERE months_since = 12), 1) AS m12,
       round(max(retention_pct) FILTER (WHERE months_since = 15), 1) AS m15,
       round(max(retention_pct) FILTER (WHERE months_since = 17), 1) AS m17
FROM cohort_monthly GROUP BY cohort ORDER BY cohort;
