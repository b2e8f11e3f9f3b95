-- SaaS revenue analytics on the subscriptions of 20_subscription.sql: the
-- monthly MRR bridge of 2025 (mrr_movements), its quick ratio and net MRR
-- churn, revenue retention of the signup cohorts, ARPA, unit economics and
-- trial conversion.
\echo
\echo '=== SaaS revenue: MRR bridge, revenue cohorts, ARPA, unit economics, trials ==='

-- One row per subscription and month it is active on the 1st, its MRR
-- drifting as in revenue_monthly (seats, upgrades, discounts).
CREATE TABLE subscription_mrr AS
SELECT customer_id, m::date AS month,
       round((mrr * (1 + ((customer_id * 7919) % 41 - 12) / 1000.0) ^ ((m::date - started_on) / 30.44))::numeric, 2) AS mrr
FROM subscriptions, generate_series(timestamp '2025-01-01', '2025-12-01', interval '1 month') m
WHERE daterange(started_on, ended_on) @> m::date;

\echo
\echo 'The MRR bridge of 2025 (mrr_movements; January counts everyone as new: the data start there):'
CREATE TABLE mrr_bridge AS
SELECT b.* FROM (SELECT mrr_movements(customer_id, month, mrr) AS bridge FROM subscription_mrr) x, unnest(bridge) b;
SELECT to_char(month, 'YYYY-MM') AS month, customers_start, round(mrr_start, 0) AS mrr_start,
       round(new_mrr, 0) AS new, round(expansion_mrr, 0) AS expansion, round(reactivation_mrr, 0) AS reactivation,
       round(contraction_mrr, 0) AS contraction, round(churned_mrr, 0) AS churned, round(mrr_end, 0) AS mrr_end,
       customers_end,
       round((new_mrr + expansion_mrr) / nullif(contraction_mrr + churned_mrr, 0), 2) AS quick_ratio,
       round(100 * (churned_mrr + contraction_mrr - expansion_mrr - reactivation_mrr) / nullif(mrr_start, 0), 2) AS net_mrr_churn_pct,
       round(mrr_end / nullif(customers_end, 0), 2) AS arpa
FROM mrr_bridge ORDER BY month;

\echo 'Net and gross MRR retention of three 2025 cohorts (customers by first billed month; % of that month''s MRR, by month since):'
SELECT to_char(f.first_month, 'YYYY-MM') AS cohort,
       (SELECT array_agg(round(x::numeric, 1)) FROM unnest(cohort_revenue_retention(m.customer_id, f.first_month, m.month, m.mrr, false)) x) AS net,
       (SELECT array_agg(round(x::numeric, 1)) FROM unnest(cohort_revenue_retention(m.customer_id, f.first_month, m.month, m.mrr, true)) x) AS gross
FROM subscription_mrr m
JOIN (SELECT customer_id, min(month) AS first_month FROM subscription_mrr GROUP BY customer_id) f USING (customer_id)
WHERE f.first_month IN (DATE '2025-02-01', DATE '2025-05-01', DATE '2025-08-01')
GROUP BY 1 ORDER BY 1;

\echo 'ARPA by plan in December 2025, and unit economics (marketing spend of 2025: 1 500 000):'
SELECT plan, round(arpa(m.customer_id, m.mrr), 2) AS arpa
FROM subscription_mrr m JOIN (SELECT DISTINCT ON (customer_id) customer_id, plan FROM subscriptions ORDER BY customer_id, started_on) p USING (customer_id)
WHERE month = DATE '2025-12-01' GROUP BY plan ORDER BY plan;
SELECT round(cac(1500000::numeric, new_2025), 2) AS cac,
       round(ltv_cac_ratio(saas_ltv(arpa, 3.0, 0.8), cac(1500000::float8, new_2025))::numeric, 2) AS ltv_cac_ratio,
       round(cac_payback_months(cac(1500000::float8, new_2025), arpa, 0.8)::numeric, 1) AS cac_payback_months
FROM (SELECT sum(new_customers)::bigint AS new_2025 FROM mrr_bridge WHERE month > DATE '2025-01-01') n,
     (SELECT arpa(customer_id, mrr)::float8 AS arpa FROM subscription_mrr WHERE month = DATE '2025-12-01') a;

\echo 'Trial conversion within 14 days, by signup month (a trial up to 14 days before each 2025 subscription, 300 trials that never convert):'
SELECT to_char(date_trunc('month', trial_started_on), 'YYYY-MM') AS month,
       count(*) AS trials, round(trial_conversion_rate(trial_started_on, converted_on, '14 days')::numeric, 1) AS converted_pct
FROM (SELECT started_on - (customer_id % 15) AS trial_started_on,
             CASE WHEN customer_id % 3 = 0 THEN NULL ELSE started_on END AS converted_on
      FROM subscriptions WHERE started_on >= DATE '2025-01-15' AND started_on < DATE '2026-01-01'
      UNION ALL
      SELECT DATE '2025-01-01' + (g * 7) % 360, NULL FROM generate_series(1, 300) g) t
GROUP BY 1 ORDER BY 1;
