-- Product-analytics retention (SPEC section 10) on the orders of
-- 30_orders.sql: the pooled retention curve of every customer by months
-- since their first order, in both modes ('on' and 'on_or_after') with the
-- months not yet ended left out (observed_until, the end of the data), next
-- to the naive pooled curve; retention brackets; recurring retention; and a
-- purchase funnel with window_funnel.  retention_modes feeds the HTML report.
\echo
\echo '=== Product analytics: retention modes, incomplete periods, brackets, recurring retention, funnels ==='

SET TimeZone = 'UTC';
CREATE TABLE retention_modes AS
WITH firsts AS (
    SELECT customer_id, min(ordered_at) AS first_at FROM orders GROUP BY customer_id
), curves AS (
    SELECT cohort_periods(o.customer_id, f.first_at, o.ordered_at, '1 month', 'on', timestamptz '2026-01-01 00:00+00') AS on_p,
           cohort_periods(o.customer_id, f.first_at, o.ordered_at, '1 month', 'on_or_after', timestamptz '2026-01-01 00:00+00') AS after_p,
           cohort_retention(o.customer_id, f.first_at, o.ordered_at, '1 month') AS naive
    FROM orders o JOIN firsts f USING (customer_id)
)
SELECT (on_p[k]).period AS months_since, (on_p[k]).customers, (on_p[k]).active AS active_on,
       (after_p[k]).active AS active_on_or_after, (on_p[k]).rate AS on_pct, (after_p[k]).rate AS on_or_after_pct,
       naive[k] AS naive_on_pct
FROM curves, generate_subscripts(on_p, 1) k;

\echo
\echo 'Pooled retention by months since the first order (% of the customers whose month has ended by 2026-01-01;'
\echo 'on: bought in that month; on or after: in it or later; naive: every customer in the denominator, ended or not):'
SELECT months_since, customers, round(on_pct::numeric, 1) AS on_pct, round(on_or_after_pct::numeric, 1) AS on_or_after_pct,
       round(naive_on_pct::numeric, 1) AS naive_on_pct
FROM retention_modes WHERE on_pct IS NOT NULL ORDER BY months_since;

\echo 'Bracket retention (day 0, days 1-6, 7-29, 30-89, 90-364 after the first order; % of all customers):'
SELECT b[1] AS day_0, b[2] AS days_1_6, b[3] AS days_7_29, b[4] AS days_30_89, b[5] AS days_90_364
FROM (SELECT (SELECT array_agg(round(x::numeric, 1)) FROM unnest(cohort_retention_brackets(o.customer_id, f.first_at, o.ordered_at,
                  ARRAY['0 days', '1 day', '7 days', '30 days', '90 days', '365 days']::interval[])) x) AS b
      FROM orders o JOIN (SELECT customer_id, min(ordered_at) AS first_at FROM orders GROUP BY customer_id) f USING (customer_id)) q;

\echo 'Recurring retention (% of the customers buying in a month of 2025 who buy again N months later):'
SELECT (SELECT array_agg(round(x::numeric, 1)) FROM unnest(recurring_retention(customer_id, ordered_at, '1 month', timestamptz '2025-01-01 00:00+00')) x)
       AS by_lag_0_to_11
FROM orders;

\echo 'A purchase funnel within 90 days: any order, then one of 50 or more, then one of 100 or more (users reaching each step, % of the step before):'
SELECT s.step, count(*) FILTER (WHERE f.level >= s.step) AS customers,
       round(100.0 * count(*) FILTER (WHERE f.level >= s.step)
             / nullif(count(*) FILTER (WHERE f.level >= s.step - 1), 0), 1) AS conversion_pct
FROM (SELECT customer_id, window_funnel('90 days', ordered_at, true, amount >= 50, amount >= 100) AS level
      FROM orders GROUP BY customer_id) f,
     generate_series(1, 3) s(step)
GROUP BY s.step ORDER BY s.step;
