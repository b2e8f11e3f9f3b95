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
CREATE TABLE churn_monthly AS
WITH activity AS (
    SELECT customer_id, range_agg(daterange(started_on, ended_on)) AS active
    FROM subscriptions GROUP BY customer_id
)
SELECT m::date AS month,
       churn_rate(active, daterange(m::date, (m + interval '1 month')::date)) AS churn,
       retention_rate(active, daterange(m::date, (m + interval '1 month')::date)) AS retention,
       (churn_breakdown(churn_state(active, daterange(m::date, (m + interval '1 month')::date)))).*
FROM generate_series(timestamp '2025-01-01', '2025-12-01', interval '1 month') m, activity
GROUP BY m;
SELECT to_char(month, 'YYYY-MM') AS month, round(churn::numeric, 2) AS churn,
       round(retention::numeric, 2) AS retention, at_start, retained, churned, at_end, new_or_returning
FROM churn_monthly ORDER BY month;

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

\echo 'Monthly revenue retention (%): each customer''s MRR drifts by -1.2 % to +2.8 % a month'
\echo '(seats, upgrades, discounts), so net (NRR) and gross (GRR) revenue retention differ:'
CREATE TABLE revenue_monthly AS
WITH s AS (
    SELECT customer_id, started_on, ended_on, mrr,
           ((customer_id * 7919) % 41 - 12) / 1000.0 AS monthly_drift   -- deterministic per customer
    FROM subscriptions
), mrr AS (
    SELECT m::date AS month, customer_id,
           sum(mrr * (1 + monthly_drift) ^ ((m::date - started_on) / 30.44))
               FILTER (WHERE daterange(started_on, ended_on) @> m::date) AS start_mrr,
           sum(mrr * (1 + monthly_drift) ^ (((m + interval '1 month')::date - started_on) / 30.44))
               FILTER (WHERE daterange(started_on, ended_on) @> (m + interval '1 month')::date) AS end_mrr
    FROM generate_series(timestamp '2025-01-01', '2025-12-01', interval '1 month') m, s
    GROUP BY m, customer_id
)
SELECT month, count(start_mrr) FILTER (WHERE start_mrr > 0) AS customers_at_start,
       sum(start_mrr) AS start_mrr, sum(end_mrr) FILTER (WHERE start_mrr > 0) AS end_mrr_of_those,
       net_revenue_retention(start_mrr, end_mrr) AS nrr,
       gross_revenue_retention(start_mrr, end_mrr) AS grr,
       revenue_churn_rate(start_mrr, end_mrr) AS revenue_churn_pct,
       revenue_churn(start_mrr, end_mrr) AS revenue_lost
FROM mrr GROUP BY month;
SELECT to_char(month, 'YYYY-MM') AS month, customers_at_start, round(start_mrr::numeric, 0) AS start_mrr,
       round(end_mrr_of_those::numeric, 0) AS end_mrr, round(nrr::numeric, 1) AS nrr, round(grr::numeric, 1) AS grr,
       round(revenue_churn_pct::numeric, 1) AS revenue_churn_pct, round(revenue_lost::numeric, 0) AS revenue_lost
FROM revenue_monthly ORDER BY month;
