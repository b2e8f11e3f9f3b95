-- Orders: 4 000 customers of a web shop acquired over 2025.  Each one buys at
-- a rate of their own and, after every order, may silently leave for good
-- (the "buy till you die" story that the BG/NBD model of 50_clv.sql assumes),
-- with a typical basket of their own; some units come back.  Also a year of
-- shop visits (conversion) and of app activity (stickiness).  The tables
-- customers and orders are used again by 50_clv.sql and the HTML report.
\echo
\echo '=== Orders: repeat purchases, frequency, time between purchases, returns, conversion, stickiness ==='

SET TimeZone = 'UTC';
SELECT setseed(0.15) \g /dev/null
CREATE TABLE customers AS
SELECT customer_id, channel, first_order_at,
       -- orders per week: log-normal around 0.12, apps buy more, marketplaces less
       exp(ln(0.12) + 0.8 * z1) * CASE channel WHEN 'app' THEN 1.3 WHEN 'marketplace' THEN 0.7 ELSE 1 END
           AS orders_per_week,
       -- orders before leaving: 1 + geometric(dropout), dropout between 3 and 48 %
       1 + floor(ln(1 - u) / ln(1 - (0.03 + 0.45 * d * d)))::int AS lifetime_orders,
       -- typical basket: log-normal around 40
       exp(ln(40) + 0.45 * z2) AS basket
FROM (SELECT c AS customer_id,
             (ARRAY['web', 'app', 'marketplace'])[1 + floor(random() * 3)::int] AS channel,
             timestamptz '2025-01-01 00:00+00' + random() * interval '365 days' AS first_order_at,
             sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) AS z1,
             sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) AS z2,
             random() AS u, random() AS d
      FROM generate_series(1, 4000) c) s;

CREATE TABLE orders AS
SELECT customer_id, channel, ordered_at, amount,
       units_sold, CASE WHEN u_ret < 0.07 THEN 1 + floor(u_ret / 0.07 * units_sold)::int ELSE 0 END AS units_returned
FROM (
    SELECT customer_id, channel, k,
           first_order_at + sum(gap) OVER (PARTITION BY customer_id ORDER BY k) AS ordered_at,
           round((basket * exp(0.3 * z))::numeric, 2) AS amount,
           1 + floor(basket * exp(0.3 * z) / 30)::int AS units_sold,
           u_ret, lifetime_orders
    FROM (SELECT c.*, k,
                 CASE WHEN k = 1 THEN interval '0' ELSE -ln(1 - random()) / orders_per_week * interval '1 week' END AS gap,
                 sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) AS z,
                 random() AS u_ret
          FROM customers c, generate_series(1, 60) k) draws
) o
WHERE k <= lifetime_orders AND ordered_at < timestamptz '2026-01-01 00:00+00';

\echo
\echo 'All of 2025 (loyal = 5 or more orders; return rate = units returned / units sold):'
SELECT count(DISTINCT customer_id) AS customers, count(*) AS orders,
       round(repeat_purchase_ratio(customer_id)::numeric, 1) AS repeat_pct,
       round(loyal_customer_rate(customer_id, 5)::numeric, 1) AS loyal_pct,
       round(purchase_frequency(customer_id)::numeric, 2) AS orders_per_customer,
       date_trunc('hour', time_between_purchases(customer_id, ordered_at)) AS time_between_purchases,
       round(return_rate(units_sold, units_returned)::numeric, 2) AS return_pct
FROM orders;

\echo 'By acquisition channel:'
SELECT channel, count(DISTINCT customer_id) AS customers,
       round(repeat_purchase_ratio(customer_id)::numeric, 1) AS repeat_pct,
       round(loyal_customer_rate(customer_id, 5)::numeric, 1) AS loyal_pct,
       round(purchase_frequency(customer_id)::numeric, 2) AS orders_per_customer,
       date_trunc('hour', time_between_purchases(customer_id, ordered_at)) AS time_between_purchases,
       round(return_rate(units_sold, units_returned)::numeric, 2) AS return_pct
FROM orders GROUP BY channel ORDER BY channel;

\echo 'By first-purchase quarter (older customers have had more time to come back):'
SELECT to_char(date_trunc('quarter', c.first_order_at), 'YYYY-"Q"Q') AS first_purchase,
       count(DISTINCT o.customer_id) AS customers,
       round(repeat_purchase_ratio(o.customer_id)::numeric, 1) AS repeat_pct,
       round(purchase_frequency(o.customer_id)::numeric, 2) AS orders_per_customer,
       date_trunc('hour', time_between_purchases(o.customer_id, o.ordered_at)) AS time_between_purchases
FROM orders o JOIN customers c USING (customer_id)
GROUP BY 1 ORDER BY 1;

