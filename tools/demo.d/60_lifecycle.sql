-- Growth accounting with the lifecycle window function, and a health score.
\echo
\echo '=== Lifecycle: new, retained, resurrected, churned; health score ==='

SELECT setseed(0.9) \g /dev/null
CREATE TABLE monthly_active AS
SELECT DISTINCT customer_id, date_trunc('month', DATE '2025-01-01' + (random() * 364)::int)::date AS month
FROM generate_series(1, 1500) customer_id, generate_series(1, 4);

\echo
\echo 'Growth accounting by month (churned counted in the month after the last active one):'
WITH labelled AS (
    SELECT customer_id, month,
           lifecycle(month) OVER (PARTITION BY customer_id ORDER BY month) AS status,
           lead(month) OVER (PARTITION BY customer_id ORDER BY month) AS next_month
    FROM monthly_active
), months AS (
    SELECT generate_series(DATE '2025-01-01', DATE '2025-12-01', interval '1 month')::date AS month
)
SELECT to_char(m.month, 'YYYY-MM') AS month,
       count(*) FILTER (WHERE l.month = m.month AND status = 'new') AS new,
       count(*) FILTER (WHERE l.month = m.month AND status = 'retained') AS retained,
       count(*) FILTER (WHERE l.month = m.month AND status = 'resurrected') AS resurrected,
       count(*) FILTER (WHERE l.month + interval '1 month' = m.month
                          AND (next_month IS NULL OR next_month > m.month)) AS churned,
       round((count(*) FILTER (WHERE l.month = m.month AND status IN ('new', 'resurrected')))::numeric
             / nullif(count(*) FILTER (WHERE l.month + interval '1 month' = m.month
                                         AND (next_month IS NULL OR next_month > m.month)), 0), 2) AS quick_ratio
FROM months m
LEFT JOIN labelled l ON l.month IN (m.month, (m.month - interval '1 month')::date)
GROUP BY m.month ORDER BY m.month;

\echo 'Health score (usage 50 %, NPS-based 30 %, support 20 %; missing parts renormalised):'
SELECT account, components,
       round(health_score(components, ARRAY[0.5, 0.3, 0.2])::numeric, 1) AS health
FROM (VALUES ('acme', ARRAY[82, 70, 95]::float8[]), ('globex', ARRAY[40, NULL, 60]::float8[]),
             ('initech', ARRAY[15, 20, NULL]::float8[])) a(account, components);
