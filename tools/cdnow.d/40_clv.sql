-- BG/NBD and Gamma-Gamma on the CDNOW sample (2 357 customers) as in Fader,
-- Hardie & Lee (2005) and Fader & Hardie (2013): calibration up to
-- 1997-09-30 (39 weeks), one-week unit, weeks 40-78 held out.
\echo
\echo '=== CDNOW: predictive CLV (BG/NBD + Gamma-Gamma) on the 1/10 sample ==='

CREATE TABLE customer_summary AS
SELECT customer_id, (clv_summary(ordered_on, amount, '1997-09-30', '1 week')).*
FROM cdnow_sample GROUP BY customer_id;
CREATE TABLE clv_models AS
SELECT clv_fit(frequency, recency, age, monetary) AS model FROM customer_summary;

\echo
\echo 'Fitted parameters against the published ones:'
SELECT name, published, round((clv_model_params(model)->>name)::numeric, 4) AS this_extension
FROM clv_models,
     (VALUES (1, 'r', 0.243), (2, 'alpha', 4.414), (3, 'a', 0.793), (4, 'b', 2.426),
             (5, 'p', 6.25), (6, 'q', 3.74), (7, 'v', 15.44), (8, 'll_bgnbd', -9582.4)) AS p(i, name, published)
ORDER BY i;

CREATE TABLE cdnow_holdout AS
SELECT customer_id, count(DISTINCT ordered_on) AS purchase_days FROM cdnow_sample
WHERE ordered_on > '1997-09-30' AND ordered_on <= DATE '1997-09-30' + 39 * 7 GROUP BY customer_id;

\echo 'Holdout check (weeks 40-78): expected repeat purchases against actual purchase days,'
\echo 'by number of repeat purchases in the calibration period:'
SELECT CASE WHEN s.frequency >= 7 THEN '7+' ELSE s.frequency::text END AS calibration_frequency,
       count(*) AS customers,
       round(avg(clv_expected_purchases(model, 39, s.frequency, s.recency, s.age))::numeric, 2) AS expected_per_customer,
       round(avg(coalesce(h.purchase_days, 0)), 2) AS actual_per_customer
FROM customer_summary s CROSS JOIN clv_models LEFT JOIN cdnow_holdout h USING (customer_id)
GROUP BY 1 ORDER BY min(s.frequency);
SELECT round(sum(clv_expected_purchases(model, 39, frequency, recency, age))::numeric, 1) AS expected_total,
       (SELECT sum(purchase_days) FROM cdnow_holdout) AS actual_total
FROM customer_summary, clv_models;

-- every sample customer scored over the holdout's 39 weeks, 0.19 % discount per week
CREATE TABLE clv_scores AS
SELECT customer_id, frequency, recency, age, monetary,
       clv_p_alive(model, frequency, recency, age) AS p_alive,
       clv_expected_purchases(model, 39, frequency, recency, age) AS expected_purchases,
       clv_expected_order_value(model, frequency, monetary) AS expected_order_value,
       clv_predict(model, 39, frequency, recency, age, monetary, 0.0019) AS predicted_clv
FROM customer_summary, clv_models;

\echo 'Top 10 customers by predicted value over the next 39 weeks:'
SELECT customer_id, frequency, round(recency::numeric, 2) AS recency, round(age::numeric, 2) AS age,
       round(monetary::numeric, 2) AS monetary, round(p_alive::numeric, 3) AS p_alive,
       round(expected_purchases::numeric, 2) AS expected_purchases,
       round(expected_order_value::numeric, 2) AS order_value, round(predicted_clv::numeric, 2) AS clv_39_weeks
FROM clv_scores ORDER BY predicted_clv DESC, customer_id LIMIT 10;

\echo 'Customers by probability of being alive at the end of the calibration period:'
SELECT CASE WHEN p_alive < 0.25 THEN '0.00-0.25' WHEN p_alive < 0.5 THEN '0.25-0.50'
            WHEN p_alive < 0.75 THEN '0.50-0.75' ELSE '0.75-1.00' END AS p_alive,
       count(*) AS customers, round(avg(frequency), 2) AS mean_frequency,
       round(sum(predicted_clv)::numeric, 0) AS clv_39_weeks_total
FROM clv_scores GROUP BY 1 ORDER BY 1;

\echo 'clv() in one aggregate, per first-purchase month of the sample (all of its orders, 1 year horizon):'
SELECT to_char(date_trunc('month', first), 'YYYY-MM') AS first_purchase, count(DISTINCT customer_id) AS customers,
       round(clv(customer_id, ordered_on::timestamptz, amount, '1 year')::numeric, 2) AS clv_1_year
FROM (SELECT *, min(ordered_on) OVER (PARTITION BY customer_id) AS first FROM cdnow_sample) s
GROUP BY 1 ORDER BY 1;
