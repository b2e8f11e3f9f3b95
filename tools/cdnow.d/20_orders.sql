-- Order metrics per first-purchase month (every CDNOW customer made a first
-- purchase in the first quarter of 1997), 18 months of data.
\echo
\echo '=== CDNOW: repeat purchases by first-purchase month ==='

CREATE TABLE cdnow_first AS
SELECT customer_id, date_trunc('month', min(ordered_on))::date AS cohort FROM cdnow_orders GROUP BY customer_id;

\echo
\echo 'Repeat purchase ratio (%), loyal customers (5 or more orders, %), orders per customer, time between purchases:'
SELECT coalesce(to_char(f.cohort, 'YYYY-MM'), 'all') AS first_purchase,
       count(DISTINCT o.customer_id) AS customers, count(*) AS orders,
       round(repeat_purchase_ratio(o.customer_id)::numeric, 1) AS repeat_pct,
       round(loyal_customer_rate(o.customer_id, 5)::numeric, 1) AS loyal_pct,
       round(purchase_frequency(o.customer_id)::numeric, 2) AS orders_per_customer,
       date_trunc('hour', time_between_purchases(o.customer_id, o.ordered_on)) AS time_between_purchases,
       round(avg(o.amount), 2) AS mean_order
FROM cdnow_orders o JOIN cdnow_first f USING (customer_id)
GROUP BY ROLLUP (f.cohort) ORDER BY f.cohort NULLS LAST;

\echo 'Repeat purchase ratio (%) by half-year of the purchases, customers of each first-purchase month:'
SELECT to_char(f.cohort, 'YYYY-MM') AS first_purchase,
       round(repeat_purchase_ratio(o.customer_id) FILTER (WHERE o.ordered_on < '1997-07-01')::numeric, 1) AS "1997 H1",
       round(repeat_purchase_ratio(o.customer_id) FILTER (WHERE o.ordered_on >= '1997-07-01' AND o.ordered_on < '1998-01-01')::numeric, 1) AS "1997 H2",
       round(repeat_purchase_ratio(o.customer_id) FILTER (WHERE o.ordered_on >= '1998-01-01')::numeric, 1) AS "1998 H1"
FROM cdnow_orders o JOIN cdnow_first f USING (customer_id)
GROUP BY f.cohort ORDER BY f.cohort;
