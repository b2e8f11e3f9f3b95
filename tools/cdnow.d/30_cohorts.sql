-- Monthly cohort retention on CDNOW, in plain SQL for now: the
-- cohort_retention aggregate (being added on another branch) replaces this
-- query once merged (keep the table's columns: tools/report.sql charts it).
\echo
\echo '=== CDNOW: monthly cohort retention ==='

CREATE TABLE cohort_monthly AS
WITH active AS (
    SELECT DISTINCT o.customer_id, f.cohort,
           ((extract(year FROM o.ordered_on) - extract(year FROM f.cohort)) * 12
            + extract(month FROM o.ordered_on) - extract(month FROM f.cohort))::int AS months_since
    FROM cdnow_orders o JOIN cdnow_first f USING (customer_id)
), sizes AS (
    SELECT cohort, count(*) AS cohort_size FROM cdnow_first GROUP BY cohort
)
SELECT cohort, months_since, count(*) AS active, cohort_size, 100.0 * count(*) / cohort_size AS retention_pct
FROM active JOIN sizes USING (cohort) GROUP BY cohort, months_since, cohort_size;

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
