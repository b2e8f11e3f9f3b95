-- net_revenue_retention, gross_revenue_retention, revenue_churn_rate,
-- revenue_churn, revenue_state: the documented examples, each convention
-- and each error message.
SET extra_float_digits = 0;

CREATE TABLE customer_mrr (customer_id int, region text, start_mrr numeric, end_mrr numeric);
INSERT INTO customer_mrr VALUES
    (1, 'eu', 100.00, 150.00),  -- expansion
    (2, 'eu', 200.00, 200.00),  -- flat
    (3, 'eu', 100.00, 40.00),   -- contraction: 60 lost
    (4, 'us', 300.00, NULL),    -- churned: NULL end = 0, 300 lost
    (5, 'us', 50.00, 0),        -- churned: 50 lost
    (6, 'us', NULL, 80.00),     -- new: not in the base
    (7, 'us', 0, 25.00);        -- new (0 start): not in the base

SELECT net_revenue_retention(start_mrr, end_mrr), gross_revenue_retention(start_mrr, end_mrr),
       revenue_churn_rate(start_mrr, end_mrr), revenue_churn(start_mrr, end_mrr)
  FROM customer_mrr;
SELECT region, net_revenue_retention(start_mrr, end_mrr), gross_revenue_retention(start_mrr, end_mrr),
       revenue_churn_rate(start_mrr, end_mrr), revenue_churn(start_mrr, end_mrr)
  FROM customer_mrr GROUP BY region ORDER BY region;
-- double precision amounts give the same exact sums.
SELECT net_revenue_retention(start_mrr::float8, end_mrr::float8), revenue_churn(start_mrr::float8, end_mrr::float8)
  FROM customer_mrr;
SELECT revenue_churn(x, 0) FROM (VALUES (0.1::float8), (0.2), (0.3)) v(x);

-- The state and rollups.
SELECT revenue_state(start_mrr, end_mrr) FROM customer_mrr;
CREATE TABLE mrr_by_region AS
SELECT region, revenue_state(start_mrr, end_mrr) AS st FROM customer_mrr GROUP BY region;
SELECT net_revenue_retention(st), gross_revenue_retention(st), revenue_churn_rate(st), revenue_churn(st),
       revenue_state(st)
  FROM mrr_by_region;

-- No rows, NULLs, zeros, rounding to 0.0001.
SELECT net_revenue_retention(start_mrr, end_mrr), revenue_churn(start_mrr, end_mrr) FROM customer_mrr WHERE false;
SELECT net_revenue_retention(s, e) FROM (VALUES (NULL::numeric, 10::numeric), (0, 20), (NULL, NULL)) v(s, e);
SELECT revenue_churn(s, e), revenue_state(s, e)
  FROM (VALUES (10.00005::numeric, 0::numeric), (0.00004, 0)) v(s, e);
SELECT revenue_churn(s, 0) FROM (VALUES (922337203685477.5807::numeric)) v(s);

-- Errors.
SELECT net_revenue_retention(-5::numeric, 10::numeric);
SELECT net_revenue_retention(5::numeric, -0.01::numeric);
SELECT gross_revenue_retention(NULL::numeric, -1::numeric);
SELECT revenue_churn_rate('NaN'::numeric, 1::numeric);
SELECT revenue_churn_rate(1::float8, '-Infinity'::float8);
SELECT revenue_churn(922337203685477.58075::numeric, 1::numeric);
SELECT revenue_churn(s, 0) FROM (VALUES (922337203685477::numeric), (1)) v(s);
SELECT 'v1 customers=1 start_mrr=5 end_mrr=0 lost_mrr=6'::revenue_state;
SELECT 'v1 customers=0 start_mrr=5 end_mrr=0 lost_mrr=0'::revenue_state;
SELECT 'v1 customers=1 start_mrr=5'::revenue_state;

DROP TABLE customer_mrr, mrr_by_region;
