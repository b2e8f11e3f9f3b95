-- Predictive customer lifetime value on the orders of 30_orders.sql: one
-- summary per customer (calibration up to the end of 2025, one-week unit),
-- BG/NBD and Gamma-Gamma fitted on all customers, then every customer scored.
-- clv_scores is used again by the HTML report.
\echo
\echo '=== Predictive CLV: BG/NBD and Gamma-Gamma ==='

SET TimeZone = 'UTC';
CREATE TABLE customer_summary AS
SELECT customer_id, channel, (clv_summary(ordered_at, amount, '2025-12-31 23:59:59+00', '1 week')).*
FROM orders GROUP BY customer_id, channel;

-- customers first seen on the last day (age 0) carry no information: clv_fit skips them
CREATE TABLE clv_models AS
SELECT clv_fit(frequency, recency, age, monetary) AS model FROM customer_summary;

\echo
\echo 'Summaries (frequency = repeat purchase days, recency and age in weeks, monetary = mean repeat order):'
SELECT count(*) AS customers, count(*) FILTER (WHERE frequency > 0) AS repeat_customers,
       round(avg(frequency), 2) AS mean_frequency, round(avg(recency)::numeric, 1) AS mean_recency,
       round(avg(age)::numeric, 1) AS mean_age,
       round(avg(monetary) FILTER (WHERE frequency > 0)::numeric, 2) AS mean_monetary
FROM customer_summary;

\echo 'Fitted model (BG/NBD r, alpha, a, b; Gamma-Gamma p, q, v):'
SELECT round((j->>'r')::numeric, 4) AS r, round((j->>'alpha')::numeric, 3) AS alpha,
       round((j->>'a')::numeric, 4) AS a, round((j->>'b')::numeric, 4) AS b,
       round((j->>'p')::numeric, 3) AS p, round((j->>'q')::numeric, 3) AS q, round((j->>'v')::numeric, 3) AS v,
       j->>'customers' AS customers, j->>'converged' AS converged
FROM (SELECT clv_model_params(model) AS j FROM clv_models) m;

-- every customer scored: next 52 weeks, 0.19 % discount per week (about 10 % a year)
CREATE TABLE clv_scores AS
SELECT customer_id, channel, frequency, recency, age, monetary,
       clv_p_alive(model, frequency, recency, age) AS p_alive,
       clv_expected_purchases(model, 52, frequency, recency, age) AS purchases_next_year,
       clv_expected_order_value(model, frequency, monetary) AS expected_order_value,
       clv_predict(model, 52, frequency, recency, age, monetary, 0.0019) AS predicted_clv
FROM customer_summary, clv_models;

\echo 'Top 10 customers by predicted value over the next 52 weeks:'
SELECT customer_id, channel, frequency, round(recency::numeric, 1) AS recency, round(age::numeric, 1) AS age,
       round(monetary::numeric, 2) AS monetary, round(p_alive::numeric, 3) AS p_alive,
       round(purchases_next_year::numeric, 2) AS purchases_next_year,
       round(expected_order_value::numeric, 2) AS order_value, round(predicted_clv::numeric, 2) AS clv_52_weeks
FROM clv_scores ORDER BY predicted_clv DESC, customer_id LIMIT 10;

\echo 'Customers by probability of being alive (P(alive)), with their predicted value:'
SELECT CASE WHEN p_alive < 0.25 THEN '0.00-0.25' WHEN p_alive < 0.5 THEN '0.25-0.50'
            WHEN p_alive < 0.75 THEN '0.50-0.75' ELSE '0.75-1.00' END AS p_alive,
       count(*) AS customers, round(avg(frequency), 2) AS mean_frequency,
       round(sum(predicted_clv)::numeric, 0) AS clv_52_weeks_total
FROM clv_scores GROUP BY 1 ORDER BY 1;

\echo 'clv() per acquisition channel: each segment fitted on its own, mean undiscounted value over 1 year:'
SELECT channel, count(DISTINCT customer_id) AS customers,
       round(clv(customer_id, ordered_at, amount, '1 year')::numeric, 2) AS clv_1_year,
       round((SELECT avg(predicted_clv) FROM clv_scores s WHERE s.channel = o.channel)::numeric, 2)
           AS pooled_model_discounted
FROM orders o GROUP BY channel ORDER BY channel;
