-- Order and engagement metrics (SPEC section 4): the examples of
-- the README's order section, each state type's text form, and the error messages.
SET TimeZone = 'UTC';
CREATE TABLE orders (customer_id int8, ordered_at timestamptz, units_sold int, units_returned int);
INSERT INTO orders VALUES
    (1, '2024-01-03 10:00', 2, 0), (1, '2024-01-20 12:00', 1, 1), (1, '2024-02-11 09:30', 3, 0),
    (2, '2024-01-05 16:00', 1, 0), (2, '2024-03-05 16:00', 4, 1),
    (3, '2024-02-14 08:00', 1, 0),
    (4, '2024-02-29 20:00', 5, 2),
    (NULL, '2024-03-01 00:00', 1, 0);

-- the four aggregates of SPEC section 1, on one metric
SELECT repeat_purchase_ratio(customer_id) FROM orders;
SELECT repeat_purchase_ratio_state(customer_id) FROM orders;
SELECT date_trunc('month', ordered_at)::date AS month,
       repeat_purchase_ratio_state(customer_id) AS state
INTO TEMP monthly FROM orders GROUP BY 1;
SELECT month, state FROM monthly ORDER BY month;
SELECT repeat_purchase_ratio(state) FROM monthly;
SELECT repeat_purchase_ratio_state(state) FROM monthly;

-- every metric
SELECT loyal_customer_rate(customer_id, 3) FROM orders;
SELECT purchase_frequency(customer_id) FROM orders;
SELECT time_between_purchases(customer_id, ordered_at) FROM orders;
SELECT time_between_purchases(customer_id, ordered_at::date) FROM orders;
SELECT return_rate(units_sold, units_returned) FROM orders;
SELECT return_rate(returned) FROM (VALUES (true), (false), (false), (NULL)) v(returned);
SELECT conversion_rate(converted) FROM (VALUES (true), (false), (false), (false)) v(converted);
SELECT conversion_rate(conversions, visitors) FROM (VALUES (3, 120), (5, 80)) v(conversions, visitors);
SELECT stickiness(user_id, active_on)
FROM (VALUES (1, date '2024-05-01'), (2, '2024-05-01'), (1, '2024-05-02'), (1, '2024-05-04')) v(user_id, active_on);

-- other key types and the states' text forms
SELECT loyal_customer_rate_state(customer_id::text, 2) FROM orders;
SELECT purchase_frequency_state(md5(customer_id::text)::uuid) FROM orders WHERE customer_id <= 2;
SELECT time_between_purchases_state(customer_id::int4, ordered_at) FROM orders WHERE customer_id <= 2;
SELECT stickiness_state(user_id, active_on)
FROM (VALUES ('ann', date '2024-05-01'), ('bob', '2024-05-01'), ('ann', '2024-05-02')) v(user_id, active_on);
SELECT return_rate_state(units_sold, units_returned) FROM orders;
SELECT conversion_rate_state(converted) FROM (VALUES (true), (false)) v(converted);

-- a sliding window (moving-aggregate support)
SELECT ordered_at::date, customer_id,
       repeat_purchase_ratio(customer_id) OVER (ORDER BY ordered_at ROWS 3 PRECEDING)
FROM orders ORDER BY ordered_at;

-- errors
SELECT loyal_customer_rate(customer_id, 0) FROM orders;
SELECT loyal_customer_rate(customer_id, customer_id::int) FROM orders;
SELECT return_rate(-1, 0);
SELECT conversion_rate(1, -2);
SELECT time_between_purchases(1, timestamptz 'infinity');
SELECT 'v1 int {1:0}'::repeat_purchase_ratio_state;
SELECT 'v1 int {1:1,1:2}'::repeat_purchase_ratio_state;
SELECT 'v1 int {1:1}'::loyal_customer_rate_state;
SELECT repeat_purchase_ratio(s)
FROM (SELECT repeat_purchase_ratio_state(1) UNION ALL SELECT repeat_purchase_ratio_state('x'::text)) v(s);

DROP TABLE orders;
