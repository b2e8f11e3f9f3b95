-- Subscription metrics: 3 000 customers of a SaaS product over 2025, some
-- of whom leave and come back; monthly customer churn and revenue retention.
\echo
\echo '=== Subscription metrics: churn, retention, revenue retention ==='

SELECT setseed(0.7) \g /dev/null
CREATE TABLE subscriptions AS
SELECT customer_id, plan, started_on,
       CASE WHEN random() < 0.55 THEN started_on + (30 + random() * 400)::int END AS ended_on,
       mrr
FROM (SELECT c AS customer_id,
             (ARRAY['starter', 'team', 'business'])[1 + floor(random() * 3)::int] AS plan,
             DATE '2024-06-01' + (random() * 560)::int AS started_on,
             round((20 + random() * 480)::numeric, 2) AS mrr
      FROM generate_series(1, 3000) c) s;
-- a tenth of those who left came back later on a second subscription
INSERT INTO subscriptions
SELECT customer_id, plan, ended_on + (20 + random() * 90)::int, NULL, mrr
FROM subscriptions WHERE ended_on IS NOT NULL AND random() < 0.1;

\echo
\echo 'Monthly customer churn and retention (%), reactivations collapsed with range_agg:'
WITH activity AS (
    SELECT customer_id, range_agg(daterange(started_on, ended_on)) AS active
    FROM subscriptions GROUP BY customer_id
)
SELECT to_char(m, 'YYYY-MM') AS month,
       round(churn_rate(active, daterange(m::date, (m + interval '1 month')::date))::numeric, 2) AS churn,
       round(retention_rate(active, daterange(m::date, (m + interval '1 month')::date))::numeric, 2) AS retention,
       (churn_breakdown(churn_state(active, daterange(m::date, (m + interval '1 month')::date)))).*
FROM generate_series(timestamp '2025-01-01', '2025-12-01', interval '1 month') m, activity
GROUP BY m ORDER BY m;

\echo 'Revenue retention over 2025 by plan (MRR at 2025-01-01 against 2026-01-01):'
WITH mrr AS (
    SELECT customer_id, plan,
           sum(mrr) FILTER (WHERE daterange(started_on, ended_on) @> DATE '2025-01-01') AS start_mrr,
           sum(mrr * CASE WHEN plan = 'business' THEN 1.1 ELSE 1 END)
               FILTER (WHERE daterange(started_on, ended_on) @> DATE '2026-01-01') AS end_mrr
    FROM subscriptions GROUP BY customer_id, plan
)
SELECT plan,
       round(net_revenue_retention(start_mrr, end_mrr)::numeric, 1) AS nrr,
       round(gross_revenue_retention(start_mrr, end_mrr)::numeric, 1) AS grr,
       round(revenue_churn_rate(start_mrr, end_mrr)::numeric, 1) AS revenue_churn_pct,
       revenue_churn(start_mrr, end_mrr) AS revenue_lost
FROM mrr GROUP BY plan ORDER BY plan;
