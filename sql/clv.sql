-- Predictive CLV: the documented examples, with rounded outputs.
SET TimeZone = 'UTC';
SET extra_float_digits = 0;

CREATE TABLE clv_orders (customer_id int, purchased_on date, amount numeric);
INSERT INTO clv_orders VALUES
    (1, '1997-01-01', 29.33), (1, '1997-01-18', 29.73), (1, '1997-08-02', 14.96), (1, '1997-12-12', 26.48),
    (2, '1997-01-01', 63.34), (2, '1997-01-01', 10.00), (2, '1997-03-15', 20.00),
    (3, '1997-02-10', 12.50),
    (4, '1997-03-31', 40.00), (4, '1997-04-07', NULL), (4, NULL, 5.00);

-- one summary per customer (same-day purchases merged, holdout rows ignored)
SELECT customer_id, (s).frequency, round((s).recency::numeric, 4) AS recency,
       round((s).age::numeric, 4) AS age, round((s).monetary::numeric, 4) AS monetary
FROM (SELECT customer_id, clv_summary(purchased_on, amount, '1997-09-30', '1 week') AS s
      FROM clv_orders GROUP BY customer_id) x
ORDER BY customer_id;

-- the state, readable and storable
SELECT clv_summary_state(purchased_on, amount, '1997-09-30', '1 week')
FROM clv_orders WHERE customer_id = 2;

-- a hand-written model (the published CDNOW estimates) and its JSON
SELECT '{"r":0.243,"alpha":4.414,"a":0.793,"b":2.426,"p":6.25,"q":3.74,"v":15.44}'::clv_model;
SELECT clv_model_params('{"r":0.243,"alpha":4.414,"a":0.793,"b":2.426}')->>'alpha' AS alpha;

-- per-customer predictions
SELECT round(clv_expected_purchases(m, 39, 2, 30.43, 38.86)::numeric, 4) AS purchases_39w,
       round(clv_p_alive(m, 2, 30.43, 38.86)::numeric, 4) AS p_alive,
       round(clv_expected_order_value(m, 2, 30)::numeric, 4) AS order_value,
       round(clv_predict(m, 39, 2, 30.43, 38.86, 30, 0)::numeric, 4) AS value_39w,
       round(clv_predict(m, 39, 2, 30.43, 38.86, 30, 0.01)::numeric, 4) AS value_39w_discounted
FROM (SELECT '{"r":0.243,"alpha":4.414,"a":0.793,"b":2.426,"p":6.25,"q":3.74,"v":15.44}'::clv_model AS m) x;

-- heavy buyer: finite and sane
SELECT round(clv_expected_purchases(m, 39, 221, 103.43, 103.57)::numeric, 4) AS purchases,
       round(clv_p_alive(m, 221, 103.43, 103.57)::numeric, 6) AS p_alive
FROM (SELECT '{"r":0.243,"alpha":4.414,"a":0.793,"b":2.426,"p":6.25,"q":3.74,"v":15.44}'::clv_model AS m) x;

-- a new customer, first seen at the end of the observation (age 0)
SELECT round(clv_expected_purchases(m, 39, 0, 0, 0)::numeric, 4) AS purchases,
       clv_p_alive(m, 0, 0, 0) AS p_alive
FROM (SELECT '{"r":0.243,"alpha":4.414,"a":0.793,"b":2.426,"p":6.25,"q":3.74,"v":15.44}'::clv_model AS m) x;

-- fitting: 600 simulated customers, each buying at a steady rate during an
-- exponential lifetime
SELECT setseed(0.5);
CREATE TABLE clv_sim AS
WITH c AS (SELECT g AS cust, '1997-01-01'::date + floor(random() * 90)::int AS first,
                  -ln(random()) * 0.05 AS rate, -ln(random()) * 150 AS life, 5 + random() * 60 AS spend
           FROM generate_series(1, 600) g)
SELECT cust, d, round((spend * (0.5 + random()))::numeric, 2)::float8 AS amount
FROM (SELECT cust, first AS d, spend FROM c
      UNION ALL
      SELECT cust, first + floor(random() * life)::int, spend
      FROM c, generate_series(1, floor(c.rate * c.life)::int)) s;
CREATE TABLE clv_customers AS
SELECT cust AS id, (clv_summary(d, amount, '1997-09-30', '1 week')).* FROM clv_sim GROUP BY cust;
SELECT j->>'customers' AS customers, j->>'converged' AS converged,
       round((j->>'r')::numeric, 3) AS r, round((j->>'alpha')::numeric, 3) AS alpha,
       round((j->>'a')::numeric, 3) AS a, round((j->>'b')::numeric, 3) AS b,
       round((j->>'p')::numeric, 3) AS p, round((j->>'q')::numeric, 3) AS q, round((j->>'v')::numeric, 3) AS v
FROM (SELECT clv_model_params(clv_fit(frequency, recency, age, monetary)) AS j FROM clv_customers) f;
SELECT clv_fit_state(frequency, round(recency::numeric, 2)::float8, round(age::numeric, 2)::float8,
                     round(monetary::numeric, 2)::float8)
FROM clv_customers WHERE id <= 8;
-- the value of the group's customers over the next 39 weeks
SELECT round(clv(cust, d, amount, '39 weeks')::numeric, 4) AS mean_value FROM clv_sim;

-- bad input
SELECT clv_fit(-1, 0, 10, 0);
SELECT clv_fit(1, 11, 10, 5);
SELECT clv_fit(1, 5, 0, 5);
SELECT clv_fit(0, 0, -1, 0);
SELECT clv_fit(1, 5, 10, -1);
SELECT '{"r":0,"alpha":1,"a":1,"b":1}'::clv_model;
SELECT '{"r":1,"alpha":1}'::clv_model;
SELECT clv_summary(purchased_on, amount, '1997-09-30', '0 days') FROM clv_orders;

-- long computations stop at statement_timeout (CHECK_FOR_INTERRUPTS in the loops)
SET statement_timeout = '200ms';
SELECT clv_predict('{"r":0.243,"alpha":4.414,"a":0.793,"b":2.426,"p":6.25,"q":3.74,"v":15.44}',
                   999999, 0, 0, 38, 0, 0.01);
RESET statement_timeout;

DROP TABLE clv_orders, clv_customers, clv_sim;
