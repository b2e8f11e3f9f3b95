-- SaaS revenue analytics: the MRR bridge of a small known history (the
-- numbers are worked out by hand in test/saas_mrr.sql), its state, and the
-- errors.
SET DateStyle = 'ISO, YMD';
CREATE TEMP TABLE subscription_mrr(customer_id int, month date, mrr numeric);
INSERT INTO subscription_mrr VALUES
  (1, '2024-01-15', 100), (1, '2024-02-01', 150), (1, '2024-03-31', 150),
  (2, '2024-01-01', 50), (2, '2024-02-01', 30),
  (3, '2024-02-01', 20), (3, '2024-02-11', 20), (3, '2024-04-01', 10),
  (4, '2024-03-01', 0),
  (5, '2024-04-30', 70),
  (6, '2024-01-01', 25), (6, '2024-02-01', 25), (6, '2024-03-01', 25), (6, '2024-04-01', 25),
  (NULL, '2024-06-01', 99);

-- The monthly table.
SELECT b.*
  FROM (SELECT mrr_movements(customer_id, month, mrr) AS bridge FROM subscription_mrr) x,
       unnest(bridge) b;

-- The same from stored quarterly states.
CREATE TEMP TABLE mrr_rollup AS
SELECT date_trunc('quarter', month)::date AS quarter, mrr_movements_state(customer_id, month, mrr) AS st
  FROM subscription_mrr GROUP BY 1;
SELECT quarter, st FROM mrr_rollup ORDER BY quarter;
SELECT (unnest(mrr_movements(st))).mrr_end FROM mrr_rollup;

-- Empty and NULL groups.
SELECT mrr_movements(customer_id, month, mrr) IS NULL AS empty FROM subscription_mrr WHERE false;
SELECT mrr_movements(customer_id, month, NULL::numeric) IS NULL AS all_null FROM subscription_mrr;

-- Errors.
SELECT mrr_movements(1, date '2024-01-01', -5);
SELECT mrr_movements(1, date 'infinity', 5);
SELECT 'v1 grain=month key=int 2=2024-01:1.0000 1=2024-01:1.0000'::mrr_movements_state;
SELECT mrr_movements(st) FROM (VALUES ('v1 grain=month key=int 1=2024-01:1.0000'::mrr_movements_state),
                                      ('v1 grain=year key=int 1=2024-01:1.0000')) v(st);

-- Revenue retention of the January cohort: customer 1 starts at 100
-- (60 + 40), then 150, 80; customer 2 at 50, then nothing, then 50.
-- Net: 150/150, 150/150, 130/150; gross caps customer 1 at 100: 100/150 in February.
SELECT cohort_revenue_retention(c, cs, m, r, false) AS net, cohort_revenue_retention(c, cs, m, r, true) AS gross
  FROM (VALUES (1, date '2024-01-01', date '2024-01-05', 60), (1, '2024-01-01', '2024-01-20', 40),
               (1, '2024-01-01', '2024-02-01', 150), (1, '2024-01-01', '2024-03-01', 80),
               (2, '2024-01-10', '2024-01-10', 50), (2, '2024-01-10', '2024-03-31', 50)) v(c, cs, m, r);
SELECT cohort_revenue_retention(1, date '2024-02-01', date '2024-01-31', 5, false);

-- ARPA: (10 + 20 + 30) / 2 customers with MRR.
SELECT arpa(c, r) FROM (VALUES (1, 10), (1, 20), (2, 0), (3, 30)) v(c, r);
SELECT arpa_state(c, r) FROM (VALUES (1, 10), (1, 20), (2, 0), (3, 30)) v(c, r);

-- Unit economics.
SELECT cac(1000::numeric, 4) AS cac, cac(1000::numeric, 0) AS cac_no_customers,
       ltv_cac_ratio(3000, 1000) AS ratio, cac_payback_months(1200, 100, 0.8) AS payback;
SELECT cac(-1::numeric, 3);

-- Trials: converted on day 14 (inclusive), on day 15, never.
SELECT trial_conversion_rate(s, c, '14 days')
  FROM (VALUES (date '2024-01-01', date '2024-01-15'), ('2024-01-01', '2024-01-16'), ('2024-01-01', NULL)) v(s, c);
SELECT trial_conversion_rate(s, c, '-1 day') FROM (VALUES (date '2024-01-01', date '2024-01-15')) v(s, c);