\echo 'Monthly cohort retention: % of each first-purchase month''s customers who buy in month N after it:'
-- cohort_retention: element k of each cohort's array is the percent of its
-- customers active in month k-1 after the cohort month's first day; the
-- table keeps one row per cohort and month with someone active (tools/report.sql
-- charts it).
CREATE TABLE cohort_monthly AS
WITH firsts AS (
    SELECT customer_id, date_trunc('month', min(ordered_at)) AS cohort FROM orders GROUP BY customer_id
), cohorts AS (
    SELECT f.cohort::date AS cohort, count(DISTINCT customer_id) AS cohort_size,
           cohort_retention(customer_id, f.cohort, o.ordered_at, '1 month') AS pct
    FROM orders o JOIN firsts f USING (customer_id) GROUP BY f.cohort
)
SELECT cohort, (k - 1)::int AS months_since, round(p * cohort_size / 100)::bigint AS active,
       cohort_size, p::numeric AS retention_pct
FROM cohorts, unnest(pct) WITH ORDINALITY AS u(p, k)
WHERE p > 0;
SELECT to_char(cohort, 'YYYY-MM') AS cohort, max(cohort_size) AS customers,
       round(max(retention_pct) FILTER (WHERE months_since = 1), 1) AS m1,
       round(max(retention_pct) FILTER (WHERE months_since = 2), 1) AS m2,
       round(max(retention_pct) FILTER (WHERE months_since = 3), 1) AS m3,
       round(max(retention_pct) FILTER (WHERE months_since = 4), 1) AS m4,
       round(max(retention_pct) FILTER (WHERE months_since = 5), 1) AS m5,
       round(max(retention_pct) FILTER (WHERE months_since = 6), 1) AS m6,
       round(max(retention_pct) FILTER (WHERE months_since = 9), 1) AS m9,
       round(max(retention_pct) FILTER (WHERE months_since = 11), 1) AS m11
FROM cohort_monthly GROUP BY cohort ORDER BY cohort;

\echo 'Rollup: monthly repeat_purchase_ratio states merged give the yearly ratio exactly:'
CREATE TABLE orders_monthly AS
SELECT date_trunc('month', ordered_at) AS month, repeat_purchase_ratio_state(customer_id) AS repeat_state
FROM orders GROUP BY 1;
SELECT count(*) AS monthly_states,
       round(repeat_purchase_ratio(repeat_state)::numeric, 1) AS merged_repeat_pct,
       (SELECT round(repeat_purchase_ratio(customer_id)::numeric, 1) FROM orders) AS direct_repeat_pct
FROM orders_monthly;

-- Shop visits: one row per visit, converted when it ended in an order.
SELECT setseed(0.25) \g /dev/null
CREATE TABLE visits AS
SELECT visited_on, channel,
       random() < CASE channel WHEN 'app' THEN 0.045 WHEN 'marketplace' THEN 0.02 ELSE 0.03 END
                  * (1 + 0.3 * sin(2 * pi() * extract(doy FROM visited_on) / 365)) AS converted
FROM (SELECT DATE '2025-01-01' + floor(random() * 365)::int AS visited_on,
             (ARRAY['web', 'app', 'marketplace'])[1 + floor(random() * 3)::int] AS channel
      FROM generate_series(1, 60000)) v;
-- what a web analytics export gives: visitors and conversions per day
CREATE TABLE traffic_daily AS
SELECT visited_on AS day, count(*) AS visitors, count(*) FILTER (WHERE converted) AS conversions
FROM visits GROUP BY 1;

\echo 'Conversion rate (%) by channel, from visits:'
SELECT channel, count(*) AS visits, round(conversion_rate(converted)::numeric, 2) AS conversion_pct
FROM visits GROUP BY channel ORDER BY channel;

\echo 'Conversion rate (%) by quarter, from pre-aggregated daily visitors and conversions:'
SELECT to_char(date_trunc('quarter', day), 'YYYY-"Q"Q') AS quarter, sum(visitors) AS visitors,
       sum(conversions) AS conversions, round(conversion_rate(conversions, visitors)::numeric, 2) AS conversion_pct
FROM traffic_daily GROUP BY 1 ORDER BY 1;

-- App activity: 600 users, each active on a given day with a probability of their own.
SELECT setseed(0.35) \g /dev/null
CREATE TABLE app_events AS
WITH users AS MATERIALIZED (
    SELECT u AS user_id, 0.02 + 0.6 * random() * random() AS p FROM generate_series(1, 600) u
)
SELECT user_id, active_on
FROM users, LATERAL (SELECT d::date AS active_on
                     FROM generate_series(DATE '2025-01-01', DATE '2025-12-31', interval '1 day') AS d
                     WHERE random() < users.p OFFSET 0) days;   -- OFFSET 0: one draw per user and day

\echo 'App stickiness by quarter (mean daily active users / active users of the quarter, %):'
SELECT to_char(date_trunc('quarter', active_on), 'YYYY-"Q"Q') AS quarter,
       count(DISTINCT user_id) AS active_users,
       round((count(*)::numeric / count(DISTINCT active_on)), 1) AS mean_daily_active,
       round(stickiness(user_id, active_on)::numeric, 1) AS stickiness_pct
FROM app_events GROUP BY 1 ORDER BY 1;
